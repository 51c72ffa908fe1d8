import type { BytePort, ReconnectingPort } from '../../uart/index.js';
import type { SessionResults } from '../session-results/index.js';

export interface ScriptedSessionOptions {
  /** Already open. With `onState` (a reconnecting port) a reconnect waits for a new prompt. */
  port: BytePort & Partial<Pick<ReconnectingPort, 'onState'>>;
  lines: readonly string[];
  /**
   * Tested on every line as it arrives (complete, and the unterminated last one): a match since
   * the last line was sent means the prompt is back, even if more lines were printed after it.
   */
  prompt: RegExp;
  /** Wall ms from sending a line (or from the start) to the next prompt; 0 = no limit. */
  timeoutMs: number;
  results: SessionResults;
  /** Every received byte, in order. */
  output: (chunk: Uint8Array) => void;
  /** A line refused before sending (its console options were bad). */
  onRefused: (line: string, message: string) => void;
  /** Default CR. */
  lineEnding?: string;
  /** After a timeout's Ctrl-C, how long the prompt may take; default 2000 ms. */
  cancelGraceMs?: number;
}

export type ScriptedOutcome =
  | { kind: 'completed' }
  | { kind: 'timeout'; /** The line sent last; null while waiting for the first prompt. */ after: string | null }
  | { kind: 'closed'; message: string }
  | { kind: 'interrupted' };

export interface ScriptedSession {
  readonly done: Promise<ScriptedOutcome>;
  /** Ctrl-C to the target, no further lines; ends at the prompt or after the grace time. */
  interrupt(): void;
}

const QUIT_LINES = new Set(['exit', 'quit']);
/** Characters of a line the prompt pattern looks at: the first 4096. */
const LINE_LIMIT = 4096;
const CTRL_C = Uint8Array.of(0x03);

function grow(line: string, more: string): string {
  return line.length >= LINE_LIMIT ? line : (line + more).slice(0, LINE_LIMIT);
}

/** Sends `lines` one at a time, each once the prompt is back, as a person at the console would. */
export function startScriptedSession(options: ScriptedSessionOptions): ScriptedSession {
  const { port, lines, prompt, results } = options;
  const lineEnding = options.lineEnding ?? '\r';
  const grace = options.cancelGraceMs ?? 2000;
  let next = 0;
  let tail = '';
  let ready = false;
  let sent: string | null = null;
  let stopping: ScriptedOutcome | null = null;
  let finished = false;
  let timer: NodeJS.Timeout | undefined;
  let resolveDone!: (outcome: ScriptedOutcome) => void;
  const done = new Promise<ScriptedOutcome>((resolve) => (resolveDone = resolve));

  const finish = (outcome: ScriptedOutcome): void => {
    if (finished) return;
    finished = true;
    clearTimeout(timer);
    resolveDone(outcome);
  };

  const armTimeout = (): void => {
    clearTimeout(timer);
    if (options.timeoutMs > 0) timer = setTimeout(onTimeout, options.timeoutMs);
  };

  /** Stops sending; a command still running is cancelled and given `grace` to return its prompt. */
  const stop = (outcome: ScriptedOutcome): void => {
    if (stopping !== null || finished) return;
    stopping = outcome;
    if (sent === null && outcome.kind === 'timeout') return finish(outcome);
    port.write(CTRL_C);
    clearTimeout(timer);
    timer = setTimeout(() => finish(outcome), grace);
  };

  function onTimeout(): void {
    stop({ kind: 'timeout', after: sent });
  }

  const sendNext = (): void => {
    while (next < lines.length) {
      const line = lines[next++]!;
      if (QUIT_LINES.has(line.trim())) break;
      const submitted = results.submitLine(line);
      if (!submitted.ok) {
        options.onRefused(line, submitted.message);
        continue;
      }
      tail = '';
      ready = false;
      sent = submitted.send;
      port.write(Buffer.from(submitted.send + lineEnding, 'latin1'));
      armTimeout();
      return;
    }
    finish({ kind: 'completed' });
  };

  port.onData((chunk) => {
    options.output(chunk);
    results.receive(chunk);
    const text = Buffer.from(chunk).toString('latin1');
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      if (prompt.test(grow(tail, text.slice(start, nl)))) ready = true;
      tail = '';
      start = nl + 1;
    }
    tail = grow(tail, text.slice(start));
    if (prompt.test(tail)) ready = true;
    if (finished || !ready) return;
    if (stopping !== null) return finish(stopping);
    sendNext();
  });
  port.onClose((reason) => {
    if (!finished) finish({ kind: 'closed', message: reason?.message ?? `${port.description}: the connection ended` });
  });
  port.onState?.((state) => {
    if (state.status === 'waiting') {
      tail = '';
      ready = false;
    }
  });

  armTimeout();

  return {
    done,
    interrupt: () => stop({ kind: 'interrupted' }),
  };
}
