import {
  createInputMapper,
  createOutputMapper,
  Listeners,
  type LineMapping,
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
  /** `--map INLCRNL` and `ODELBS`; default off. */
  readonly lfToCrlf?: boolean;
  readonly delToBs?: boolean;
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
  /** The byte mapping in effect; `setMapping` changes it for the bytes that follow. */
  readonly mapping: LineMapping;
  setMapping(mapping: LineMapping): void;
  /** Bytes to the link as they are (hex send), past the mapping. */
  writeRaw(bytes: Uint8Array): void;
  /**
   * Takes the line for a transfer: until `release`, the console's own writes are dropped, and with
   * `receive` the bytes received go to it, unmapped, instead of to the console (still logged).
   */
  takeLine(receive?: (chunk: Uint8Array) => void): LineTake;
}

export interface LineTake {
  write(bytes: Uint8Array): void;
  release(): void;
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
  let mapping: LineMapping = {
    enter: options.enter ?? 'cr',
    incomingCr: options.incomingCr ?? 'keep',
    lfToCrlf: options.lfToCrlf === true,
    delToBs: options.delToBs === true,
  };
  let outgoing = createOutputMapper(mapping);
  let incoming = createInputMapper(mapping);
  let taken: { receive: ((chunk: Uint8Array) => void) | undefined } | undefined;
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
    if (taken?.receive !== undefined) return taken.receive(chunk);
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
      if (taken !== undefined) return;
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
    get mapping() {
      return mapping;
    },
    setMapping(next) {
      mapping = next;
      outgoing = createOutputMapper(next);
      incoming = createInputMapper(next);
    },
    writeRaw: (bytes) => port.write(bytes),
    takeLine(receive) {
      const take = { receive };
      taken = take;
      return {
        write: (bytes) => port.write(bytes),
        release: () => {
          if (taken === take) taken = undefined;
        },
      };
    },
  };
}
