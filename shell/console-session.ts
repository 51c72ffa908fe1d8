import type { BytePort } from '../uart/index.js';
import { PromptWatch } from './prompt-watch.js';

export interface ConsoleView {
  /** The unterminated last line the far end printed (usually the prompt). */
  readonly tail: string;
  /** A sent line has not been answered by a new prompt yet. */
  readonly busy: boolean;
  /** Lines typed or pasted and not sent yet. */
  readonly queued: number;
  readonly connected: boolean;
}

export interface ConsoleSessionOptions {
  port: BytePort;
  /** Complete lines, `\n`-terminated, in arrival order. */
  writeLines: (text: string) => void;
  lineEnding?: string;
}

const CTRL_C = Uint8Array.of(0x03);

/**
 * The console's link to the far end, independent of rendering: splits received bytes into
 * finished lines and the live tail, sends queued lines one at a time as prompts return.
 */
export class ConsoleSession {
  private readonly prompt = new PromptWatch();
  private readonly queue: string[] = [];
  private readonly listeners = new Set<() => void>();
  private readonly lineEnding: string;
  private view: ConsoleView = { tail: '', busy: false, queued: 0, connected: false };

  constructor(private readonly options: ConsoleSessionOptions) {
    this.lineEnding = options.lineEnding ?? '\r';
    options.port.onData((chunk) => this.receive(chunk));
    options.port.onClose(() => this.update({ connected: false }));
  }

  async open(): Promise<void> {
    await this.options.port.open();
    this.update({ connected: true });
  }

  get state(): ConsoleView {
    return this.view;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Queues one line (no line ending); it is sent once the prompt is back. */
  submit(line: string): void {
    this.queue.push(line);
    this.sendNext();
    this.update({ queued: this.queue.length });
  }

  /** Ctrl-C for the far end: cancels a running command there. */
  interrupt(): void {
    this.options.port.write(CTRL_C);
  }

  private receive(chunk: Uint8Array): void {
    this.prompt.push(chunk);
    const text = this.view.tail + Buffer.from(chunk).toString('latin1');
    const end = text.lastIndexOf('\n');
    let tail = text;
    if (end >= 0) {
      this.options.writeLines(text.slice(0, end + 1).replace(/\r/g, ''));
      tail = text.slice(end + 1);
    }
    const busy = this.view.busy && !this.prompt.atPrompt;
    this.update({ tail: tail.replace(/\r/g, ''), busy });
    this.sendNext();
  }

  private sendNext(): void {
    if (this.view.busy || !this.prompt.atPrompt) return;
    const line = this.queue.shift();
    if (line === undefined) return;
    this.prompt.reset();
    this.options.port.write(Buffer.from(line + this.lineEnding, 'latin1'));
    this.update({ busy: true, queued: this.queue.length });
  }

  private update(change: Partial<ConsoleView>): void {
    this.view = { ...this.view, ...change };
    for (const listener of this.listeners) listener();
  }
}
