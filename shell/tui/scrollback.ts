import { stampText, type TimestampMode } from '../../uart/index.js';
import {
  BELL_GAP_MS,
  closeStyling,
  createBellLimit,
  createClearSplitter,
  createHexDumper,
  createSanitizer,
  SGR_RESET,
  SgrState,
  type HexDumper,
  type Sanitizer,
} from '../sanitize/index.js';

/** On-screen line timestamps: off, or the `--log-timestamps` formats. */
export type ScreenTimestamps = 'off' | TimestampMode;

/** Ctrl-T t: off → iso → relative → delta → off. */
export function nextTimestamps(mode: ScreenTimestamps): ScreenTimestamps {
  const cycle: readonly ScreenTimestamps[] = ['off', 'iso', 'relative', 'delta'];
  return cycle[(cycle.indexOf(mode) + 1) % cycle.length]!;
}

export interface ScrollbackSettings {
  /** Prefix each line with the time its first byte arrived, as the log does (relative: since the console started). */
  readonly timestamps: ScreenTimestamps;
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

/**
 * Least wall ms between two redraws of the unfinished line: during a flood it changes at every
 * flush, and each redraw lays out the whole console. The first change after a pause shows at once.
 */
const TAIL_MS = 50;
/** A bell storm is over once no BEL was held back for this long; then the count is written. */
const BELL_NOTE_QUIET_MS = 1000;

const METRIC_LINE = /^METRIC [A-Za-z_][\w:.-]*=/;
/** An escape that may still become a clear-screen (`ESC`, `ESC[`, `ESC[2`, `ESC[1;1` ...) at the end of a read. */
const PARTIAL_ESCAPE = /\x1b(?:\[[\d;]*)?$/;
/** Longest unfinished line kept, in bytes (as the output parser's default): longer ones are written in pieces. */
const MAX_PARTIAL = 65536;
/** Characters of the unfinished line shown as the tail: the prompt line needs a few, not 64 KiB. */
const TAIL_CHARS = 4096;

/**
 * What the far end printed, as the user's terminal shows it: sanitised as it arrives (device
 * escape sequences cannot move the cursor, retitle or clear the terminal; a BEL rings the bell at
 * most four times a second), split into lines, optionally stamped, METRIC lines optionally
 * hidden, or a hex dump; finished lines are batched into few writes.
 */
export class Scrollback {
  private writer: ((text: string) => void) | undefined;
  /** Text to write, and whether it is the device's (styled by it) or the console's own (a card). */
  private pending: Array<{ text: string; device: boolean }> = [];
  /** The device's styling, closed at the end of every write so it never reaches the console's own lines. */
  private readonly styling = new SgrState();
  private timer: unknown;
  /** Bytes received since the last flush, handled together: one decode and one pass for many lines. */
  private raw: Uint8Array[] = [];
  private partial = '';
  private tailText = '';
  private tailChanged = false;
  private tailShownMs = -Infinity;
  private sanitizer: Sanitizer = this.deviceSanitizer();
  private readonly bells = createBellLimit();
  private ring = false;
  private bellNoteTimer: unknown;
  private lastBellDropMs = 0;
  private hex: HexDumper = createHexDumper();
  private readonly decoder = new TextDecoder('utf-8');
  private readonly listeners = new Set<() => void>();
  private current: ScrollbackSettings = { timestamps: 'off', metrics: false, hex: false };
  private readonly startMs: number;
  /** When the unfinished line's first byte arrived, while timestamps are on. */
  private partialStartMs: number | undefined;
  private previousLineMs: number;
  private readonly flushMs: number;
  private readonly now: () => Date;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;
  private readonly rows: () => number;
  private readonly clears = createClearSplitter();
  /** The end of the text received, held while it may be the start of a clear-screen split across reads. */
  private rawCarry = '';

  constructor(options: ScrollbackOptions = {}) {
    this.flushMs = options.flushMs ?? 16;
    this.now = options.now ?? (() => new Date());
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = options.clearTimer ?? ((handle) => clearTimeout(handle as NodeJS.Timeout));
    this.rows = options.rows ?? (() => 24);
    this.startMs = this.now().getTime();
    this.previousLineMs = this.startMs;
  }

  get settings(): ScrollbackSettings {
    return this.current;
  }

  /** The unfinished last line (usually the prompt), sanitised for display. */
  get tail(): string {
    this.absorb();
    return this.tailText;
  }

  update(change: Partial<ScrollbackSettings>): void {
    this.absorb();
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
    if (chunk.length === 0) return;
    const last = this.raw[this.raw.length - 1];
    // The engine hands a read on line by line, as views of one buffer: they are joined back, not copied.
    if (last !== undefined && last.buffer === chunk.buffer && last.byteOffset + last.length === chunk.byteOffset) {
      this.raw[this.raw.length - 1] = new Uint8Array(last.buffer, last.byteOffset, last.length + chunk.length);
    } else {
      this.raw.push(chunk);
    }
    // Stamped lines carry the time their bytes arrived: taken in now, not at the next flush.
    if (this.current.timestamps !== 'off') this.absorb();
    this.schedule();
  }

  private absorb(): void {
    if (this.raw.length === 0) return;
    const chunks = this.raw;
    this.raw = [];
    if (this.current.hex) {
      for (const chunk of chunks) for (const line of this.hex.push(chunk)) this.pending.push({ text: `${line}\n`, device: true });
      return;
    }
    // UTF-8 decoded across chunk boundaries; an invalid byte shows as U+FFFD (logs keep the bytes).
    let decoded = this.rawCarry;
    for (const chunk of chunks) decoded += this.decoder.decode(chunk, { stream: true });
    const open = decoded.search(PARTIAL_ESCAPE);
    this.rawCarry = open < 0 ? '' : decoded.slice(open);
    if (open >= 0) decoded = decoded.slice(0, open);
    const nowMs = this.current.timestamps === 'off' ? 0 : this.now().getTime();
    let lineStartMs = this.partial === '' ? nowMs : this.partialStartMs ?? nowMs;
    // A clear-screen from the device clears the console's view: cut at each one before sanitising,
    // which would show it as text. What was on the screen stays in the scrollback.
    const parts = this.clears.split(decoded);
    for (let i = 0; i < parts.length; i++) {
      // Sanitised before it is cut into lines: a sequence or string spanning lines is seen whole.
      const text = this.partial + this.sanitizer.push(parts[i]!);
      let start = 0;
      for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
        this.addLine(text.slice(start, end), lineStartMs);
        lineStartMs = nowMs;
        start = end + 1;
      }
      this.partial = text.slice(start);
      if (i === parts.length - 1) break;
      if (this.partial !== '') this.addLine(this.partial, lineStartMs);
      this.partial = '';
      this.pending.push({ text: '\n'.repeat(Math.max(1, this.rows())), device: false });
    }
    // The unfinished line changes with almost every chunk of a flood: it is shown at most once a
    // flush, like the finished lines, so the console does not redraw for each chunk.
    while (this.partial.length > MAX_PARTIAL) {
      this.addLine(this.partial.slice(0, MAX_PARTIAL), lineStartMs);
      lineStartMs = nowMs;
      this.partial = this.partial.slice(MAX_PARTIAL);
    }
    this.partialStartMs = this.partial === '' || this.current.timestamps === 'off' ? undefined : lineStartMs;
    // The tail is drawn inside the console's own frame, beside the input line: its styling ends with it.
    const tail = closeStyling(applyBackspaces(tailOf(this.partial).replace(/\r/g, '')));
    if (tail !== this.tailText) {
      this.tailText = tail;
      this.tailChanged = true;
    }
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
    this.absorb();
    this.pending.push({ text: text.endsWith('\n') ? text : `${text}\n`, device: false });
    this.flush();
  }

  flush(): void {
    if (this.timer !== undefined) {
      this.clearTimer(this.timer);
      this.timer = undefined;
    }
    this.absorb();
    if (this.writer && (this.pending.length > 0 || this.ring)) {
      this.writer(this.render(this.pending) + (this.ring ? '\x07' : ''));
      this.pending = [];
      this.ring = false;
    }
    if (this.tailChanged) {
      const nowMs = this.now().getTime();
      const wait = this.tailShownMs + TAIL_MS - nowMs;
      if (wait > 0) {
        this.timer = this.setTimer(() => this.flush(), wait);
      } else {
        this.tailChanged = false;
        this.tailShownMs = nowMs;
        this.notify();
      }
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

  /** `raw` is sanitised already. */
  private addLine(raw: string, startMs?: number): void {
    const line = applyBackspaces(raw.includes('\r') ? raw.replace(/\r/g, '') : raw);
    const mode = this.current.timestamps;
    let stamp = '';
    if (mode !== 'off') {
      // As in the log, delta counts from the line before, shown or not.
      const at = startMs ?? this.now().getTime();
      stamp = stampText(mode, at, this.startMs, this.previousLineMs);
      this.previousLineMs = at;
    }
    if (!this.current.metrics && METRIC_LINE.test(line)) return;
    const last = this.pending[this.pending.length - 1];
    // Lines in a row are one part: a flood of lines costs one string per flush, not one object per line.
    if (last?.device) last.text += `${stamp}${line}\n`;
    else this.pending.push({ text: `${stamp}${line}\n`, device: true });
  }

  private finishPartial(): void {
    this.absorb();
    const held = this.partial + this.sanitizer.push(this.rawCarry) + this.sanitizer.end();
    this.rawCarry = '';
    if (held) this.addLine(held, this.partialStartMs);
    this.partial = '';
    this.tailText = '';
    this.tailChanged = true;
    const rest = this.current.hex ? this.hex.flush() : [];
    for (const line of rest) this.pending.push({ text: `${line}\n`, device: true });
    this.sanitizer = this.deviceSanitizer();
    this.flush();
  }

  private deviceSanitizer(): Sanitizer {
    return createSanitizer({ onBell: (count) => this.bell(count) });
  }

  /** BELs from the device: one rings with the next write, if the last ring was long enough ago. */
  private bell(count: number): void {
    const nowMs = this.now().getTime();
    if (this.bells.take(count, nowMs)) this.ring = true;
    if (this.bells.dropped === 0) return;
    this.lastBellDropMs = nowMs;
    if (this.bellNoteTimer === undefined) this.bellNoteTimer = this.setTimer(() => this.noteBells(), BELL_NOTE_QUIET_MS);
  }

  /** Once a storm is over, one dim line says how many bells were held back. */
  private noteBells(): void {
    const quietFor = this.now().getTime() - this.lastBellDropMs;
    if (quietFor < BELL_NOTE_QUIET_MS) {
      this.bellNoteTimer = this.setTimer(() => this.noteBells(), BELL_NOTE_QUIET_MS - quietFor);
      return;
    }
    this.bellNoteTimer = undefined;
    const dropped = this.bells.takeDropped();
    const perSecond = Math.floor(1000 / BELL_GAP_MS);
    this.writeBlock(`\x1b[2msis: ${dropped} bell${dropped === 1 ? '' : 's'} from the target not rung (at most ${perSecond} a second)\x1b[22m`);
  }

  private schedule(): void {
    if (this.timer === undefined) this.timer = this.setTimer(() => this.flush(), this.flushMs);
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

/** The last TAIL_CHARS of a sanitised line, not starting inside an SGR sequence it cut. */
function tailOf(partial: string): string {
  if (partial.length <= TAIL_CHARS) return partial;
  const at = partial.length - TAIL_CHARS;
  // Sanitised text holds SGR sequences only, none longer than this.
  const before = partial.slice(Math.max(0, at - 80), at);
  const esc = before.lastIndexOf('\x1b');
  if (esc < 0 || before.includes('m', esc)) return partial.slice(at);
  const end = partial.indexOf('m', at);
  return end < 0 ? '' : partial.slice(end + 1);
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
