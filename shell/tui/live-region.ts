import { systemClock, type HostClock } from '../../uart/index.js';
import { fitLine } from './fit-line.js';
import { rowUpdate, textRows, type TerminalSize } from './row-diff.js';

export type { TerminalSize };

export interface LiveRegionOptions {
  /** Writes to the terminal. */
  write: (text: string) => void;
  size: () => TerminalSize;
  /** Least wall ms between two frame draws (the first after a quiet spell is drawn at once). Default 16. */
  frameMs?: number;
  /** Default the system clock. */
  clock?: HostClock;
}

const ESC = '\x1b';
const ERASE_BELOW = `${ESC}[J`;
const SYNC_ON = `${ESC}[?2026h`;
const SYNC_OFF = `${ESC}[?2026l`;
// The frame is drawn with autowrap off: should the terminal be narrower than the size last read,
// a line is cut at the margin instead of wrapping onto a row the region does not know about.
const WRAP_OFF = `${ESC}[?7l`;
const WRAP_ON = `${ESC}[?7h`;
export const HIDE_CURSOR = `${ESC}[?25l`;
export const SHOW_CURSOR = `${ESC}[?25h`;

const up = (n: number): string => (n > 0 ? `${ESC}[${n}A` : '');
const down = (n: number): string => (n > 0 ? `${ESC}[${n}B` : '');

/** Text up to this many characters is written in one piece with the frame around it. */
const SHARED_WRITE_CHARS = 4096;

/**
 * The console's frame (live panel, input line, status line) at the bottom of a normal terminal
 * screen, with the scrollback above it. Between writes the cursor rests at the frame's top-left
 * corner, the one place a resize cannot move away from the frame: reflowing terminals (tmux, VTE,
 * kitty) keep the cursor on its character and the frame's first line starts a line, others leave
 * it on its row. So after a resize `ESC[J` there erases exactly the old frame, however its lines
 * were rewrapped, and never a line of the scrollback. Only the rows that changed are rewritten.
 */
export class LiveRegion {
  /** The lines on the screen below the cursor, top first. */
  private drawn: string[] = [];
  private wanted: string[] = [];
  private timer: unknown;
  private lastDraw = -Infinity;
  private closed = false;
  private size: TerminalSize;
  private readonly frameMs: number;
  private readonly clock: HostClock;

  constructor(private readonly options: LiveRegionOptions) {
    this.frameMs = options.frameMs ?? 16;
    this.clock = options.clock ?? systemClock;
    this.size = options.size();
  }

  /** A new frame (lines joined by `\n`); drawn now, or when the frame interval ends. */
  frame(text: string): void {
    if (this.closed) return;
    this.wanted = this.fit(text === '' ? [] : text.split('\n'));
    if (this.timer !== undefined) return;
    const wait = this.lastDraw + this.frameMs - this.clock.now();
    if (wait <= 0) this.draw();
    else this.timer = this.clock.setTimer(() => this.draw(), wait);
  }

  /**
   * Writes finished lines (`text` ends with `\n`, maybe followed by SGR codes) above the frame,
   * which follows them down. When their rows can be counted, the frame is moved rather than
   * redrawn: newlines below it scroll the screen, `ESC[nL` opens the rows above it.
   */
  print(text: string | readonly string[]): void {
    if (typeof text !== 'string') {
      if (!this.closed && this.drawn.length > 0) this.followSize();
      return this.printPieces(text);
    }
    if (this.closed || text === '') return this.options.write(text);
    this.followSize();
    const h = this.drawn.length;
    const k = h === 0 ? 0 : textRows(text, this.size, h);
    if (h === 0 || k === 0) return this.options.write(text);
    if (k !== null) {
      const open = `${down(h - 1)}${'\n'.repeat(k)}${up(h - 1 + k)}\r${ESC}[${k}L`;
      this.options.write(`${SYNC_ON}${open}${text}${SYNC_OFF}`);
      return;
    }
    this.printPieces([text]);
  }

  /**
   * Text whose rows are not counted (a flood's, or pieces of it): the frame is erased, the text
   * written, the frame drawn again below it. A long text and the frame go in writes of their own,
   * so the text is never copied into one string with the frame's (wide) characters.
   */
  private printPieces(pieces: readonly string[]): void {
    if (this.closed || this.drawn.length === 0) {
      for (const piece of pieces) this.options.write(piece);
      return;
    }
    this.cancel();
    this.wanted = this.fit(this.wanted);
    const body = this.full(this.wanted);
    if (pieces.length === 1 && pieces[0]!.length <= SHARED_WRITE_CHARS) {
      this.options.write(`${SYNC_ON}\r${ERASE_BELOW}${pieces[0]}${body}${SYNC_OFF}`);
    } else {
      this.options.write(`${SYNC_ON}\r${ERASE_BELOW}`);
      for (const piece of pieces) this.options.write(piece);
      this.options.write(`${body}${SYNC_OFF}`);
    }
    this.drawn = this.wanted;
    this.lastDraw = this.clock.now();
  }

  /** The terminal changed size: the old frame, rewrapped or cut, is erased and drawn again. */
  resized(): void {
    if (this.closed) return;
    this.size = this.options.size();
    this.cancel();
    this.wanted = this.fit(this.wanted);
    this.options.write(`${SYNC_ON}\r${ERASE_BELOW}${this.full(this.wanted)}${SYNC_OFF}`);
    this.drawn = this.wanted;
    this.lastDraw = this.clock.now();
  }

  /** A size change not yet announced (the signal comes later) is handled before anything is drawn. */
  private followSize(): void {
    const now = this.options.size();
    if (now.columns !== this.size.columns || now.rows !== this.size.rows) this.resized();
  }

  /**
   * Clears the screen as `clear` does for a shell, without erasing the terminal's history: the
   * visible lines scroll up into it (one newline per row), then the frame is drawn at the top.
   */
  clearScreen(): void {
    if (this.closed) return;
    this.followSize();
    this.cancel();
    const { rows } = this.size;
    this.wanted = this.fit(this.wanted);
    this.options.write(`${SYNC_ON}\r${ERASE_BELOW}${'\n'.repeat(Math.max(1, rows))}${ESC}[H${this.full(this.wanted)}${SYNC_OFF}`);
    this.drawn = this.wanted;
    this.lastDraw = this.clock.now();
  }

  /** Draws the last frame and leaves the cursor below it, for whatever the terminal shows next. */
  close(): void {
    if (this.closed) return;
    this.cancel();
    this.draw();
    this.closed = true;
    this.options.write(this.drawn.length > 0 ? `${down(this.drawn.length - 1)}\r\n` : '\r');
  }

  private cancel(): void {
    if (this.timer === undefined) return;
    this.clock.clearTimer(this.timer);
    this.timer = undefined;
  }

  /** At most `rows - 1` lines (the newest), each cut to the width, so the frame never wraps nor scrolls away. */
  private fit(lines: readonly string[]): string[] {
    const { columns, rows } = this.size;
    const kept = lines.length > rows - 1 ? lines.slice(lines.length - Math.max(1, rows - 1)) : lines;
    return kept.map((line) => fitLine(line, Math.max(1, columns)));
  }

  /** The whole frame from the cursor's line, on blank rows; the cursor ends back at its top. */
  private full(lines: readonly string[]): string {
    if (lines.length === 0) return '';
    return `${WRAP_OFF}${lines.join('\r\n')}\r${up(lines.length - 1)}${WRAP_ON}`;
  }

  private draw(): void {
    this.timer = undefined;
    this.followSize();
    const next = this.wanted;
    const old = this.drawn;
    let out = '';
    let row = 0;
    const moveTo = (target: number): void => {
      // Rows of the old frame are there to move into; new rows below it are made by newlines.
      const existing = Math.min(target, old.length - 1);
      if (existing > row) {
        out += down(existing - row);
        row = existing;
      }
      if (target > row) {
        out += '\n'.repeat(target - row);
        row = target;
      }
    };
    for (let i = 0; i < next.length; i++) {
      if (i < old.length && next[i] === old[i]) continue;
      moveTo(i);
      out += `${i < old.length ? rowUpdate(old[i]!, next[i]!) : next[i]}\r`;
    }
    if (next.length < old.length) {
      moveTo(next.length);
      out += ERASE_BELOW;
    }
    this.drawn = next;
    this.lastDraw = this.clock.now();
    if (out === '') return;
    this.options.write(`${SYNC_ON}${WRAP_OFF}${out}${up(row)}${WRAP_ON}${SYNC_OFF}`);
  }
}
