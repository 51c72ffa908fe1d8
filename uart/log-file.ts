import { closeSync, fdatasync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { createAnsiStripper, type AnsiStripper } from './ansi-strip.js';
import { createLineStamper, type LineStamper, type TimestampMode } from './line-stamper.js';
import { portError, type PortError } from './port.js';

export interface LogWriterOptions {
  readonly path: string;
  /** Add to an existing file instead of replacing it. */
  readonly append: boolean;
  /** Prefix each line with a timestamp. Default: none (raw bytes). */
  readonly timestamps?: TimestampMode;
  /** Remove ANSI escape sequences. Default false. */
  readonly strip?: boolean;
  /** Wall clock in ms. Default Date.now. */
  readonly now?: () => number;
  /** Buffered bytes are written at least this often. Default 100 ms. */
  readonly flushIntervalMs?: number;
  /** Buffered bytes are written once this many are waiting. Default 64 KiB. */
  readonly bufferBytes?: number;
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

export type LogWriterResult =
  | { readonly ok: true; readonly writer: LogWriter }
  | { readonly ok: false; readonly error: PortError };

/** A session log of everything received from the port (`--log PATH`, `--log-append`). */
export function createLogWriter(options: LogWriterOptions): LogWriterResult {
  const { path } = options;
  const now = options.now ?? Date.now;
  const bufferBytes = options.bufferBytes ?? 64 * 1024;
  let fd: number;
  try {
    fd = openSync(path, options.append ? 'a' : 'w');
  } catch (error) {
    return { ok: false, error: openError(path, error as NodeJS.ErrnoException) };
  }
  const stripper: AnsiStripper | undefined = options.strip === true ? createAnsiStripper() : undefined;
  const stamper: LineStamper | undefined = options.timestamps !== undefined
    ? createLineStamper({ mode: options.timestamps, startMs: now() })
    : undefined;
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let bytesWritten = 0;
  let closed = false;
  let failure: PortError | undefined;

  const flushSync = (): void => {
    if (closed || pendingBytes === 0) return;
    const parts = pending;
    pending = [];
    pendingBytes = 0;
    try {
      for (const part of parts) {
        let offset = 0;
        while (offset < part.length) offset += writeSync(fd, part, offset, part.length - offset);
        bytesWritten += part.length;
      }
    } catch (error) {
      failure ??= writeError(path, error as NodeJS.ErrnoException);
    }
  };

  const timer = setInterval(flushSync, options.flushIntervalMs ?? 100);
  timer.unref();

  const writer: LogWriter = {
    path,
    get bytesWritten() {
      return bytesWritten;
    },
    get error() {
      return failure;
    },
    write(bytes) {
      if (closed || bytes.length === 0) return;
      let out = stripper !== undefined ? stripper.push(bytes) : bytes;
      if (stamper !== undefined) out = stamper.push(out, now());
      if (out.length === 0) return;
      pending.push(out.buffer === bytes.buffer ? out.slice() : out);
      pendingBytes += out.length;
      if (pendingBytes >= bufferBytes) flushSync();
    },
    flushSync,
    async flush() {
      flushSync();
      if (closed) return;
      await new Promise<void>((resolve) => fdatasync(fd, () => resolve()));
    },
    async close() {
      if (closed) return;
      await writer.flush();
      closed = true;
      clearInterval(timer);
      closeSync(fd);
    },
  };
  return { ok: true, writer };
}

function openError(path: string, error: NodeJS.ErrnoException): PortError {
  switch (error.code) {
    case 'ENOENT':
      return portError('not-found', `cannot open log file ${path}: directory ${dirname(path)} does not exist`);
    case 'ENOTDIR':
      return portError('not-found', `cannot open log file ${path}: a parent of it is not a directory`);
    case 'EACCES':
    case 'EPERM':
      return portError('permission-denied', `cannot open log file ${path}: permission denied`);
    case 'EISDIR':
      return portError('io', `cannot open log file ${path}: it is a directory`);
    case 'EROFS':
      return portError('permission-denied', `cannot open log file ${path}: read-only file system`);
    default:
      return portError('io', `cannot open log file ${path}: ${error.message}`);
  }
}

function writeError(path: string, error: NodeJS.ErrnoException): PortError {
  if (error.code === 'ENOSPC') return portError('io', `log file ${path}: no space left on device`);
  if (error.code === 'EDQUOT') return portError('io', `log file ${path}: disk quota exceeded`);
  return portError('io', `log file ${path}: write failed (${error.message})`);
}
