import { appendFileSync, closeSync, fstatSync, openSync, readFileSync, readSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { delay, systemClock, type HostClock } from '../../../uart/index.js';

export interface AppendOptions {
  /** The file is cut back to its newest `keep` lines once it holds more than twice as many. */
  keep: number;
  /** Lines the file holds now (as read at start). */
  lines: number;
  /** A failed write, told once until a write succeeds again. */
  onError: (message: string) => void;
  /** A lock older than this is left over from a console that died; default 5000 ms. */
  staleLockMs?: number;
  /** Wait between tries while another console holds the lock; default 10 ms. */
  retryMs?: number;
  /** Told each time the lock is found held by another console. */
  onBusy?: () => void;
  /** The lock's age (its wall time) and the wait between tries; default the system clock. */
  clock?: HostClock;
}

export interface HistoryAppender {
  append(line: string): void;
  /** Resolves once every appended line is on disk or has failed. */
  flush(): Promise<void>;
}

/**
 * Adds lines to the end of a history file shared by every console: each write happens under a
 * lock file (`PATH.lock`, created exclusively) and appends; nothing already in the file is
 * rewritten, except that a file grown past twice `keep` lines is cut to its newest `keep` lines,
 * byte for byte (lines that could not be decoded are kept as they are).
 */
export function createHistoryAppender(path: string, options: AppendOptions): HistoryAppender {
  const lockPath = `${path}.lock`;
  const staleMs = options.staleLockMs ?? 5000;
  const retryMs = options.retryMs ?? 10;
  const clock = options.clock ?? systemClock;
  let queue: string[] = [];
  let lines = options.lines;
  let failing = false;
  let running: Promise<void> = Promise.resolve();

  const report = (error: unknown): void => {
    if (!failing) options.onError(`history: cannot write '${path}': ${(error as Error).message}`);
    failing = true;
  };

  const tryLock = (): boolean => {
    try {
      closeSync(openSync(lockPath, 'wx', 0o600));
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      try {
        if (clock.wallMs() - statSync(lockPath).mtimeMs > staleMs) unlinkSync(lockPath);
      } catch {
        // removed by its owner meanwhile
      }
      return false;
    }
  };

  const writeLocked = (batch: readonly string[]): void => {
    const glue = endsWithoutNewline(path) ? '\n' : '';
    appendFileSync(path, `${glue}${batch.join('\n')}\n`, { mode: 0o600 });
    lines += batch.length;
    if (lines > 2 * options.keep) lines = cut(path, options.keep);
  };

  const drain = async (): Promise<void> => {
    while (queue.length > 0) {
      let locked: boolean;
      try {
        locked = tryLock();
      } catch (error) {
        report(error);
        queue = [];
        return;
      }
      if (!locked) {
        options.onBusy?.();
        await delay(clock, retryMs);
        continue;
      }
      const batch = queue;
      queue = [];
      try {
        writeLocked(batch);
        failing = false;
      } catch (error) {
        report(error);
      } finally {
        try {
          unlinkSync(lockPath);
        } catch {
          // already gone
        }
      }
    }
  };

  return {
    append(line) {
      queue.push(line);
      if (queue.length === 1) running = running.then(drain);
    },
    flush: () => running,
  };
}

/** True when the file's last byte is not a line end (it was written by hand, or cut short). */
function endsWithoutNewline(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return false;
  }
  try {
    const size = fstatSync(fd).size;
    if (size === 0) return false;
    const last = Buffer.alloc(1);
    readSync(fd, last, 0, 1, size - 1);
    return last[0] !== 0x0a;
  } finally {
    closeSync(fd);
  }
}

/** Keeps the newest `keep` lines of the file, as raw bytes; returns how many it now holds. */
function cut(path: string, keep: number): number {
  const bytes = readFileSync(path);
  const ends: number[] = [];
  for (let i = bytes.indexOf(0x0a); i >= 0; i = bytes.indexOf(0x0a, i + 1)) ends.push(i);
  if (ends.length <= keep) return ends.length;
  const from = ends[ends.length - keep - 1]! + 1;
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, bytes.subarray(from), { mode: statSync(path).mode & 0o7777 });
  renameSync(temp, path);
  return keep;
}
