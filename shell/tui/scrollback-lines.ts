import { stampText, type TimestampMode } from '../../uart/index.js';

/** On-screen line timestamps: off, or the `--log-timestamps` formats. */
export type ScreenTimestamps = 'off' | TimestampMode;

/** Ctrl-T t: off → iso → relative → delta → off. */
export function nextTimestamps(mode: ScreenTimestamps): ScreenTimestamps {
  const cycle: readonly ScreenTimestamps[] = ['off', 'iso', 'relative', 'delta'];
  return cycle[(cycle.indexOf(mode) + 1) % cycle.length]!;
}

/** A line the live panel reads; shown only while METRIC lines are on. */
export const METRIC_LINE = /^METRIC [A-Za-z_][\w:.-]*=/;

/** Characters of the unfinished line shown as the tail: the prompt line needs a few, not 64 KiB. */
const TAIL_CHARS = 4096;

/**
 * Line prefixes as the log writes them: relative counts from `startMs`, delta from the line
 * before, shown or not. Times are wall ms.
 */
export class LineStamps {
  private previousLineMs: number;

  constructor(private readonly startMs: number) {
    this.previousLineMs = startMs;
  }

  stamp(mode: TimestampMode, atMs: number): string {
    const text = stampText(mode, atMs, this.startMs, this.previousLineMs);
    this.previousLineMs = atMs;
    return text;
  }
}

/** The last TAIL_CHARS of a sanitised line, not starting inside an SGR sequence it cut. */
export function tailOf(partial: string): string {
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
