import { EXIT_SIGNALS, openTarget, reportStates, signalStatus, type ExitSignal } from '../connect/index.js';
import { createHistoryRecorder, resolveHistoryPath } from '../results/history/index.js';
import { toJUnitXml, writeFileAtomic } from '../results/index.js';
import { createSessionResults, EXIT, formatSummary, verdictStatus } from '../results/session/index.js';
import { VERSION } from '../version.js';
import { parseRunArgs, RUN_USAGE } from './run-args.js';
import { collectInputs } from './run-inputs.js';
import { startScriptedSession, type ScriptedOutcome } from './run-session.js';
import { usageError } from './results-args.js';

const say = (line: string): void => void process.stderr.write(`sis run: ${line}\n`);

function describeOutcome(outcome: ScriptedOutcome, target: string, timeoutMs: number): string | null {
  switch (outcome.kind) {
    case 'completed':
      return null;
    case 'timeout':
      return outcome.after === null
        ? `no prompt from ${target} within ${timeoutMs} ms`
        : `'${outcome.after}' did not return to the prompt within ${timeoutMs} ms (sent Ctrl-C; remaining commands not sent)`;
    case 'closed':
      return outcome.message;
    case 'lost':
      return `'${outcome.line}' lost: ${outcome.detail} (remaining commands not sent)`;
    case 'interrupted':
      return 'interrupted (sent Ctrl-C; remaining commands not sent)';
    case 'signalled':
      return `ended by ${outcome.signal}: results of what finished written, a test still running recorded as CANCELLED`;
  }
}

/** `sis run`: a non-interactive session; exit status from the verdicts (see RUN_USAGE). */
export async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseRunArgs(argv);
  if (!parsed.ok) return usageError('run', parsed.message);
  const options = parsed.value;
  if (options.help) {
    process.stdout.write(RUN_USAGE);
    return EXIT.OK;
  }
  const outputs = [options.outputJson, options.junit].filter((p): p is string => p !== null);
  const inputs = await collectInputs(options.sources, outputs, options.macrosFile);
  if (!inputs.ok) {
    say(inputs.message);
    return EXIT.USAGE;
  }
  const historyPath = resolveHistoryPath({ file: options.historyFile, disabled: options.noHistory });
  const opened = await openTarget({ ...options.connect, defaultSpeed: 'max', say });
  if (!opened.ok) {
    say(opened.message);
    return opened.status === 2 ? EXIT.USAGE : EXIT.TRANSPORT;
  }
  const { connection } = opened;
  const { port } = connection;
  const model = connection.target.kind === 'model';
  if (!model) {
    say(`connected to ${port.description}`);
    reportStates(port, say);
  }
  connection.log?.onError((error) => say(error.message));
  const results = createSessionResults({
    version: VERSION,
    target: { kind: model ? 'model' : 'board', transport: port.description },
    outputJson: options.outputJson,
    history: historyPath === null ? null : createHistoryRecorder({ path: historyPath, source: 'run', clock: connection.clock }),
    onNotice: (notice) => say(notice.message),
    clock: connection.clock,
  });
  const session = startScriptedSession({
    port,
    lines: inputs.lines,
    prompt: options.conversation.prompt,
    timing: options.conversation.timing,
    timeoutMs: options.timeoutMs,
    results,
    output: (chunk) => void process.stdout.write(chunk),
    onRefused: (line, message) => say(`not sent: '${line}': ${message}`),
    clock: connection.clock,
  });
  // A reader that stops reading the transcript (`| head`) does not end the session.
  process.stdout.on('error', () => undefined);
  // SIGINT once: Ctrl-C to the target, then stop. SIGTERM, SIGHUP or a second SIGINT: stop at
  // once. Either way the results of what finished are written and the status says what happened.
  let interrupts = 0;
  const onSignal = (signal: ExitSignal) => (): void => {
    if (signal === 'SIGINT' && interrupts++ === 0) return session.interrupt();
    session.abort(signal);
  };
  const handlers = EXIT_SIGNALS.map((signal) => [signal, onSignal(signal)] as const);
  for (const [signal, handler] of handlers) process.on(signal, handler);
  const outcome = await session.done;
  await connection.close();
  const cancelled = outcome.kind === 'signalled' || outcome.kind === 'interrupted';
  const finished = await results.finish({ cancelled });
  for (const [signal, handler] of handlers) process.off(signal, handler);
  const doc = finished.document;
  let written = finished.ok && connection.log?.error === undefined;
  if (options.junit !== null) {
    const junit = await writeFileAtomic(options.junit, toJUnitXml(doc, { allowPartialPass: options.allowPartial, unknownCommands: results.unknownCommands }));
    if (junit.ok) say(`JUnit written to ${options.junit}`);
    else say(junit.error.message);
    written &&= junit.ok;
  }
  await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
  process.stderr.write(`\n${formatSummary(doc, results.unknownCommands)}`);
  const problem = describeOutcome(outcome, port.description, options.timeoutMs);
  if (problem !== null) say(problem);
  const status = verdictStatus(doc, {
    allowPartial: options.allowPartial,
    unknownCommands: results.unknownCommands,
    transportFailed: outcome.kind === 'timeout' || outcome.kind === 'closed' || outcome.kind === 'lost',
  });
  let code: number = status.code;
  if (outcome.kind === 'interrupted' && (code === EXIT.OK || code === EXIT.PARTIAL)) code = EXIT.CANCELLED;
  if (outcome.kind === 'signalled') code = signalStatus(outcome.signal);
  if (!written && code !== EXIT.FAILED) code = EXIT.USAGE;
  if (status.reason !== '') say(status.reason);
  return code;
}
