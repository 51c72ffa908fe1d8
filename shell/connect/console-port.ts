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
  /** The far end has nothing more to say until it is sent something (the embedded model). */
  readonly quiescent?: () => boolean;
}

export interface ConsolePort extends ReconnectingPort {
  /** Forgets received bytes no console has taken yet (an XMODEM transfer's ACKs, not for the screen). */
  discardHeld(): void;
  /** The far end has nothing more to say until it is sent something (the embedded model). */
  quiescent?(): boolean;
  /** Adds a log that gets every byte received from now on, before `incomingCr` mapping; returns its removal. */
  addLog(writer: LogWriter): () => void;
}

/** Received bytes held for a console that has not subscribed yet; beyond this the oldest go. */
const HOLD_LIMIT_BYTES = 1024 * 1024;

/**
 * The port a console (plain mode, the TUI, `sis run`) talks to: line endings mapped both ways,
 * received bytes logged, `open()` safe to call more than once (so a caller can connect before
 * handing the port to the TUI), and bytes that arrive before the first `onData` listener kept
 * for it. `state` and `onState` are the reconnecting port's.
 */
export function createConsolePort(options: ConsolePortOptions): ConsolePort {
  const { port, log } = options;
  const outgoing = createOutgoingMapper(options.enter ?? 'cr');
  const incoming = createIncomingMapper(options.incomingCr ?? 'keep');
  const dataListeners = new Listeners<[Uint8Array]>();
  let held: Uint8Array[] = [];
  let heldBytes = 0;
  let opened: Promise<void> | undefined;
  const logs = new Set<LogWriter>();
  const release = (): void => {
    const chunks = held;
    held = [];
    heldBytes = 0;
    for (const chunk of chunks) dataListeners.emit(chunk);
  };

  port.onData((chunk) => {
    log?.write(chunk);
    for (const added of logs) added.write(chunk);
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
    ...(options.quiescent && { quiescent: options.quiescent }),
    open() {
      opened ??= port.open();
      return opened;
    },
    write(data) {
      const mapped = outgoing.map(data);
      if (mapped.length > 0) port.write(mapped);
    },
    drain: () => port.drain(),
    pause: () => port.pause?.(),
    resume: () => port.resume?.(),
    close: () => port.close(),
    onData(listener) {
      const remove = dataListeners.add(listener);
      if (held.length > 0) queueMicrotask(release);
      return remove;
    },
    onClose: (listener) => port.onClose(listener),
    onState: (listener) => port.onState(listener),
    lineControl: port.lineControl,
    addLog(writer) {
      logs.add(writer);
      return () => void logs.delete(writer);
    },
    discardHeld() {
      held = [];
      heldBytes = 0;
    },
  };
}
