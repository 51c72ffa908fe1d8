import { EventEmitter } from 'node:events';
import type { TerminalSize } from './live-region.js';

export interface FrameStdoutOptions {
  size: () => TerminalSize;
  /** Each frame Ink renders, lines joined by `\n`. */
  onFrame: (text: string) => void;
}

/**
 * The stdout Ink renders into when it runs in debug mode: every write is one whole frame, handed
 * to the console's live region, which decides what reaches the terminal. It reports the real
 * terminal's size and emits `resize` when told to.
 */
export class FrameStdout extends EventEmitter {
  readonly isTTY = true;

  constructor(private readonly options: FrameStdoutOptions) {
    super();
  }

  get columns(): number {
    return this.options.size().columns;
  }

  get rows(): number {
    return this.options.size().rows;
  }

  write(data: string | Uint8Array, callback?: (error?: Error | null) => void): boolean {
    const text = typeof data === 'string' ? data : Buffer.from(data).toString('utf8');
    if (text !== '') this.options.onFrame(text);
    callback?.();
    return true;
  }

  resized(): void {
    this.emit('resize');
  }
}
