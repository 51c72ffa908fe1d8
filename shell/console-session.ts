import type { BytePort } from '../uart/index.js';
import { PromptWatch } from './prompt-watch.js';

export interface ConsoleView {
  /** A sent line has not been answered by a new prompt yet. */
  readonly busy: boolean;
  /** Lines typed or pasted and not sent yet. */
  readonly queued: number;
}

export interface ConsoleSessionOptions {
  port: BytePort;
  lineEnding?: string;
  /**
   * Sees each line as it is about to be sent (console-side options such as --output-json are
   * taken off it): returns the text to send, or `{ refused }` to skip the line with a message.
   */
  beforeSend?: (line: string) => { send: string } | { refused: string };
  /** Told about a refused line. */
  onRefused?: (message: string) => void;
}

const CTRL_C = Uint8Array.of(0x03);

/**
 * The console's conversation with the far end, independent of rendering: received chunks go to
 * listeners; queued lines are sent one at a time, each once the prompt is back.
 */
export class ConsoleSession {
  private readonly prompt = new PromptWatch();
  private readonly queue: string[] = [];
  private readonly listeners = new Set<() => void>();
  private readonly chunkListeners = new Set<(chunk: Uint8Array) => void>();
  private readonly lineEnding: string;
  private view: ConsoleView = { busy: false, queued: 0 };

  constructor(private readonly options: ConsoleSessionOptions) {
    this.lineEnding = options.lineEnding ?? '\r';
    options.port.onData((chunk) => this.receive(chunk));
  }

  open(): Promise<void> {
    return this.options.port.open();
  }

  /** The far end's prompt came and nothing was sent since. */
  get atPrompt(): boolean {
    return this.prompt.atPrompt;
  }

  get state(): ConsoleView {
    return this.view;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onChunk(listener: (chunk: Uint8Array) => void): () => void {
    this.chunkListeners.add(listener);
    return () => this.chunkListeners.delete(listener);
  }

  /** Queues one line (no line ending); it is sent once the prompt is back. */
  submit(line: string): void {
    this.queue.push(line);
    this.update({ queued: this.queue.length });
    this.sendNext();
  }

  /** Ctrl-C for the far end: cancels a running command there. */
  interrupt(): void {
    this.options.port.write(CTRL_C);
  }

  /** Sends control bytes now, bypassing the line queue. */
  interruptWith(bytes: Uint8Array): void {
    this.options.port.write(bytes);
  }

  /** Forget a busy state the far end will never answer (e.g. after a reconnect). */
  resync(): void {
    this.prompt.reset();
    this.update({ busy: false });
  }

  private receive(chunk: Uint8Array): void {
    for (const listener of this.chunkListeners) listener(chunk);
    this.prompt.push(chunk);
    if (this.view.busy && this.prompt.atPrompt) this.update({ busy: false });
    this.sendNext();
  }

  private sendNext(): void {
    while (!this.view.busy && this.prompt.atPrompt) {
      const line = this.queue.shift();
      if (line === undefined) return;
      const checked = this.options.beforeSend?.(line) ?? { send: line };
      if ('refused' in checked) {
        this.options.onRefused?.(checked.refused);
        this.update({ queued: this.queue.length });
        continue;
      }
      this.prompt.reset();
      this.options.port.write(Buffer.from(checked.send + this.lineEnding, 'latin1'));
      this.update({ busy: true, queued: this.queue.length });
    }
  }

  private update(change: Partial<ConsoleView>): void {
    this.view = { ...this.view, ...change };
    for (const listener of this.listeners) listener();
  }
}
