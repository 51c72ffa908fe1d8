import {
  CONNECT_ARGS,
  CONNECT_USAGE,
  CONVERSATION_ARGS,
  CONVERSATION_USAGE,
  defaultConversation,
  readConnectOptions,
  readConversationOptions,
  targetBaud,
  TARGET_USAGE,
  type ConnectOptions,
  type ConversationSettings,
} from '../connect/index.js';
import { parseOptions } from './strict-args.js';
import { readResultsOptions, RESULTS_ARGS, RESULTS_USAGE, type ConsoleResultsOptions } from '../results/session/index.js';
import { readTerminalFlags, TERMINAL_ARGS, TERMINAL_USAGE, type TerminalFlags } from '../tui/terminal-args.js';

export interface CliOptions {
  connect: ConnectOptions;
  conversation: ConversationSettings;
  /** Plain mode on a terminal: the device's bytes unchanged, escapes obeyed (default: neutralised). */
  rawOutput: boolean;
  results: ConsoleResultsOptions;
  /** `--echo`, `--macros`: the interactive console only. */
  terminal: TerminalFlags;
  help: boolean;
  version: boolean;
}

export type CliParse = { ok: true; options: CliOptions } | { ok: false; message: string };

export const EXIT_CODES_USAGE = `Exit status (plain mode):
  0    the input was sent and the last command finished (or exit/quit was read at a SIS prompt)
  1    the connection was lost with --no-reconnect, or the target could not be reached
  2    usage: a bad option or value, or the log file could not be opened (nothing was started);
       or a results file (--output-json) could not be written
  4    a command was lost (the link dropped or the target rebooted while it ran), or lines were
       waiting and nothing at all arrived for 5 s
  129, 130, 143
       ended by SIGHUP, SIGINT or SIGTERM (128 + the signal number); the log is flushed first`;

export const USAGE = `Usage: sis [options]
       sis [options] TARGET
       sis serve --listen ENDPOINT... | --device PATH [options]   (sis serve --help)
       sis ports [--json]
       sis run [TARGET] [options] (-c CMD ... | --script FILE)   (sis run --help)
       sis parse LOG [--json FILE] [--junit FILE] [--record]
       sis history [--json] [--type T] [--last N]
       sis dashboard [TARGET] [--listen HOST:PORT] [options]   (sis dashboard --help)

The SIS kernel's stress-test console. With no target it boots the embedded kernel model behind a
virtual UART and opens the sis> console; with one it attaches to a board, QEMU or ser2net. When
stdin or stdout is not a terminal it runs a plain mode: each input line is sent once the prompt
is back (or, while the prompt is unknown, once the output is quiet), received bytes go to stdout
untouched, connection changes to stderr.

${TARGET_USAGE}

${CONNECT_USAGE}

${CONVERSATION_USAGE}

${RESULTS_USAGE}

${TERMINAL_USAGE}

Output:
  --raw-output        plain mode with stdout on a terminal: pass the device's bytes unchanged. By
                      default they are sanitised there as in the TUI (colours pass; titles, clipboard
                      writes, screen switches and queries are shown as text). A pipe or file always
                      gets the bytes exactly as received.

Other:
  -h, --help          show this help
  -V, --version       show the version

Console: type kernel commands at sis> (try 'help'); 'exit' or Ctrl-D quits.

${EXIT_CODES_USAGE}
`;

const ARGS = {
  ...CONNECT_ARGS,
  ...CONVERSATION_ARGS,
  ...RESULTS_ARGS,
  ...TERMINAL_ARGS,
  'raw-output': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'V' },
} as const;

export function parseCliArgs(argv: readonly string[]): CliParse {
  const parsed = parseOptions(argv, ARGS);
  if (!parsed.ok) return parsed;
  const { values, positionals } = parsed.value;
  const help = values.help === true;
  const version = values.version === true;
  const defaults: CliParse = {
    ok: true,
    options: { connect: DEFAULT_CONNECT, conversation: defaultConversation(), rawOutput: false, results: DEFAULT_RESULTS, terminal: { echo: false }, help, version },
  };
  const connect = readConnectOptions(values, positionals);
  if (!connect.ok) return help || version ? defaults : connect;
  const conversation = readConversationOptions(values, targetBaud(connect.options.target));
  if (!conversation.ok) return help || version ? defaults : conversation;
  const results = readResultsOptions(values);
  if (!results.ok) return help || version ? defaults : results;
  const terminal = readTerminalFlags(values);
  if (!terminal.ok) return help || version ? defaults : terminal;
  return {
    ok: true,
    options: {
      connect: connect.options,
      conversation: conversation.settings,
      rawOutput: values['raw-output'] === true,
      results: results.options,
      terminal: terminal.flags,
      help,
      version,
    },
  };
}

const DEFAULT_CONNECT: ConnectOptions = { target: { kind: 'model' }, reconnect: true, enter: 'cr', incomingCr: 'keep' };
const DEFAULT_RESULTS: ConsoleResultsOptions = { outputJson: null, historyPath: null };
