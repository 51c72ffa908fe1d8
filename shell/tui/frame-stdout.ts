import { EventEmitter } from 'node:events';
import type { TerminalSize } from './live-region.js';

export interface FrameStdoutOptions {
  size: () => TerminalSize;
  /** Each frame Ink renders, lines joined by `\n`. */
  onFrame: (text: string) => void;
  /**
   * Ink runs in debug mode (every write a bare frame) rather than its throttled mode (each frame
   * after the codes that erase the previous one). Debug mode renders on every update; it is for
   * `CI` environments, where Ink's throttled mode writes no frame until it exits.
   */
  debug?: boolean;
}

/** Ink's log-update erases the previous frame (`ESC[2K`, `ESC[1A`, `ESC[G`), or the screen once it was too tall. */
const ERASE_PREFIX = /^(?:\x1b\[(?:2K|1A|G|2J|3J|H)|\x1bc)+/;

/**
 * The stdout Ink renders into: it reports the real terminal's size, emits `resize` when told to,
 * and hands each whole frame to the console's live region, which decides what reaches the
 * terminal. Not a TTY to Ink, so Ink adds no cursor or synchronisation codes of its own.
 */
export class FrameStdout extends EventEmitter {
  readonly isTTY = false;

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
    const frame = this.options.debug ? text : text.replace(ERASE_PREFIX, '');
    // An erase alone is Ink clearing before a redraw, which follows.
    if (frame !== '') this.options.onFrame(!this.options.debug && frame.endsWith('\n') ? frame.slice(0, -1) : frame);
    callback?.();
    return true;
  }

  resized(): void {
    this.emit('resize');
  }
}
