export { createSessionResults } from './session-results.js';
export type {
  SessionFinish,
  SessionNotice,
  SessionResults,
  SessionResultsOptions,
  SubmittedLine,
} from './session-results.js';
export { takeLineOptions } from './line-options.js';
export type { LineOptions } from './line-options.js';
export { checkOutputPath } from './output-path.js';
export type { OutputPathCheck } from './output-path.js';
export { EXIT, EXIT_TABLE, exitStatusHelp, verdictStatus } from './exit-status.js';
export type { ExitCode, VerdictStatus, VerdictStatusOptions } from './exit-status.js';
export { formatSummary } from './summary-table.js';
export { describeCounts } from './counts.js';
export { createConsoleResults, readResultsOptions, RESULTS_ARGS, RESULTS_USAGE } from './console-results.js';
export type { ConsoleResultsContext, ConsoleResultsOptions, ConsoleResultsParse } from './console-results.js';
