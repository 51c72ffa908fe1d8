import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { BytePort, ReconnectingPort } from '../uart/index.js';
import { PromptWatch } from './prompt-watch.js';
import type { SessionResults } from './session-results/index.js';

export interface PlainModeOptions {
  /** With `onState` (a reconnecting port), the session carries on across reconnects. */
  port: BytePort & Partial<Pick<ReconnectingPort, 'onState'>>;
  input: Readable;
  output: Writable;
  /** What Enter sends after each line; default CR, as a terminal does. */
  lineEnding?: string;
  /**
   * Results collection (shell/session-results): gets every received byte before the next line is
   * sent, takes console options (`--output-json PATH`) off each line, and is finished at the end.
   */
  results?: Pick<SessionResults, 'receive' | 'submitLine' | 'finish'>;
}

/** Lines the console itself takes instead of sending. */
const QUIT_LINES = new Set(['exit', 'quit']);

/**
 * The console for pipes and CI: each input line is sent once the prompt has returned, every
 * received byte goes to `output` untouched, and it resolves with the exit status once the last
 * command has finished (0), or the far end went away for good (1). After a reconnect the next
 * line waits for a new prompt.
 */
export async function runPlainMode(options: PlainModeOptions): Promise<number> {
  const { port, input, output } = options;
  const lineEnding = options.lineEnding ?? '\r';
  const prompt = new PromptWatch();
  const queue: string[] = [];
  let inputEnded = false;
  let finished = false;
  let resolveDone!: (status: number) => void;
  const done = new Promise<number>((resolve) => (resolveDone = resolve));

  const finish = (status: number): void => {
    if (finished) return;
    finished = true;
    resolveDone(status);
  };

  const sendNext = (): void => {
    if (finished || !prompt.atPrompt) return;
    const line = queue.shift();
    if (line === undefined) {
      if (inputEnded) finish(0);
      return;
    }
    if (QUIT_LINES.has(line.trim())) return finish(0);
    const submitted = options.results?.submitLine(line) ?? { ok: true as const, send: line };
    if (!submitted.ok) {
      process.stderr.write(`sis: ${submitted.message}\n`);
      return sendNext();
    }
    prompt.reset();
    port.write(Buffer.from(submitted.send + lineEnding, 'latin1'));
  };

  port.onData((chunk) => {
    output.write(chunk);
    options.results?.receive(chunk);
    prompt.push(chunk);
    sendNext();
  });
  port.onClose((reason) => {
    if (reason) process.stderr.write(`sis: ${reason.message}\n`);
    finish(reason ? 1 : 0);
  });
  port.onState?.((state) => {
    if (state.status === 'connected' || state.status === 'waiting') prompt.reset();
  });

  // Input bytes go to the far end as they are: decoded and re-encoded one byte per character.
  input.setEncoding('latin1');
  const lines = createInterface({ input, crlfDelay: Infinity, terminal: false });
  lines.on('line', (line) => {
    queue.push(line);
    sendNext();
  });
  lines.on('close', () => {
    inputEnded = true;
    sendNext();
  });

  await port.open();
  const status = await done;
  lines.close();
  await new Promise<void>((resolve) => output.write('', () => resolve()));
  await port.close();
  // Results files are written once the stream has ended; one that could not be written is exit 2.
  const results = await options.results?.finish();
  return results !== undefined && !results.ok && status === 0 ? 2 : status;
}
