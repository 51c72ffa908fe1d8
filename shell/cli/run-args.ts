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
import { exitStatusHelp } from '../results/session/index.js';
import { parseInteger, parseOptions, type ArgsParse } from './results-args.js';

export type CommandSource =
  | { kind: 'command'; text: string }
  | { kind: 'script'; path: string }
  /** A macro of `--macros FILE`, by digit or name. */
  | { kind: 'macro'; name: string };

export interface RunOptions {
  /** `-c`, `--script` and `--macro` in the order given. */
  sources: CommandSource[];
  /** `--macros FILE`, where `--macro NAME` finds its commands. */
  macrosFile?: string;
  connect: ConnectOptions;
  conversation: ConversationSettings;
  timeoutMs: number;
  outputJson: string | null;
  junit: string | null;
  allowPartial: boolean;
  historyFile?: string;
  noHistory: boolean;
  help: boolean;
}

export const DEFAULT_TIMEOUT_MS = 60_000;

export const RUN_USAGE = `Usage: sis run [TARGET] [options] (-c CMD ... | --script FILE)

Runs kernel commands without a person at the console: waits for the prompt, sends a command,
waits for the prompt again, and so on, printing the transcript to stdout as it arrives. At the
end a summary table (one line per run) goes to stderr and the results to the files asked for.

Commands:
  -c, --command CMD   a command line to send; repeatable, sent in order
  --script FILE       one command per line; blank lines and lines starting with # are skipped;
                      - reads stdin. A line may end in --output-json PATH for its own results.
  --macro NAME        the commands of macro NAME (its name or digit) of --macros FILE, the file
                      the console's Ctrl-T 0-9 use; repeatable, in order with -c and --script
  --macros FILE       where --macro finds its macros (format: sis --help)
  --timeout MS        wall-clock limit per command, prompt to prompt (default ${DEFAULT_TIMEOUT_MS}; 0 = none);
                      on timeout sis sends Ctrl-C, waits up to 2 s for the prompt, and stops
  A command lost to a reboot or a dropped link while it runs ends the run with status 4.

${CONVERSATION_USAGE}

Results:
  --output-json FILE  the session's results (schema/results.schema.json), written atomically
  --junit FILE        JUnit XML, one testcase per run
  --allow-partial     PARTIAL PASS counts as passed (exit status and JUnit)
  --history FILE      record results in FILE (default $SIS_HISTORY, else
                      $XDG_STATE_HOME/sis/history.jsonl, else ~/.local/state/sis/history.jsonl)
  --no-history        do not record results
  -h, --help          show this help

${TARGET_USAGE}

${CONNECT_USAGE.replace('max (default in plain mode)', 'max (default in plain mode and sis run)')}

${exitStatusHelp()}`;

const OPTIONS = {
  ...CONNECT_ARGS,
  command: { type: 'string', short: 'c', multiple: true },
  script: { type: 'string', multiple: true },
  macro: { type: 'string', multiple: true },
  macros: { type: 'string' },
  ...CONVERSATION_ARGS,
  timeout: { type: 'string' },
  'output-json': { type: 'string' },
  junit: { type: 'string' },
  'allow-partial': { type: 'boolean' },
  history: { type: 'string' },
  'no-history': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export function parseRunArgs(argv: readonly string[]): ArgsParse<RunOptions> {
  const parsed = parseOptions(argv, OPTIONS);
  if (!parsed.ok) return parsed;
  const { values, positionals, tokens } = parsed.value;
  const fail = (message: string): ArgsParse<RunOptions> => ({ ok: false, message });
  const sources: CommandSource[] = [];
  for (const token of tokens) {
    if (token.kind !== 'option' || token.value === undefined) continue;
    if (token.name === 'command') sources.push({ kind: 'command', text: token.value });
    if (token.name === 'script') sources.push({ kind: 'script', path: token.value });
    if (token.name === 'macro') sources.push({ kind: 'macro', name: token.value });
  }
  const help = values.help === true;
  const connect = readConnectOptions(values, positionals);
  if (!connect.ok && !help) return connect;
  const options: RunOptions = {
    sources,
    connect: connect.ok ? connect.options : { target: { kind: 'model' }, reconnect: true, enter: 'cr', incomingCr: 'keep' },
    conversation: defaultConversation(),
    timeoutMs: DEFAULT_TIMEOUT_MS,
    outputJson: values['output-json'] ?? null,
    junit: values.junit ?? null,
    allowPartial: values['allow-partial'] === true,
    noHistory: values['no-history'] === true,
    help,
  };
  if (help) return { ok: true, value: options };
  if (values.history !== undefined) options.historyFile = values.history;
  if (values.macros !== undefined) options.macrosFile = values.macros;
  if (sources.some((source) => source.kind === 'macro') && values.macros === undefined) return fail('--macro needs --macros FILE');
  if (options.noHistory && values.history !== undefined) return fail('--history and --no-history cannot be used together');
  if (values.timeout !== undefined) {
    const timeout = parseInteger('--timeout', values.timeout, 0, 86_400_000);
    if (!timeout.ok) return timeout;
    options.timeoutMs = timeout.value;
  }
  const conversation = readConversationOptions(values, targetBaud(options.connect.target));
  if (!conversation.ok) return conversation;
  options.conversation = conversation.settings;
  if (sources.length === 0) return fail('nothing to run: give -c CMD, --script FILE or --macro NAME');
  return { ok: true, value: options };
}
