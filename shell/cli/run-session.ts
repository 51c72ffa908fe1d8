import { EngineDriver, type EnginePort, type EngineTiming, type PromptPattern } from '../engine/index.js';
import { isQuitLine } from '../engine/quit-lines.js';
import type { ExitSignal } from '../connect/index.js';
import type { SessionResults } from '../results/session/index.js';
import { systemClock, type HostClock } from '../../uart/index.js';

export interface ScriptedSessionOptions {
  /** Already open. A reconnecting port's drops are seen by the engine. */
  port: EnginePort;
  lines: readonly string[];
  prompt: PromptPattern;
  timing: EngineTiming;
  /** Wall ms from sending a line (or from the start) to its end; 0 = no limit. */
  timeoutMs: number;
  results: Pick<SessionResults, 'engineEvent' | 'submitLine'>;
  /** Every received byte, in order. */
  output: (chunk: Uint8Array) => void;
  /** A line refused before sending (its console options were bad). */
  onRefused: (line: string, message: string) => void;
  /** After a timeout's Ctrl-C, how long the prompt may take; default 2000 ms. */
  cancelGraceMs?: number;
  clock?: HostClock;
}

export type ScriptedOutcome =
  | { kind: 'completed' }
  | { kind: 'timeout'; /** The line sent last; null while waiting for the first prompt. */ after: string | null }
  | { kind: 'closed'; message: string }
  | { kind: 'lost'; line: string; detail: string }
  | { kind: 'interrupted' }
  /** A signal ended the session at once; what finished is kept, a running test is CANCELLED. */
  | { kind: 'signalled'; signal: ExitSignal };

export interface ScriptedSession {
  readonly done: Promise<ScriptedOutcome>;
  /** Ctrl-C to the target, no further lines; ends at the prompt or after the grace time. */
  interrupt(): void;
  /** Ends the session now (SIGTERM, SIGHUP, a second SIGINT): nothing more is sent or awaited. */
  abort(signal: ExitSignal): void;
}

/**
 * Sends `lines` through the conversation engine, each once the previous one has finished, as a
 * person at the console would. A command lost to a reboot or a dropped link ends the session.
 */
export function startScriptedSession(options: ScriptedSessionOptions): ScriptedSession {
  const { port, results } = options;
  const clock = options.clock ?? systemClock;
  const grace = options.cancelGraceMs ?? 2000;
  let stopping: ScriptedOutcome | null = null;
  let finished = false;
  let timer: unknown = null;
  let resolveDone!: (outcome: ScriptedOutcome) => void;
  const done = new Promise<ScriptedOutcome>((resolve) => (resolveDone = resolve));

  const driver = new EngineDriver({
    port,
    prompt: options.prompt,
    timing: options.timing,
    unknownPrompt: 'quiet',
    encoding: 'bytes',
    clock,
    beforeSend: (line, mode) => {
      if (mode === 'line' && isQuitLine(line)) return { quit: true };
      const submitted = results.submitLine(line);
      return submitted.ok ? { send: submitted.send } : { refused: submitted.message };
    },
  });

  const setTimer = (ms: number, callback: () => void): void => {
    if (timer !== null) clock.clearTimer(timer);
    timer = clock.setTimer(callback, ms);
  };
  const finish = (outcome: ScriptedOutcome): void => {
    if (finished) return;
    finished = true;
    if (timer !== null) clock.clearTimer(timer);
    driver.dispose();
    resolveDone(outcome);
  };
  const armTimeout = (): void => {
    if (options.timeoutMs > 0) setTimer(options.timeoutMs, () => stop({ kind: 'timeout', after: driver.view.running?.line ?? null }));
  };
  /** Stops sending; a command still running is cancelled and given `grace` to return its prompt. */
  const stop = (outcome: ScriptedOutcome): void => {
    if (stopping !== null || finished) return;
    stopping = outcome;
    driver.dropQueue();
    if (driver.view.running === null) return finish(outcome);
    driver.interrupt();
    setTimer(grace, () => finish(outcome));
  };
  const idle = (): boolean => driver.view.queued.length === 0 && driver.view.running === null;

  driver.on((event) => {
    results.engineEvent(event);
    switch (event.type) {
      case 'received':
        return options.output(event.chunk);
      case 'command-sent':
        return armTimeout();
      case 'command-refused':
        options.onRefused(event.line, event.message);
        break;
      case 'command-lost':
        return finish({ kind: 'lost', line: event.command.line, detail: event.detail });
      case 'quit':
        return finish(stopping ?? { kind: 'completed' });
      case 'command-finished':
        if (stopping !== null) return finish(stopping);
        break;
      default:
        return;
    }
    // The engine sends the next line right after this event: look once it has.
    queueMicrotask(() => {
      if (!finished && idle()) finish(stopping ?? { kind: 'completed' });
    });
  });
  port.onClose((reason) => {
    if (!finished) finish({ kind: 'closed', message: reason?.message ?? `${port.description}: the connection ended` });
  });

  armTimeout();
  for (const line of options.lines) driver.submit(line);
  void driver.open();
  if (options.lines.length === 0) queueMicrotask(() => finish({ kind: 'completed' }));

  return {
    done,
    interrupt: () => stop({ kind: 'interrupted' }),
    abort: (signal) => finish({ kind: 'signalled', signal }),
  };
}
