import {
  closeStyling,
  createHexDumper,
  createClearSplitter,
  createSanitizer,
  sanitizeText,
  SGR_RESET,
  SgrState,
  type HexDumper,
  type Sanitizer,
} from '../sanitize/index.js';

export interface ScrollbackSettings {
  /** Prefix each finished line with the wall-clock time it completed. */
  readonly timestamps: boolean;
  /** Show `METRIC name=value` lines (the live panel reads them either way). */
  readonly metrics: boolean;
  /** Show received bytes as a hex dump instead of text. */
  readonly hex: boolean;
}

export interface ScrollbackOptions {
  /** Wall ms between writes to the terminal: many lines become one write. Default 16. */
  flushMs?: number;
  now?: () => Date;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  /** The terminal's rows now: a clear of the view scrolls this many blank lines. Default 24. */
  rows?: () => number;
}

const METRIC_LINE = /^METRIC [A-Za-z_][\w:.-]*=/;
/** Longest unfinished line kept, in bytes (as the output parser's default): longer ones are written in pieces. */
const MAX_PARTIAL = 65536;
/** Characters of the unfinished line shown as the tail: the prompt line needs a few, not 64 KiB. */
const TAIL_CHARS = 4096;

/**
 * What the far end printed, as the user's terminal shows it: split into lines, sanitised (device
 * escape sequences cannot move the cursor, retitle or clear the terminal), optionally stamped,
 * METRIC lines optionally hidden, or a hex dump; finished lines are batched into few writes.
 */
export class Scrollback {
  private writer: ((text: string) => void) | undefined;
  /** Text to write, and whether it is the device's (styled by it) or the console's own (a card). */
  private pending: Array<{ text: string; device: boolean }> = [];
  /** The device's styling, closed at the end of every write so it never reaches the console's own lines. */
  private readonly styling = new SgrState();
  private timer: unknown;
  private partial = '';
  private tailChanged = false;
  private sanitizer: Sanitizer = createSanitizer();
  private hex: HexDumper = createHexDumper();
  private readonly decoder = new TextDecoder('utf-8');
  private readonly listeners = new Set<() => void>();
  private current: ScrollbackSettings = { timestamps: false, metrics: false, hex: false };
  private readonly flushMs: number;
  private readonly now: () => Date;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;
  private readonly rows: () => number;
  private readonly clears = createClearSplitter();
  /** The unfinished last line (usually the prompt), sanitised for display. */
  tail = '';

  constructor(options: ScrollbackOptions = {}) {
    this.flushMs = options.flushMs ?? 16;
    this.now = options.now ?? (() => new Date());
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = options.clearTimer ?? ((handle) => clearTimeout(handle as NodeJS.Timeout));
    this.rows = options.rows ?? (() => 24);
  }

  get settings(): ScrollbackSettings {
    return this.current;
  }

  update(change: Partial<ScrollbackSettings>): void {
    if (change.hex !== undefined && change.hex !== this.current.hex) {
      this.finishPartial();
      this.hex = createHexDumper();
    }
    this.current = { ...this.current, ...change };
    this.notify();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Where finished text goes (Ink's `write`); text before it is set waits. */
  setWriter(writer: ((text: string) => void) | undefined): void {
    this.writer = writer;
    if (writer) this.flush();
  }

  push(chunk: Uint8Array): void {
    if (this.current.hex) {
      for (const line of this.hex.push(chunk)) this.pending.push({ text: `${line}\n`, device: true });
      this.schedule();
      return;
    }
    // UTF-8 decoded across chunk boundaries; an invalid byte shows as U+FFFD (logs keep the bytes).
    // The partial line is kept as received, so a clear-screen split across reads is whole here.
    const parts = this.clears.split(this.partial + this.decoder.decode(chunk, { stream: true }));
    for (let i = 0; i < parts.length - 1; i++) {
      // What was on the screen when the device cleared it stays in the scrollback, then the view is cleared.
      const rest = this.takeLines(parts[i]!);
      if (rest !== '') this.addLine(rest);
      this.pending.push({ text: '\n'.repeat(Math.max(1, this.rows())), device: false });
    }
    this.partial = this.takeLines(parts[parts.length - 1]!);
    // The unfinished line changes with almost every chunk of a flood: it is shown at most once a
    // flush, like the finished lines, so the console does not redraw for each chunk.
    while (this.partial.length > MAX_PARTIAL) {
      this.addLine(this.partial.slice(0, MAX_PARTIAL));
      this.partial = this.partial.slice(MAX_PARTIAL);
    }
    // The tail is drawn inside the console's own frame, beside the input line: its styling ends with it.
    const tail = closeStyling(sanitizeText(applyBackspaces(this.partial.slice(-TAIL_CHARS).replace(/\r/g, ''))));
    if (tail !== this.tail) {
      this.tail = tail;
      this.tailChanged = true;
    }
    if (this.pending.length > 0 || this.tailChanged) this.schedule();
  }

  /** Adds each finished line of `text`; returns the unfinished rest. */
  private takeLines(text: string): string {
    let start = 0;
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      this.addLine(text.slice(start, end));
      start = end + 1;
    }
    return text.slice(start);
  }

  /**
   * Clears the console's view as a terminal's own clear would look, without erasing anything the
   * user's terminal keeps: what is on the screen scrolls up into the terminal's scrollback.
   */
  clearView(): void {
    this.finishPartial();
    this.writeBlock('\n'.repeat(Math.max(1, this.rows())));
  }

  /** Writes a rendered block (a result card) after every line received before it. */
  writeBlock(text: string): void {
    this.pending.push({ text: text.endsWith('\n') ? text : `${text}\n`, device: false });
    this.flush();
  }

  flush(): void {
    if (this.timer !== undefined) {
      this.clearTimer(this.timer);
      this.timer = undefined;
    }
    if (this.writer && this.pending.length > 0) {
      this.writer(this.render(this.pending));
      this.pending = [];
    }
    if (this.tailChanged) {
      this.tailChanged = false;
      this.notify();
    }
  }

  /**
   * The device's text with its styling switched back on where it starts and off where it ends, so
   * an unterminated `ESC[8m` hides nothing of the console's own (input line, status line, cards).
   */
  private render(parts: ReadonlyArray<{ text: string; device: boolean }>): string {
    let out = '';
    let on = false;
    for (const part of parts) {
      if (part.device) {
        if (!on) out += this.styling.restore;
        this.styling.observe(part.text);
        on = true;
        out += part.text;
      } else {
        if (on && this.styling.open) out += SGR_RESET;
        on = false;
        out += part.text;
      }
    }
    return on && this.styling.open ? `${out}${SGR_RESET}` : out;
  }

  private addLine(raw: string): void {
    const line = applyBackspaces(raw.replace(/\r/g, ''));
    if (!this.current.metrics && METRIC_LINE.test(line)) return;
    const stamp = this.current.timestamps ? `${this.now().toISOString().slice(11, 23)} ` : '';
    this.pending.push({ text: `${stamp}${this.sanitizer.push(`${line}\n`)}`, device: true });
  }

  private finishPartial(): void {
    if (this.partial) this.addLine(this.partial);
    this.partial = '';
    this.tail = '';
    const rest = this.current.hex ? this.hex.flush() : [];
    for (const line of rest) this.pending.push({ text: `${line}\n`, device: true });
    this.sanitizer = createSanitizer();
    this.flush();
  }

  private schedule(): void {
    if (this.timer === undefined) this.timer = this.setTimer(() => this.flush(), this.flushMs);
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

/** Applies `\b` as the terminal would for an echoed `\b \b`: the previous character goes. */
export function applyBackspaces(line: string): string {
  if (!line.includes('\b')) return line;
  const out: string[] = [];
  for (const ch of line) {
    if (ch === '\b') out.pop();
    else out.push(ch);
  }
  return out.join('');
}
