import type { ResultsDocument } from '../index.js';

/**
 * Exit statuses of `sis run` and `sis parse` (and the README's table). When several apply the
 * first of FAILED, TRANSPORT, CANCELLED, PARTIAL wins: a definite failure of the system under
 * test outranks an incomplete session.
 */
export const EXIT = {
  /** Every run passed (PASS, or a test that prints no status), or there were no runs. */
  OK: 0,
  /** A run ended FAIL, or the target rejected a command (`[ERROR] …`, `Unknown command: …`). */
  FAILED: 1,
  /** Bad options, an input file that cannot be read, an output file that cannot be written. */
  USAGE: 2,
  /** A run ended PARTIAL PASS (unless `--allow-partial`). */
  PARTIAL: 3,
  /** The target could not be opened or went away, or the prompt did not come in time. */
  TRANSPORT: 4,
  /** A run was cancelled (Ctrl-C, or sis cancelled it after a timeout). */
  CANCELLED: 5,
  /** `sis parse`: the log holds no stress-test result. */
  NO_RESULTS: 6,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export interface VerdictStatusOptions {
  allowPartial?: boolean;
  /** Commands the target answered with `Unknown command`. */
  unknownCommands?: readonly string[];
  /** The session ended early (transport error or timeout). */
  transportFailed?: boolean;
}

export interface VerdictStatus {
  code: ExitCode;
  /** Why, in one line; empty for OK. */
  reason: string;
}

function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}

/** The exit status a results document earns. */
export function verdictStatus(doc: ResultsDocument, options: VerdictStatusOptions = {}): VerdictStatus {
  const verdicts = doc.runs.map((r) => r.verdict);
  const failed = verdicts.filter((v) => v === 'FAIL').length;
  const rejected = doc.errors.length + (options.unknownCommands?.length ?? 0);
  if (failed > 0 || rejected > 0) {
    const parts = [failed > 0 ? `${count(failed, 'run')} FAILED` : '', rejected > 0 ? `${count(rejected, 'command')} rejected by the target` : ''];
    return { code: EXIT.FAILED, reason: parts.filter(Boolean).join(', ') };
  }
  if (options.transportFailed) return { code: EXIT.TRANSPORT, reason: 'the session ended early' };
  const cancelled = verdicts.filter((v) => v === 'CANCELLED').length;
  if (cancelled > 0) return { code: EXIT.CANCELLED, reason: `${count(cancelled, 'run')} CANCELLED` };
  const partial = verdicts.filter((v) => v === 'PARTIAL PASS').length;
  if (partial > 0 && !options.allowPartial) {
    return { code: EXIT.PARTIAL, reason: `${count(partial, 'run')} PARTIAL PASS (--allow-partial accepts it)` };
  }
  return { code: EXIT.OK, reason: '' };
}

/** The table printed by `sis run --help` and `sis parse --help`. */
export const EXIT_TABLE: ReadonlyArray<readonly [ExitCode, string]> = [
  [EXIT.OK, 'every run passed (PASS, or a test that prints no status), or there were no runs'],
  [EXIT.FAILED, 'a run ended FAIL, or the target rejected a command ([ERROR] ..., Unknown command)'],
  [EXIT.USAGE, 'usage error: bad option, unreadable input file, results file that cannot be written'],
  [EXIT.PARTIAL, 'a run ended PARTIAL PASS (exit 0 instead with --allow-partial)'],
  [EXIT.TRANSPORT, 'transport error: the target could not be opened or went away, or no prompt in time'],
  [EXIT.CANCELLED, 'a run was CANCELLED (Ctrl-C, or cancelled by sis after a timeout)'],
  [EXIT.NO_RESULTS, 'sis parse only: the log holds no stress-test result'],
];

export function exitStatusHelp(): string {
  const rows = EXIT_TABLE.map(([code, text]) => `  ${code}  ${text}`);
  return `Exit status (when several apply, the first of 1, 4, 5, 3 wins):\n${rows.join('\n')}\n`;
}
