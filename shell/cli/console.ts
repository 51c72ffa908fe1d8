import { DEFAULT_PROFILE } from '../../kernel/index.js';
import {
  openTarget,
  stopOnSignals,
  reportStates,
  signalStatus,
  type Connection,
  type LogSpec,
  type ConversationSettings,
  type SignalStop,
} from '../connect/index.js';
import { createConsoleResults, type ConsoleResultsOptions } from '../results/session/index.js';
import { readHistory, type HistoryEntry } from '../results/history/index.js';
import { VERSION } from '../version.js';
import { readMacros, type Macro } from '../tui/macros.js';
import type { TerminalOptions } from '../tui/use-terminal-features.js';
import { parseCliArgs, USAGE } from './console-args.js';

/** `sis [TARGET] [options]`: the console, interactive on a terminal, plain on pipes. */
export async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseCliArgs(argv);
  if (!parsed.ok) {
    process.stderr.write(`sis: ${parsed.message}\nTry 'sis --help' for more information.\n`);
    return 2;
  }
  const { options } = parsed;
  if (options.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (options.version) {
    process.stdout.write(`sis ${VERSION}\n`);
    return 0;
  }
  let macros: readonly Macro[] = [];
  if (options.terminal.macrosPath !== undefined) {
    const read = await readMacros(options.terminal.macrosPath);
    if (!read.ok) {
      process.stderr.write(`sis: ${read.message}\n`);
      return 2;
    }
    macros = read.macros;
  }
  const interactive = process.stdin.isTTY === true && process.stdout.isTTY === true;
  // The console's first frame needs these modules: they load while the target opens.
  const consoleStart = interactive ? import('../tui/console-start.js') : undefined;
  consoleStart?.catch(() => undefined);
  // Plain mode: a signal from here on ends the session cleanly, even one that comes while the
  // target is still being opened (a --send transfer, a DTR pulse): what was received is on disk
  // first, then the results of what finished are written; a second signal exits at once.
  let flushLog = (): void => {};
  const signals = interactive ? undefined : stopOnSignals(() => flushLog());
  const opened = await openTarget({
    ...options.connect,
    defaultSpeed: interactive ? 'realtime' : 'max',
    say: (line) => void process.stderr.write(`sis: ${line}\n`),
  });
  if (!opened.ok) {
    signals?.remove();
    process.stderr.write(`sis: ${opened.message}\n`);
    return opened.status;
  }
  const { connection } = opened;
  flushLog = () => connection.log?.flushSync();
  return consoleStart
    ? runInteractive(connection, consoleStart, options.results, options.conversation, {
      ...(options.connect.lineFlags !== undefined && { breakMs: options.connect.lineFlags.breakMs }),
      ...(options.connect.log !== undefined && { logDefaults: options.connect.log }),
    }, {
      port: connection.port,
      echo: options.terminal.echo,
      macros,
      ...(options.connect.lineFlags?.sendProtocol !== undefined && { sendProtocol: options.connect.lineFlags.sendProtocol }),
    })
    : runPlain(connection, options.results, options.conversation, options.rawOutput, signals!);
}

async function runPlain(
  connection: Connection,
  resultsOptions: ConsoleResultsOptions,
  conversation: ConversationSettings,
  rawOutput: boolean,
  signals: SignalStop,
): Promise<number> {
  const { port, log } = connection;
  const model = connection.target.kind === 'model';
  if (!model) {
    const say = (line: string): void => void process.stderr.write(`sis: ${line}\n`);
    say(`connected to ${port.description}`);
    reportStates(port, say);
  }
  log?.onError((error) => void process.stderr.write(`sis: ${error.message}\n`));
  const results = createConsoleResults(resultsOptions, {
    version: VERSION,
    target: { kind: model ? 'model' : 'board', transport: port.description },
    onNotice: (notice) => void process.stderr.write(`sis: ${notice.message}\n`),
    clock: connection.clock,
  });
  const { runPlainMode } = await import('../plain/plain-mode.js');
  const status = await runPlainMode({
    port,
    clock: connection.clock,
    input: process.stdin,
    output: process.stdout,
    results,
    prompt: conversation.prompt,
    timing: conversation.timing,
    idleExitMs: conversation.idleExitMs,
    stopOn: signals.stopped,
    sanitize: process.stdout.isTTY === true && !rawOutput,
    ...(conversation.raw && { mode: 'raw' as const }),
    ...(process.stdout.isTTY && { terminal: { columns: process.stdout.columns || 80, rows: process.stdout.rows || 24 } }),
  });
  await connection.close();
  signals.remove();
  return status === 0 && log?.error !== undefined ? 2 : status;
}

async function runInteractive(
  connection: Connection,
  consoleStart: Promise<typeof import('../tui/console-start.js')>,
  resultsOptions: ConsoleResultsOptions,
  conversation: ConversationSettings,
  lineOptions: { breakMs?: number; logDefaults?: LogSpec },
  terminal: TerminalOptions,
): Promise<number> {
  const { log, port } = connection;
  const flushLog = (): void => log?.flushSync();
  process.on('exit', flushLog);
  // The TUI reads Ctrl-C as a key; a SIGINT from elsewhere ends it like a shell would report it.
  const onSigint = (): void => {
    flushLog();
    process.exit(signalStatus('SIGINT'));
  };
  process.on('SIGINT', onSigint);
  const notices: string[] = [];
  const results = createConsoleResults(resultsOptions, {
    version: VERSION,
    target: { kind: connection.target.kind === 'model' ? 'model' : 'board', transport: port.description },
    onNotice: (notice) => notices.push(notice.message),
    clock: connection.clock,
  });
  const historyPath = resultsOptions.historyPath;
  // The target's output is on the screen before Ink, the largest module, has loaded.
  const { startConsole } = await consoleStart;
  const started = startConsole({ port, clock: connection.clock, results, conversation, ...lineOptions, ...(log !== undefined && { log }) });
  await started.shown;
  const tui = await (await import('../tui/load-console.js')).loadConsole();
  const status = await tui.runConsole(started, {
    terminal,
    ...(connection.seed !== undefined && { seed: connection.seed }),
    // The status line shows the model's profile beside its seed.
    ...(connection.target.kind === 'model' && {
      info: { seed: `${connection.seed} profile ${connection.target.profile ?? DEFAULT_PROFILE.name}` },
    }),
    ...(historyPath !== null && { pastResults: () => pastResults(historyPath) }),
  });
  const finished = await results.finish();
  await connection.close();
  if (log?.error !== undefined) notices.push(log.error.message);
  for (const notice of notices) process.stderr.write(`sis: ${notice}\n`);
  process.off('SIGINT', onSigint);
  process.off('exit', flushLog);
  return finished.ok && log?.error === undefined ? status : 2;
}

/** Entries of the history the past-results view reads, from the end of the file. */
const PAST_ENTRIES = 1000;

/** The last PAST_ENTRIES entries of the history store, oldest first: what `sis history --last` lists. */
async function pastResults(path: string): Promise<readonly HistoryEntry[]> {
  const read = await readHistory(path, { last: PAST_ENTRIES });
  return read.ok ? read.entries : [];
}
