import { closeSync, constants, existsSync, fdatasync, fstatSync, ftruncateSync, openSync, realpathSync, rmSync, writeSync } from 'node:fs';
import { repeatTimer, systemClock, type HostClock } from './host-clock.js';
import { createAnsiStripper, type AnsiStripper } from './ansi-strip.js';
import { createLineStamper, type LineStamper, type TimestampMode } from './line-stamper.js';
import { openError, writeError } from './log-file-errors.js';
import type { PortError } from './port.js';

export interface LogWriterOptions {
  readonly path: string;
  /** Add to an existing file instead of replacing it. */
  readonly append: boolean;
  /** Prefix each line with a timestamp. Default: none (raw bytes). */
  readonly timestamps?: TimestampMode;
  /** Remove ANSI escape sequences. Default false. */
  readonly strip?: boolean;
  /** Stamps read its wall time; the periodic flush runs on its timers. Default the system clock. */
  readonly clock?: HostClock;
  /** Buffered bytes are written at least this often. Default 100 ms. */
  readonly flushIntervalMs?: number;
  /** Buffered bytes are written once this many are waiting. Default 64 KiB. */
  readonly bufferBytes?: number;
  /**
   * Opened now (so a bad path is reported before anything starts) but not emptied or written
   * until start(): a session whose target cannot be reached leaves an existing file as it was.
   * Default false (started at once).
   */
  readonly deferStart?: boolean;
}

export interface LogWriter {
  readonly path: string;
  /** Bytes handed to the file so far (after stripping and timestamps). */
  readonly bytesWritten: number;
  /** The first write failure (disk full, I/O error); bytes after it are lost. */
  readonly error: PortError | undefined;

  /** Record bytes received from the port. Ignored after close(). */
  write(bytes: Uint8Array): void;
  /** Writes every buffered byte to the file and waits until it is on disk. */
  flush(): Promise<void>;
  /** Writes every buffered byte to the file, synchronously: safe in a signal or exit handler. */
  flushSync(): void;
  /** flush(), then close the file. Idempotent. */
  close(): Promise<void>;
}

/** The writer createLogWriter returns: a LogWriter that also tells its failures and can start late. */
export interface SessionLogWriter extends LogWriter {
  /** Called once, at the first write failure. Returns a function that removes the listener. */
  onError(listener: (error: PortError) => void): () => void;
  /** Empties the file (unless appending) and writes what was buffered. Idempotent. */
  start(): void;
  /** Closes without writing; a file this writer created is removed. For a session that never started. */
  abandon(): Promise<void>;
}

export type LogWriterResult =
  | { readonly ok: true; readonly writer: SessionLogWriter }
  | { readonly ok: false; readonly error: PortError };

/** A session log of everything received from the port (`--log PATH`, `--log-append`). */
export function createLogWriter(options: LogWriterOptions): LogWriterResult {
  const { path } = options;
  const clock = options.clock ?? systemClock;
  const bufferBytes = options.bufferBytes ?? 64 * 1024;
  let fd: number;
  let created: string | null = null;
  try {
    const existed = existsSync(path);
    // No O_TRUNC: the file is emptied by start(), once the session has begun.
    fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | (options.append ? constants.O_APPEND : 0), 0o666);
    // A dangling symlink's target was created, not the link.
    if (!existed) created = realpathSync(path);
  } catch (error) {
    return { ok: false, error: openError(path, error as NodeJS.ErrnoException) };
  }
  const stripper: AnsiStripper | undefined = options.strip === true ? createAnsiStripper() : undefined;
  const stamper: LineStamper | undefined = options.timestamps !== undefined
    ? createLineStamper({ mode: options.timestamps, startMs: clock.wallMs() })
    : undefined;
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let bytesWritten = 0;
  let started = false;
  let closed = false;
  let failure: PortError | undefined;
  const errorListeners = new Set<(error: PortError) => void>();

  const fail = (error: NodeJS.ErrnoException): void => {
    if (failure !== undefined) return;
    failure = writeError(path, error);
    for (const listener of errorListeners) listener(failure);
  };

  const flushSync = (): void => {
    if (!started || closed || pendingBytes === 0) return;
    const parts = pending;
    pending = [];
    pendingBytes = 0;
    if (failure !== undefined) return;
    try {
      for (const part of parts) {
        let offset = 0;
        while (offset < part.length) offset += writeSync(fd, part, offset, part.length - offset);
        bytesWritten += part.length;
      }
    } catch (error) {
      fail(error as NodeJS.ErrnoException);
    }
  };

  const start = (): void => {
    if (started || closed) return;
    started = true;
    if (!options.append) {
      try {
        if (fstatSync(fd).isFile()) ftruncateSync(fd, 0);
      } catch (error) {
        fail(error as NodeJS.ErrnoException);
      }
    }
    flushSync();
  };

  // A writer left open does not keep the process alive: close() and the exit handlers flush too.
  const stopFlushing = repeatTimer(clock, flushSync, options.flushIntervalMs ?? 100, { background: true });

  const writer: SessionLogWriter = {
    path,
    get bytesWritten() {
      return bytesWritten;
    },
    get error() {
      return failure;
    },
    onError(listener) {
      errorListeners.add(listener);
      return () => errorListeners.delete(listener);
    },
    start,
    async abandon() {
      if (closed) return;
      closed = true;
      stopFlushing();
      closeSync(fd);
      if (created !== null) rmSync(created, { force: true });
    },
    write(bytes) {
      if (closed || bytes.length === 0) return;
      let out = stripper !== undefined ? stripper.push(bytes) : bytes;
      if (stamper !== undefined) out = stamper.push(out, clock.wallMs());
      if (out.length === 0) return;
      pending.push(out.buffer === bytes.buffer ? out.slice() : out);
      pendingBytes += out.length;
      if (pendingBytes >= bufferBytes) flushSync();
    },
    flushSync,
    async flush() {
      flushSync();
      if (closed || !started) return;
      await new Promise<void>((resolve) => fdatasync(fd, () => resolve()));
    },
    async close() {
      if (closed) return;
      await writer.flush();
      closed = true;
      stopFlushing();
      closeSync(fd);
    },
  };
  if (options.deferStart !== true) start();
  return { ok: true, writer };
}
