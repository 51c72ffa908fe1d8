import { readFile } from 'node:fs/promises';
import { bytesPerSecond, createPacer, DEFAULT_BAUD_RATE, systemClock, type BytePort, type HostClock, type LineSettings } from '../../uart/index.js';

export interface SendFileOptions {
  /** The line the bytes are paced at; default 115200 8N1 (11 520 bytes/s). */
  readonly line?: LineSettings;
  /** Called after each chunk is handed to the port. */
  readonly onProgress?: (sent: number, total: number) => void;
  /** Pacing and waits between chunks; default the system clock. */
  readonly clock?: HostClock;
  /** Starts each failure message; default `--send`. */
  readonly label?: string;
  /** Stops the transfer between chunks; the result says how far it got. */
  readonly signal?: AbortSignal;
}

export type SendFileResult =
  | { readonly ok: true; readonly bytes: number; readonly seconds: number }
  | { readonly ok: false; readonly message: string };

/** Paced bytes go in chunks of this much line time (10 ms: 116 bytes at 115200 8N1). */
const CHUNK_US = 10_000;

/** Reads the file for `--send`; one line naming the file when it cannot be read. */
export async function readSendFile(path: string, label = '--send'): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; message: string }> {
  try {
    return { ok: true, bytes: new Uint8Array(await readFile(path)) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied'
      : code === 'EISDIR' ? 'is a directory' : (error as Error).message;
    return { ok: false, message: `${label}: cannot read ${path}: ${why}` };
  }
}

/**
 * Sends `bytes` raw, no faster than the line would carry them (like picocom's raw send with a
 * paced line): what the line has carried since the last chunk (about 10 ms of line time), each
 * chunk handed to the port and drained before the next. Ends early, with a message, if the port closes.
 */
export async function sendPaced(port: BytePort, bytes: Uint8Array, options: SendFileOptions = {}): Promise<SendFileResult> {
  const clock = options.clock ?? systemClock;
  const nowUs = (): number => clock.now() * 1000;
  const line = options.line ?? {};
  const rate = bytesPerSecond({
    baud: line.baudRate ?? DEFAULT_BAUD_RATE,
    ...(line.dataBits !== undefined && { dataBits: line.dataBits }),
    ...(line.parity !== undefined && { parity: line.parity }),
    ...(line.stopBits !== undefined && { stopBits: line.stopBits }),
  });
  const chunk = Math.max(1, Math.ceil((rate * CHUNK_US) / 1e6));
  const pacer = createPacer({ bytesPerSecond: rate, nowUs });
  let closed = false;
  const stop = port.onClose(() => { closed = true; });
  const startUs = nowUs();
  let sent = 0;
  try {
    while (sent < bytes.length) {
      const label = options.label ?? '--send';
      if (closed) return { ok: false, message: `${label}: ${port.description} closed after ${sent} of ${bytes.length} bytes` };
      if (options.signal?.aborted) return { ok: false, message: `${label}: cancelled after ${sent} of ${bytes.length} bytes` };
      const granted = pacer.take(bytes.length - sent);
      if (granted > 0) {
        port.write(bytes.subarray(sent, sent + granted));
        sent += granted;
        options.onProgress?.(sent, bytes.length);
        await port.drain();
      }
      if (sent < bytes.length) {
        const waitUs = pacer.nextAvailableUs(Math.min(chunk, bytes.length - sent)) - nowUs();
        if (waitUs > 0) await pause(clock, Math.ceil(waitUs / 1000), options.signal);
      }
    }
  } finally {
    stop();
  }
  return { ok: true, bytes: sent, seconds: (nowUs() - startUs) / 1e6 };
}

/** Waits `ms`, or less if `signal` aborts. */
function pause(clock: HostClock, ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clock.clearTimer(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = clock.setTimer(done, ms);
    signal?.addEventListener('abort', done);
  });
}
