import { exitOnSignals, openTarget, reportStates, signalStatus, type Connection } from '../connect/index.js';
import { runPlainMode } from '../plain-mode.js';
import { createConsoleResults, type ConsoleResultsOptions } from '../session-results/index.js';
import { VERSION } from '../version.js';
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
  const interactive = process.stdin.isTTY === true && process.stdout.isTTY === true;
  const opened = await openTarget({ ...options.connect, defaultSpeed: interactive ? 'realtime' : 'max' });
  if (!opened.ok) {
    process.stderr.write(`sis: ${opened.message}\n`);
    return opened.status;
  }
  const { connection } = opened;
  return interactive ? runInteractive(connection) : runPlain(connection, options.results);
}

async function runPlain(connection: Connection, resultsOptions: ConsoleResultsOptions): Promise<number> {
  const { port, log } = connection;
  const model = connection.target.kind === 'model';
  if (!model) {
    const say = (line: string): void => void process.stderr.write(`sis: ${line}\n`);
    say(`connected to ${port.description}`);
    reportStates(port, say);
  }
  // Signals end plain mode at once; what has been received is on disk first.
  const removeSignals = exitOnSignals(() => log?.flushSync());
  const results = createConsoleResults(resultsOptions, {
    version: VERSION,
    target: { kind: model ? 'model' : 'board', transport: port.description },
    onNotice: (notice) => void process.stderr.write(`sis: ${notice.message}\n`),
  });
  const status = await runPlainMode({ port, input: process.stdin, output: process.stdout, results });
  await connection.close();
  removeSignals();
  return status;
}

async function runInteractive(connection: Connection): Promise<number> {
  const { log } = connection;
  const flushLog = (): void => log?.flushSync();
  process.on('exit', flushLog);
  // The TUI reads Ctrl-C as a key; a SIGINT from elsewhere ends it like a shell would report it.
  const onSigint = (): void => {
    flushLog();
    process.exit(signalStatus('SIGINT'));
  };
  process.on('SIGINT', onSigint);
  // Ink renders only its final frame when it believes it runs in CI; a terminal is interactive.
  delete process.env.CI;
  const { runConsole } = await import('../tui/run-console.js');
  const status = await runConsole({ port: connection.port, ...(connection.seed !== undefined && { seed: connection.seed }) });
  await connection.close();
  process.off('SIGINT', onSigint);
  process.off('exit', flushLog);
  return status;
}
