import type { HostClock } from '../../../uart/index.js';
import { createHistoryRecorder, resolveHistoryPath } from '../history/index.js';
import type { ResultsTarget } from '../index.js';
import { checkOutputPath } from './output-path.js';
import { createSessionResults, type SessionNotice, type SessionResults } from './session-results.js';

/** The console's results options as node:util parseArgs options; spread them into the console's own. */
export const RESULTS_ARGS = {
  'output-json': { type: 'string' },
  history: { type: 'string' },
  'no-history': { type: 'boolean' },
} as const;

export const RESULTS_USAGE = `Results:
  --output-json FILE  the whole session's results (schema/results.schema.json), written atomically
                      at exit; a line typed at sis> may end in --output-json PATH for the results
                      of that command alone (taken off the line before it is sent)
  --history FILE      record every result in FILE (default $SIS_HISTORY, else
                      $XDG_STATE_HOME/sis/history.jsonl, else ~/.local/state/sis/history.jsonl)
  --no-history        do not record results`;

export interface ConsoleResultsOptions {
  outputJson: string | null;
  /** Null: recording is off. */
  historyPath: string | null;
}

export type ConsoleResultsParse = { ok: true; options: ConsoleResultsOptions } | { ok: false; message: string };

type ResultsValues = { readonly [K in keyof typeof RESULTS_ARGS]?: string | boolean | undefined };

/** Validates the results options; a results file that could not be written is refused now. */
export function readResultsOptions(values: ResultsValues): ConsoleResultsParse {
  const outputJson = typeof values['output-json'] === 'string' ? values['output-json'] : null;
  const file = typeof values.history === 'string' ? values.history : undefined;
  const disabled = values['no-history'] === true;
  if (disabled && file !== undefined) return { ok: false, message: '--history and --no-history cannot be used together' };
  if (outputJson !== null) {
    const check = checkOutputPath(outputJson);
    if (!check.ok) return { ok: false, message: `--output-json: ${check.message}` };
  }
  return { ok: true, options: { outputJson, historyPath: resolveHistoryPath({ file, disabled }) } };
}

export interface ConsoleResultsContext {
  version: string;
  target: ResultsTarget;
  onNotice: (notice: SessionNotice) => void;
  /** Stamps results and history entries; default the system clock. */
  clock?: HostClock;
}

/** The session results a console (plain mode, the TUI) hands its bytes and lines to. */
export function createConsoleResults(options: ConsoleResultsOptions, context: ConsoleResultsContext): SessionResults {
  return createSessionResults({
    version: context.version,
    target: context.target,
    outputJson: options.outputJson,
    history: options.historyPath === null ? null : createHistoryRecorder({
      path: options.historyPath,
      source: 'console',
      ...(context.clock !== undefined && { clock: context.clock }),
    }),
    onNotice: context.onNotice,
    ...(context.clock !== undefined && { clock: context.clock }),
  });
}
