import {
  createIncomingMapper,
  createOutgoingMapper,
  Listeners,
  type EnterMode,
  type IncomingCrMode,
  type LogWriter,
  type ReconnectingPort,
} from '../../uart/index.js';

export interface ConsolePortOptions {
  readonly port: ReconnectingPort;
  /** What a CR or LF written by the console becomes on the wire. Default `cr` (unchanged). */
  readonly enter?: EnterMode;
  /** Default `keep`. */
  readonly incomingCr?: IncomingCrMode;
  /** Gets every received byte, before `incomingCr` mapping. */
  readonly log?: LogWriter;
  /**
   * When nothing at all has arrived this long after a (re)connection, send one Enter to ask for a
   * prompt (the far end printed its banner before we connected: QEMU with wait=off, sis serve),
   * again after twice and four times as long. Default: never.
   */
  readonly wakeAfterMs?: number;
}

export interface ConsolePort extends ReconnectingPort {
  /** Forgets received bytes no console has taken yet (an XMODEM transfer's ACKs, not for the screen). */
  discardHeld(): void;
}

/** Received bytes held for a console that has not subscribed yet; beyond this the oldest go. */
const HOLD_LIMIT_BYTES = 1024 * 1024;
const WAKE_TRIES = 3;

/**
 * The port a console (plain mode, the TUI, `sis run`) talks to: line endings mapped both ways,
 * received bytes logged, `open()` safe to call more than once (so a caller can connect before
 * handing the port to the TUI), and bytes that arrive before the first `onData` listener kept
 * for it; a far end that stays silent after connecting is asked for a prompt. `state` and
 * `onState` are the reconnecting port's.
 */
export function createConsolePort(options: ConsolePortOptions): ConsolePort {
  const { port, log } = options;
  const outgoing = createOutgoingMapper(options.enter ?? 'cr');
  const incoming = createIncomingMapper(options.incomingCr ?? 'keep');
  const dataListeners = new Listeners<[Uint8Array]>();
  let held: Uint8Array[] = [];
  let heldBytes = 0;
  let opened: Promise<void> | undefined;
  let heardSinceConnect = false;
  let wakeTimers: ReturnType<typeof setTimeout>[] = [];

  const cancelWake = (): void => {
    for (const timer of wakeTimers) clearTimeout(timer);
    wakeTimers = [];
  };
  const armWake = (after: number): void => {
    cancelWake();
    heardSinceConnect = false;
    for (let i = 0; i < WAKE_TRIES; i++) {
      const timer = setTimeout(() => {
        if (!heardSinceConnect && port.state.status === 'connected') port.write(outgoing.map(Uint8Array.of(0x0d)));
      }, after * (2 ** (i + 1) - 1));
      timer.unref();
      wakeTimers.push(timer);
    }
  };
  const wakeAfterMs = options.wakeAfterMs;
  if (wakeAfterMs !== undefined) {
    port.onState((state) => {
      if (state.status === 'connected') armWake(wakeAfterMs);
      else if (state.status !== 'connecting') cancelWake();
    });
  }

  const release = (): void => {
    const chunks = held;
    held = [];
    heldBytes = 0;
    for (const chunk of chunks) dataListeners.emit(chunk);
  };

  port.onData((chunk) => {
    heardSinceConnect = true;
    log?.write(chunk);
    const mapped = incoming.map(chunk);
    if (mapped.length === 0) return;
    if (dataListeners.size > 0 && held.length === 0) {
      dataListeners.emit(mapped);
      return;
    }
    held.push(mapped);
    heldBytes += mapped.length;
    while (heldBytes > HOLD_LIMIT_BYTES && held.length > 1) heldBytes -= held.shift()!.length;
  });

  return {
    get description() {
      return port.description;
    },
    get state() {
      return port.state;
    },
    get traffic() {
      return port.traffic;
    },
    open() {
      opened ??= port.open();
      return opened;
    },
    write(data) {
      const mapped = outgoing.map(data);
      if (mapped.length > 0) port.write(mapped);
    },
    drain: () => port.drain(),
    close: () => port.close(),
    onData(listener) {
      const remove = dataListeners.add(listener);
      if (held.length > 0) queueMicrotask(release);
      return remove;
    },
    onClose: (listener) => port.onClose(listener),
    onState: (listener) => port.onState(listener),
    lineControl: port.lineControl,
    discardHeld() {
      held = [];
      heldBytes = 0;
    },
  };
}
