import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import type { HostClock } from '../../../uart/index.js';
import { createHistoryAppender, type HistoryAppender } from './history-append.js';
import { createHistoryList, DEFAULT_HISTORY_CAP, type LineHistory } from './history.js';

export const HISTORY_ENV = 'SIS_CONSOLE_HISTORY';

export interface HistoryPathOptions {
  /** Default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Default `os.homedir()`. */
  homeDir?: string;
}

/**
 * `$SIS_CONSOLE_HISTORY` when set (empty: no file), else `$XDG_STATE_HOME/sis/console_history`
 * (a relative XDG_STATE_HOME is ignored, as the XDG spec asks), else
 * `~/.local/state/sis/console_history`.
 */
export function historyPath({ env = process.env, homeDir = homedir() }: HistoryPathOptions = {}): string | undefined {
  const override = env[HISTORY_ENV];
  if (override !== undefined) return override === '' ? undefined : override;
  const state = env.XDG_STATE_HOME;
  const base = state && isAbsolute(state) ? state : join(homeDir, '.local', 'state');
  return join(base, 'sis', 'console_history');
}

export interface HistoryLoad {
  readonly entries: readonly string[];
  /** Lines in the file, readable or not. */
  readonly lines: number;
  /** One line for the user when the file, or some of its lines, could not be used. */
  readonly note?: string;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function decodeLine(bytes: Uint8Array): string | undefined {
  if (bytes.includes(0)) return undefined;
  try {
    return decoder.decode(bytes).replace(/\r$/, '');
  } catch {
    return undefined;
  }
}

/**
 * Reads one entry per line, keeping the newest `cap`; a missing file is an empty history. A line
 * that is not UTF-8 text is skipped (and counted in the note); it stays in the file.
 */
export function loadHistoryFile(path: string, cap = DEFAULT_HISTORY_CAP): HistoryLoad {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    if (code === 'ENOENT') return { entries: [], lines: 0 };
    return { entries: [], lines: 0, note: `history: cannot read '${path}' (${code}); starting with an empty history` };
  }
  const entries: string[] = [];
  let lines = 0;
  let skipped = 0;
  for (let start = 0; start < bytes.length; ) {
    const nl = bytes.indexOf(0x0a, start);
    const end = nl < 0 ? bytes.length : nl;
    const line = decodeLine(bytes.subarray(start, end));
    lines += 1;
    if (line === undefined) skipped += 1;
    else if (line.trim() !== '') entries.push(line);
    start = end + 1;
  }
  const kept = entries.slice(Math.max(0, entries.length - cap));
  if (skipped === 0) return { entries: kept, lines };
  const what = skipped === 1 ? '1 line' : `${skipped} lines`;
  return { entries: kept, lines, note: `history: skipped ${what} of '${path}' that are not UTF-8 text (left in the file)` };
}

export interface ConsoleHistory extends LineHistory {
  /** The file, or undefined when history is kept in memory only. */
  readonly path: string | undefined;
  /** Set when the file, or part of it, could not be loaded. */
  readonly note: string | undefined;
  /** Resolves once every added line is on disk (or its write failed). */
  flush(): Promise<void>;
}

export interface ConsoleHistoryOptions extends HistoryPathOptions {
  /** The history file; null keeps history in memory only. Default: `historyPath(options)`. */
  path?: string | null;
  /** Entries kept in memory; the file is cut back to this many lines once it holds twice as many. Default 1000. */
  cap?: number;
  /** Called once when saving starts to fail (again after a success). */
  onNote?: (note: string) => void;
  /** The lock's waits and age; default the system clock. */
  clock?: HostClock;
}

/**
 * Loads the history file now and appends each stored line to it (under a lock, see
 * createHistoryAppender): two consoles at once both keep their lines, and a line this one could
 * not read is never overwritten.
 */
export function openConsoleHistory(options: ConsoleHistoryOptions = {}): ConsoleHistory {
  const cap = options.cap ?? DEFAULT_HISTORY_CAP;
  const path = options.path === null ? undefined : (options.path ?? historyPath(options));
  const loaded: HistoryLoad = path === undefined ? { entries: [], lines: 0 } : loadHistoryFile(path, cap);
  const list = createHistoryList({ entries: loaded.entries, cap });
  // A file that could not be read at all (a directory, no permission) is not written either.
  const unreadable = loaded.note !== undefined && loaded.entries.length === 0 && loaded.lines === 0;
  let appender: HistoryAppender | undefined;
  let ready: Promise<void> = Promise.resolve();
  if (path !== undefined && !unreadable) {
    ready = mkdir(dirname(path), { recursive: true, mode: 0o700 }).then(() => undefined, () => undefined);
    appender = createHistoryAppender(path, {
      keep: cap,
      lines: loaded.lines,
      onError: (note) => options.onNote?.(note),
      ...(options.clock !== undefined && { clock: options.clock }),
    });
  }
  let failedOnce = false;

  return {
    path,
    note: loaded.note,
    get entries() {
      return list.entries;
    },
    add(line) {
      const before = list.entries;
      list.add(line);
      if (list.entries === before || /[\r\n]/.test(line)) return;
      if (appender === undefined) {
        if (unreadable && !failedOnce) options.onNote?.(`history: not saving to '${path}', which could not be read`);
        failedOnce = true;
        return;
      }
      const target = appender;
      ready = ready.then(() => target.append(line));
    },
    flush: async () => {
      await ready;
      await appender?.flush();
    },
  };
}
