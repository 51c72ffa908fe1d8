import { systemClock, type BytePort, type HostClock } from '../../uart/index.js';
import type { SendFileResult } from './send-file.js';

export type SendProtocol = 'raw' | 'xmodem' | 'xmodem-1k' | 'ymodem';
export const SEND_PROTOCOLS: readonly SendProtocol[] = ['raw', 'xmodem', 'xmodem-1k', 'ymodem'];

/**
 * lrzsz's senders, as tio and picocom run them: XMODEM (128-byte blocks, CRC), XMODEM-1K, YMODEM
 * batch. `-vv`: with its output on a pipe, as here, lrzsz reports no block until told to be verbose.
 */
function command(protocol: Exclude<SendProtocol, 'raw'>, path: string): [string, string[]] {
  switch (protocol) {
    case 'xmodem':
      return ['sx', ['-vv', '-b', path]];
    case 'xmodem-1k':
      return ['sx', ['-vv', '-b', '-k', path]];
    case 'ymodem':
      return ['sb', ['-vv', '-b', path]];
  }
}

export interface LrzszOptions {
  /**
   * Each progress line lrzsz prints (it overwrites them with CR on a terminal), with the bytes
   * sent so far when the line tells them.
   */
  readonly onProgress?: (line: string, sentBytes: number | undefined) => void;
  /** Starts each failure message; default `--send`. */
  readonly label?: string;
  /** Ends the sender (SIGTERM): the result is a failure saying it was cancelled. */
  readonly signal?: AbortSignal;
  /** Times the transfer; default the system clock. */
  readonly clock?: HostClock;
}

/**
 * lrzsz counts 128-byte sectors, `Xmodem sectors/kbytes sent:  12/ 1k` (`Ymodem` for sb), and ends
 * a file with its bytes, `Bytes Sent:  20096   BPS:19868` (the last block has no sector report).
 */
const REPORTS = /[XY]modem sectors\/kbytes sent:\s*(\d+)\/|Bytes Sent:\s*(\d+)/g;

/** Characters of the sender's stderr kept: its last lines, for progress and for the failure message. */
const STDERR_KEPT = 4096;

/**
 * A receiver silent this long has gone (XMODEM receivers call every few seconds while they wait,
 * and ACK each block): the transfer is ended. lrzsz's own timeouts (60 s to start) need a tty; on
 * pipes, as here, it would wait for ever.
 */
export const SILENT_RECEIVER_MS = 60_000;

/** The bytes sent that the last progress report in `text` tells, at most `size`; undefined if none. */
export function lrzszSentBytes(text: string, size: number): number | undefined {
  let last: number | undefined;
  for (const match of text.matchAll(REPORTS)) last = match[1] !== undefined ? Number(match[1]) * 128 : Number(match[2]);
  return last === undefined ? undefined : Math.min(size, last);
}

/**
 * Sends `path` with lrzsz's `sx`/`sb` (Debian package lrzsz): its stdout goes to the port and the
 * port's bytes to its stdin until it exits. `port` must carry bytes unmapped (no Enter mapping).
 */
export async function sendWithLrzsz(
  port: BytePort,
  path: string,
  /** The file's length, reported as the bytes sent (XMODEM pads the last block on the wire). */
  size: number,
  protocol: Exclude<SendProtocol, 'raw'>,
  options: LrzszOptions = {},
): Promise<SendFileResult> {
  const [program, args] = command(protocol, path);
  const label = options.label ?? '--send';
  const clock = options.clock ?? systemClock;
  const started = clock.now();
  // Loaded here, not with the console: child_process is among Node's slowest modules to load.
  const { spawn } = await import('node:child_process');
  return new Promise((resolve) => {
    const child = spawn(program, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    // What lrzsz last said: a report per block, so only the end is kept.
    let stderr = '';
    // The most sent so far: YMODEM's closing batch block reports 0 sectors.
    let sentBytes: number | undefined;
    let heardAt = clock.now();
    let silent = false;
    const watchReceiver = (): void => {
      const quietMs = clock.now() - heardAt;
      if (quietMs < SILENT_RECEIVER_MS) {
        watch = clock.setTimer(watchReceiver, SILENT_RECEIVER_MS - quietMs);
        return;
      }
      silent = true;
      child.kill('SIGTERM');
    };
    let watch = clock.setTimer(watchReceiver, SILENT_RECEIVER_MS);
    const stopData = port.onData((chunk) => {
      heardAt = clock.now();
      if (child.stdin.writable) child.stdin.write(chunk);
    });
    const stopClose = port.onClose(() => child.kill('SIGTERM'));
    child.stdin.on('error', () => {});
    child.stdout.on('data', (chunk: Buffer) => port.write(chunk));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('latin1')).slice(-STDERR_KEPT);
      const recent = stderr.slice(-400);
      const line = recent.split(/[\r\n]/).filter((part) => part.trim().length > 0).pop();
      const told = lrzszSentBytes(recent, size);
      if (told !== undefined) sentBytes = Math.max(sentBytes ?? 0, told);
      if (line !== undefined) options.onProgress?.(line.trim(), sentBytes);
    });
    let cancelled = false;
    const cancel = (): void => {
      cancelled = true;
      child.kill('SIGTERM');
    };
    if (options.signal?.aborted) cancel();
    options.signal?.addEventListener('abort', cancel);
    const done = (result: SendFileResult): void => {
      clock.clearTimer(watch);
      stopData();
      stopClose();
      options.signal?.removeEventListener('abort', cancel);
      resolve(result);
    };
    child.on('error', (error: NodeJS.ErrnoException) => {
      done({
        ok: false,
        message: error.code === 'ENOENT'
          ? `--send-protocol ${protocol} needs ${program} from lrzsz: apt-get install -y lrzsz`
          : `${label}: ${program}: ${error.message}`,
      });
    });
    child.on('close', (status, signal) => {
      if (status === 0) {
        done({ ok: true, bytes: size, seconds: (clock.now() - started) / 1000 });
        return;
      }
      if (silent) {
        const sent = sentBytes === undefined ? '' : ` (${sentBytes} of ${size} bytes sent)`;
        done({ ok: false, message: `${label}: no answer from the receiver for ${SILENT_RECEIVER_MS / 1000} s${sent}` });
        return;
      }
      if (cancelled) {
        done({ ok: false, message: `${label}: cancelled${sentBytes === undefined ? '' : ` after ${sentBytes} of ${size} bytes`}` });
        return;
      }
      const last = stderr.split(/[\r\n]/).map((part) => part.trim()).filter((part) => part.length > 0).pop();
      const how = signal !== null ? `was ended by ${signal}` : `exited with status ${status}`;
      done({ ok: false, message: `${label}: ${program} ${how}${last === undefined ? '' : `: ${last}`}` });
    });
  });
}
