import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

export interface HistoryPathOptions {
  /** `--history FILE`. */
  file?: string;
  /** `--no-history`. */
  disabled?: boolean;
  /** Default `process.env` (`SIS_HISTORY`, `XDG_STATE_HOME`). */
  env?: Readonly<Record<string, string | undefined>>;
  /** Default `os.homedir()`. */
  home?: string;
}

/**
 * Where results are recorded, or null when recording is off. In order: `--no-history`,
 * `--history FILE`, `$SIS_HISTORY`, `$XDG_STATE_HOME/sis/history.jsonl`,
 * `~/.local/state/sis/history.jsonl`. A relative `XDG_STATE_HOME` is ignored, as the XDG
 * Base Directory specification requires.
 */
export function resolveHistoryPath(options: HistoryPathOptions = {}): string | null {
  if (options.disabled) return null;
  if (options.file !== undefined) return options.file;
  const env = options.env ?? process.env;
  const fromEnv = env.SIS_HISTORY;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  const state = env.XDG_STATE_HOME;
  const base = state !== undefined && isAbsolute(state) ? state : join(options.home ?? homedir(), '.local', 'state');
  return join(base, 'sis', 'history.jsonl');
}
