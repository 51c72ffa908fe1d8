import { unsupportedLineControl, type LineControl } from './line-control.js';

/**
 * A byte channel to the other end of a serial line: the embedded kernel model, a real serial
 * device, or a tcp:/unix: socket. Knows nothing about what the bytes mean.
 *
 * Contract:
 * - `open()` resolves once bytes can flow, or rejects with a `PortError`; it is called once.
 * - `write()` queues bytes in order; it never throws for a closed port (the bytes are dropped and
 *   the `close` listeners have already been told).
 * - `drain()` resolves when every queued byte has been handed to the other end.
 * - `data` listeners get each received chunk exactly once, in arrival order; a chunk is never
 *   empty and is not reused by the port after delivery.
 * - `close` listeners are called exactly once, whether the host closed the port (`reason`
 *   undefined) or the other end went away (`reason` set).
 * - `close()` is idempotent and resolves after the `close` listeners have run.
 */
export interface BytePort {
  /** Human-readable name of the other end, e.g. `virtual`, `tcp:127.0.0.1:4444`, `/dev/ttyUSB0`. */
  readonly description: string;
  open(): Promise<void>;
  write(data: Uint8Array): void;
  drain(): Promise<void>;
  close(): Promise<void>;
  onData(listener: (chunk: Uint8Array) => void): () => void;
  onClose(listener: (reason?: PortError) => void): () => void;
  /** BREAK, DTR/RTS, modem lines and line settings; absent on ports that have none (tcp:, unix:). */
  readonly lineControl?: LineControl;
  /** Stops reading from the far end until `resume()` (TCP or the tty then holds it back); absent where reading cannot stop. */
  pause?(): void;
  resume?(): void;
}

export type PortErrorKind =
  | 'not-found'
  | 'permission-denied'
  | 'locked'
  | 'not-a-tty'
  | 'unreachable'
  | 'refused'
  | 'disconnected'
  | 'io';

/** An expected transport failure, shown to the user as one line. */
export interface PortError {
  readonly kind: PortErrorKind;
  readonly message: string;
}

export function portError(kind: PortErrorKind, message: string): PortError {
  return { kind, message };
}

export function isPortError(value: unknown): value is PortError {
  return typeof value === 'object' && value !== null && 'kind' in value && 'message' in value;
}

/** The port's line control, or one that answers every call with `unsupported`. */
export function lineControlOf(port: BytePort): LineControl {
  return port.lineControl ?? unsupportedLineControl(port.description);
}
