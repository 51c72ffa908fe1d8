import { systemClock, type HostClock } from '../../uart/index.js';
import { joinAdjacent } from '../engine/index.js';
import { createHexDumper, type HexDumper } from '../sanitize/index.js';
import { BellNotes } from './bell-notes.js';
import { DeviceText } from './device-text.js';
import { PendingWrites } from './pending-writes.js';
import { applyBackspaces, LineStamps, METRIC_LINE, type ScreenTimestamps } from './scrollback-lines.js';

export { applyBackspaces, nextTimestamps, type ScreenTimestamps } from './scrollback-lines.js';

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
  /** Line stamps read its wall time; flushes, the tail's redraws and bells its `now()`. Default the system clock. */
  clock?: HostClock;
  /** The terminal's rows now: a clear of the view scrolls this many blank lines. Default 24. */
  rows?: () => number;
}

/**
 * Least wall ms between two redraws of the unfinished line: during a flood it changes at every
 * flush, and each redraw lays out the whole console. The first change after a pause shows at once.
 */
const TAIL_MS = 50;

/** Where finished text goes: one string, or a flood's text as pieces to write in order. */
export type ScreenWriter = (text: string | readonly string[]) => void;

/**
 * What the far end printed, as the user's terminal shows it: sanitised as it arrives (device
 * escape sequences cannot move the cursor, retitle or clear the terminal; a BEL rings the bell at
 * most four times a second), split into lines, optionally stamped, METRIC lines optionally
 * hidden, or a hex dump; finished lines are batched into few writes.
 */
export class Scrollback {
  private writer: ScreenWriter | undefined;
  private readonly pending = new PendingWrites();
  private timer: unknown;
  /** Bytes received since the last flush, handled together: one decode and one pass for many lines. */
  private raw: Uint8Array[] = [];
  /** The tail changed and the console has not been told yet. */
  private tailChanged = false;
  private tailShownMs = -Infinity;
  private hex: HexDumper = createHexDumper();
  private readonly listeners = new Set<() => void>();
  private current: ScrollbackSettings = { timestamps: 'off', metrics: false, hex: false };
  private readonly stamps: LineStamps;
  private readonly flushMs: number;
  private readonly clock: HostClock;
  private readonly rows: () => number;
  private readonly bells: BellNotes;
  private readonly text: DeviceText;

  constructor(options: ScrollbackOptions = {}) {
    this.flushMs = options.flushMs ?? 16;
    this.clock = options.clock ?? systemClock;
    this.rows = options.rows ?? (() => 24);
    this.stamps = new LineStamps(this.clock.wallMs());
    this.bells = new BellNotes({ clock: this.clock, note: (text) => this.writeBlock(text) });
    this.text = new DeviceText({
      line: (text, startMs) => this.addLine(text, startMs),
      lines: (block) => this.addLines(block),
      cleared: () => this.pending.own('\n'.repeat(Math.max(1, this.rows()))),
      bell: (count) => this.bells.bell(count),
    });
  }

  get settings(): ScrollbackSettings {
    return this.current;
  }

  /** The unfinished last line (usually the prompt), sanitised for display. */
  get tail(): string {
    this.absorb();
    return this.text.tail;
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
  setWriter(writer: ScreenWriter | undefined): void {
    this.writer = writer;
    if (writer) this.flush();
  }

  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    // The engine hands a read on line by line, as views of one buffer: `absorb` joins them back.
    this.raw.push(chunk);
    // Stamped lines carry the time their bytes arrived: taken in now, not at the next flush.
    if (this.current.timestamps !== 'off') this.absorb();
    this.schedule();
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
    this.pending.own(text.endsWith('\n') ? text : `${text}\n`);
    this.flush();
  }

  flush(): void {
    if (this.timer !== undefined) {
      this.clock.clearTimer(this.timer);
      this.timer = undefined;
    }
    this.absorb();
    if (this.writer && (!this.pending.empty || this.bells.ringing)) {
      const pieces = this.pending.take();
      if (this.bells.takeRing()) pieces[pieces.length - 1] += '\x07';
      this.writer(pieces.length === 1 ? pieces[0]! : pieces);
    }
    if (this.text.takeTailChange()) this.tailChanged = true;
    if (this.tailChanged) {
      const nowMs = this.clock.now();
      const wait = this.tailShownMs + TAIL_MS - nowMs;
      if (wait > 0) {
        this.timer = this.clock.setTimer(() => this.flush(), wait);
      } else {
        this.tailChanged = false;
        this.tailShownMs = nowMs;
        this.notify();
      }
    }
  }

  private absorb(): void {
    if (this.raw.length === 0) return;
    const chunks = this.raw;
    this.raw = [];
    if (this.current.hex) {
      for (const chunk of chunks) for (const line of this.hex.push(chunk)) this.pending.device(`${line}\n`);
      return;
    }
    const stamped = this.current.timestamps !== 'off';
    this.text.push(joinAdjacent(chunks), stamped ? this.clock.wallMs() : 0, stamped);
  }

  /** `raw` is sanitised already. */
  private addLine(raw: string, startMs: number | undefined): void {
    const line = applyBackspaces(raw.includes('\r') ? raw.replace(/\r/g, '') : raw);
    const mode = this.current.timestamps;
    // As in the log, delta counts from the line before, shown or not.
    const stamp = mode === 'off' ? '' : this.stamps.stamp(mode, startMs ?? this.clock.wallMs());
    if (!this.current.metrics && METRIC_LINE.test(line)) return;
    this.pending.deviceLine(`${stamp}${line}\n`);
  }

  /**
   * Lines that need nothing of `addLine` line by line (no stamps, no backspaces, no METRIC line to
   * hide) go as one block, their CRs dropped as `addLine` drops them.
   */
  private addLines(block: string): boolean {
    if (this.current.timestamps !== 'off' || block.includes('\b')) return false;
    if (!this.current.metrics && block.includes('METRIC ')) return false;
    this.pending.deviceLine(block.includes('\r') ? block.replace(/\r/g, '') : block);
    return true;
  }

  private finishPartial(): void {
    this.absorb();
    this.text.finish();
    const rest = this.current.hex ? this.hex.flush() : [];
    for (const line of rest) this.pending.device(`${line}\n`);
    this.flush();
  }

  private schedule(): void {
    if (this.timer === undefined) this.timer = this.clock.setTimer(() => this.flush(), this.flushMs);
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
