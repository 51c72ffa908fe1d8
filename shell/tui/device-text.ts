import { closeStyling, createClearSplitter, createSanitizer, createUtf8Stream, type Sanitizer } from '../sanitize/index.js';
import { applyBackspaces, tailOf } from './scrollback-lines.js';

/** An escape that may still become a clear-screen (`ESC`, `ESC[`, `ESC[2`, `ESC[1;1` ...) at the end of a read. */
const PARTIAL_ESCAPE = /\x1b(?:\[[\d;]*)?$/;
/** Longest such start worth holding back: a clear-screen's parameters are a few characters. */
const PARTIAL_ESCAPE_MAX = 16;

/** Where an escape that may still become a clear-screen starts at the end of `text`, or -1; only its end is read. */
function partialEscapeAt(text: string): number {
  const from = Math.max(0, text.length - PARTIAL_ESCAPE_MAX);
  const at = text.indexOf('\x1b', from);
  if (at < 0) return -1;
  const found = text.slice(at).search(PARTIAL_ESCAPE);
  return found < 0 ? -1 : at + found;
}
/** Longest unfinished line kept, in bytes (as the output parser's default): longer ones are written in pieces. */
const MAX_PARTIAL = 65536;

export interface DeviceTextOptions {
  /** A finished line, sanitised; `startMs` is when its first byte arrived (undefined: not known). */
  line: (text: string, startMs: number | undefined) => void;
  /**
   * The finished lines of a read as one block (each line ends with `\n`), for a caller that can
   * take them whole; when it returns false they come one by one to `line`. A flood's lines then
   * cost no work of their own.
   */
  lines?: (block: string) => boolean;
  /** The device cleared its screen here. */
  cleared: () => void;
  /** BELs in the text (the sanitiser takes them out). */
  bell: (count: number) => void;
}

/**
 * The device's bytes as text for the screen: UTF-8 decoded across reads, cut at the device's
 * clear-screens, sanitised (a sequence or string spanning lines is seen whole), split into
 * lines; the unfinished last line is kept, and shown as the tail.
 */
export class DeviceText {
  private readonly utf8 = createUtf8Stream();
  private readonly clears = createClearSplitter();
  private sanitizer: Sanitizer;
  /** The end of the text received, held while it may be the start of a clear-screen split across reads. */
  private rawCarry = '';
  private partial = '';
  /** When the unfinished line's first byte arrived, while timestamps are on. */
  private partialStartMs: number | undefined;
  private tailText = '';
  private tailChanged = false;

  constructor(private readonly options: DeviceTextOptions) {
    this.sanitizer = this.newSanitizer();
  }

  /** The unfinished last line (usually the prompt), sanitised for display. */
  get tail(): string {
    return this.tailText;
  }

  /** Whether the tail changed since the last call. */
  takeTailChange(): boolean {
    const changed = this.tailChanged;
    this.tailChanged = false;
    return changed;
  }

  /** Reads `chunks`, which arrived at `nowMs`; with `stamped` false times are not kept. */
  push(chunks: readonly Uint8Array[], nowMs: number, stamped: boolean): void {
    // Read by read, so that no string grows beyond a read's size: a flood's text is never copied whole.
    for (const chunk of chunks) this.take(this.utf8.decode(chunk), nowMs, stamped);
    // The tail is drawn inside the console's own frame, beside the input line: its styling ends with it.
    const tail = closeStyling(applyBackspaces(tailOf(this.partial).replace(/\r/g, '')));
    if (tail !== this.tailText) {
      this.tailText = tail;
      this.tailChanged = true;
    }
  }

  /** Ends the unfinished line (and anything held back) as a line of its own; the sanitiser starts afresh. */
  finish(): void {
    const held = this.partial + this.sanitizer.push(this.rawCarry) + this.sanitizer.end();
    this.rawCarry = '';
    if (held) this.options.line(held, this.partialStartMs);
    this.partial = '';
    this.tailText = '';
    this.tailChanged = true;
    this.sanitizer = this.newSanitizer();
  }

  private take(text: string, nowMs: number, stamped: boolean): void {
    const { line } = this.options;
    let decoded = this.rawCarry + text;
    const open = partialEscapeAt(decoded);
    this.rawCarry = open < 0 ? '' : decoded.slice(open);
    if (open >= 0) decoded = decoded.slice(0, open);
    let lineStartMs = this.partial === '' ? nowMs : this.partialStartMs ?? nowMs;
    // A clear-screen from the device clears the console's view: cut at each one before sanitising,
    // which would show it as text. What was on the screen stays in the scrollback.
    const parts = this.clears.split(decoded);
    for (let i = 0; i < parts.length; i++) {
      const text = this.partial + this.sanitizer.push(parts[i]!);
      let start = 0;
      const last = text.lastIndexOf('\n');
      if (last >= 0 && this.options.lines?.(last === text.length - 1 ? text : text.slice(0, last + 1))) {
        start = last + 1;
        lineStartMs = nowMs;
      }
      for (let end = text.indexOf('\n', start); end >= 0; end = text.indexOf('\n', start)) {
        line(text.slice(start, end), lineStartMs);
        lineStartMs = nowMs;
        start = end + 1;
      }
      this.partial = text.slice(start);
      if (i === parts.length - 1) break;
      if (this.partial !== '') line(this.partial, lineStartMs);
      this.partial = '';
      this.options.cleared();
    }
    // The unfinished line changes with almost every chunk of a flood: it is shown at most once a
    // flush, like the finished lines, so the console does not redraw for each chunk.
    while (this.partial.length > MAX_PARTIAL) {
      line(this.partial.slice(0, MAX_PARTIAL), lineStartMs);
      lineStartMs = nowMs;
      this.partial = this.partial.slice(MAX_PARTIAL);
    }
    this.partialStartMs = this.partial === '' || !stamped ? undefined : lineStartMs;
  }

  private newSanitizer(): Sanitizer {
    return createSanitizer({ onBell: (count) => this.options.bell(count) });
  }
}
