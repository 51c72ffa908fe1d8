import { applyBackspaces, cleanControls } from '../parser/text.js';
import { PROMPT_LINE_LIMIT } from './prompt-pattern.js';

/**
 * The unterminated last line of the received stream, as a terminal would show it: escape
 * sequences and controls removed, backspace echoes applied, and only what follows the last CR
 * that has text after it. Raw text is latin1 (one char per byte), so any chunking agrees.
 */
export class LineTail {
  private raw = '';
  private overlong = false;
  private cleanedCache: string | null = '';

  /** Feeds decoded text; returns the complete lines it ended, cleaned. */
  push(text: string): string[] {
    const lines: string[] = [];
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      this.append(text.slice(start, nl));
      lines.push(this.overlong ? '' : this.cleaned);
      this.raw = '';
      this.overlong = false;
      this.cleanedCache = '';
      start = nl + 1;
    }
    this.append(text.slice(start));
    return lines;
  }

  /**
   * Feeds a piece of decoded text with no `\n` but maybe a last one (the engine cuts reads so);
   * returns the line it ended, cleaned, as `push` would, without an array per line.
   */
  pushPiece(piece: string): string | undefined {
    const nl = piece.indexOf('\n');
    if (nl < 0) {
      this.append(piece);
      return undefined;
    }
    if (nl !== piece.length - 1) return this.push(piece)[0];
    this.append(piece.slice(0, nl));
    const line = this.overlong ? '' : this.cleaned;
    this.reset();
    return line;
  }

  /** The current line, cleaned; '' while it is too long to be a prompt. */
  get cleaned(): string {
    if (this.overlong) return '';
    this.cleanedCache ??= cleanLine(this.raw);
    return this.cleanedCache;
  }

  /** Whether nothing has arrived since the last line end. */
  get empty(): boolean {
    return this.raw === '' && !this.overlong;
  }

  reset(): void {
    this.raw = '';
    this.overlong = false;
    this.cleanedCache = '';
  }

  private append(text: string): void {
    if (text === '' || this.overlong) return;
    this.raw += text;
    this.cleanedCache = null;
    // Escape sequences make the raw line longer than what it shows; twice the limit leaves room.
    if (this.raw.length > 2 * PROMPT_LINE_LIMIT) {
      this.overlong = true;
      this.raw = '';
    }
  }
}

export function cleanLine(raw: string): string {
  let visible = raw;
  if (visible.indexOf('\r') >= 0) {
    let end = visible.length;
    while (end > 0 && visible.charCodeAt(end - 1) === 0x0d) end--;
    visible = visible.slice(0, end);
    visible = visible.slice(visible.lastIndexOf('\r') + 1);
  }
  return applyBackspaces(cleanControls(visible));
}
