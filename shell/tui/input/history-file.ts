import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { writeFileAtomic } from '../../results/index.js';
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
  /** One line for the user when the file existed but could not be used. */
  readonly note?: string;
}

/** Reads one entry per line, keeping the newest `cap`; a missing file is an empty history. */
export function loadHistoryFile(path: string, cap = DEFAULT_HISTORY_CAP): HistoryLoad {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    if (code === 'ENOENT') return { entries: [] };
    return { entries: [], note: `history: cannot read '${path}' (${code}); starting with an empty history` };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = '\0';
  }
  if (text.includes('\0')) {
    return { entries: [], note: `history: '${path}' is not a text file; starting with an empty history` };
  }
  const entries = text.split('\n').map((line) => line.replace(/\r$/, '')).filter((line) => line.trim() !== '');
  return { entries: entries.slice(Math.max(0, entries.length - cap)) };
}

export interface ConsoleHistory extends LineHistory {
  /** The file, or undefined when history is kept in memory only. */
  readonly path: string | undefined;
  /** Set when the file could not be loaded (the history then starts empty). */
  readonly note: string | undefined;
  /** Resolves once every added line is on disk (or its write failed). */
  flush(): Promise<void>;
}

export interface ConsoleHistoryOptions extends HistoryPathOptions {
  /** The history file; null keeps history in memory only. Default: `historyPath(options)`. */
  path?: string | null;
  /** Entries kept in memory and on disk. Default 1000. */
  cap?: number;
  /** Called once when saving starts to fail (again after a success). */
  onNote?: (note: string) => void;
}

/** Loads the history file now and rewrites it atomically (temp + rename) after each stored line. */
export function openConsoleHistory(options: ConsoleHistoryOptions = {}): ConsoleHistory {
  const cap = options.cap ?? DEFAULT_HISTORY_CAP;
  const path = options.path === null ? undefined : (options.path ?? historyPath(options));
  const loaded: HistoryLoad = path === undefined ? { entries: [] } : loadHistoryFile(path, cap);
  const list = createHistoryList({ entries: loaded.entries, cap });
  let writing: Promise<void> = Promise.resolve();
  let queued = false;
  let failing = false;

  const save = async (file: string): Promise<void> => {
    queued = false;
    const entries = list.entries;
    await mkdir(dirname(file), { recursive: true, mode: 0o700 }).catch(() => undefined);
    const result = await writeFileAtomic(file, entries.length > 0 ? `${entries.join('\n')}\n` : '');
    if (!result.ok && !failing) options.onNote?.(`history: ${result.error.message}`);
    failing = !result.ok;
  };

  return {
    path,
    note: loaded.note,
    get entries() {
      return list.entries;
    },
    add(line) {
      const before = list.entries;
      list.add(line);
      if (path === undefined || list.entries === before || queued) return;
      queued = true;
      writing = writing.then(() => save(path));
    },
    flush: () => writing,
  };
}
