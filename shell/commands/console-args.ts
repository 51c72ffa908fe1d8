import { CONNECT_ARGS, CONNECT_USAGE, readConnectOptions, TARGET_USAGE, type ConnectOptions } from '../connect/index.js';
import { parseOptions } from './strict-args.js';
import { readResultsOptions, RESULTS_ARGS, RESULTS_USAGE, type ConsoleResultsOptions } from '../session-results/index.js';

export interface CliOptions {
  connect: ConnectOptions;
  results: ConsoleResultsOptions;
  help: boolean;
  version: boolean;
}

export type CliParse = { ok: true; options: CliOptions } | { ok: false; message: string };

export const EXIT_CODES_USAGE = `Exit status (plain mode):
  0    the input was sent and the last command finished (or exit/quit was read)
  1    the connection was lost with --no-reconnect, or the target could not be reached
  2    usage: a bad option or value, or the log file could not be opened (nothing was started);
       or a results file (--output-json) could not be written
  129, 130, 143
       ended by SIGHUP, SIGINT or SIGTERM (128 + the signal number); the log is flushed first`;

export const USAGE = `Usage: sis [options]
       sis [options] TARGET
       sis serve --listen ENDPOINT... | --device PATH [options]   (sis serve --help)
       sis ports [--json]
       sis run [TARGET] [options] (-c CMD ... | --script FILE)   (sis run --help)
       sis parse LOG [--json FILE] [--junit FILE] [--record]
       sis history [--json] [--type T] [--last N]

The SIS kernel's stress-test console. With no target it boots the embedded kernel model behind a
virtual UART and opens the sis> console; with one it attaches to a board, QEMU or ser2net. When
stdin or stdout is not a terminal it runs a plain mode: each input line is sent once the prompt
is back, received bytes go to stdout untouched, connection changes to stderr.

${TARGET_USAGE}

${CONNECT_USAGE}

${RESULTS_USAGE}

Other:
  -h, --help          show this help
  -V, --version       show the version

Console: type kernel commands at sis> (try 'help'); 'exit' or Ctrl-D quits.

${EXIT_CODES_USAGE}
`;

const ARGS = {
  ...CONNECT_ARGS,
  ...RESULTS_ARGS,
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
} as const;

export function parseCliArgs(argv: readonly string[]): CliParse {
  const parsed = parseOptions(argv, ARGS);
  if (!parsed.ok) return parsed;
  const { values, positionals } = parsed.value;
  const help = values.help === true;
  const version = values.version === true;
  const defaults: CliParse = { ok: true, options: { connect: DEFAULT_CONNECT, results: DEFAULT_RESULTS, help, version } };
  const connect = readConnectOptions(values, positionals);
  if (!connect.ok) return help || version ? defaults : connect;
  const results = readResultsOptions(values);
  if (!results.ok) return help || version ? defaults : results;
  return { ok: true, options: { connect: connect.options, results: results.options, help, version } };
}

const DEFAULT_CONNECT: ConnectOptions = { target: { kind: 'model' }, reconnect: true, enter: 'cr', incomingCr: 'keep' };
const DEFAULT_RESULTS: ConsoleResultsOptions = { outputJson: null, historyPath: null };
