import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { BytePort } from '../uart/index.js';
import { PromptWatch } from './prompt-watch.js';

export interface PlainModeOptions {
  port: BytePort;
  input: Readable;
  output: Writable;
  /** What Enter sends after each line; default CR, as a terminal does. */
  lineEnding?: string;
}

/** Lines the console itself takes instead of sending. */
const QUIT_LINES = new Set(['exit', 'quit']);

/**
 * The console for pipes and CI: each input line is sent once the prompt has returned, every
 * received byte goes to `output` untouched, and it resolves with the exit status once the last
 * command has finished (or the far end went away).
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
    prompt.reset();
    port.write(Buffer.from(line + lineEnding, 'latin1'));
  };

  port.onData((chunk) => {
    output.write(chunk);
    prompt.push(chunk);
    sendNext();
  });
  port.onClose((reason) => {
    if (reason) process.stderr.write(`sis: ${reason.message}\n`);
    finish(reason ? 1 : 0);
  });

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
  return status;
}
