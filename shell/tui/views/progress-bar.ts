import type { LiveProgress } from '../live-state/index.js';
import { formatDuration, padStart, textWidth } from './format.js';

const PARTIAL = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
const MIN_BAR = 6;
const MAX_BAR = 48;

/** A bar of `width` cells filled to `pct` percent, in eighths of a cell. */
export function progressBar(pct: number, width: number): { filled: string; empty: string } {
  const eighths = Math.round((Math.min(100, Math.max(0, pct)) / 100) * width * 8);
  const full = Math.floor(eighths / 8);
  const partial = PARTIAL[eighths % 8]!;
  const filled = '█'.repeat(full) + partial;
  return { filled, empty: '░'.repeat(width - full - (partial ? 1 : 0)) };
}

/** `  50%  1.0s / 2.0s  ETA 1.0s`, with the parts the stream carried. */
export function progressText(p: LiveProgress): string {
  let text = '';
  if (p.pct !== null) text += ` ${padStart(`${Math.round(p.pct)}%`, 4)}`;
  if (p.elapsedMs !== null) {
    text += `  ${formatDuration(p.elapsedMs)}`;
    if (p.durationMs !== null) text += ` / ${formatDuration(p.durationMs)}`;
  }
  if (p.etaMs !== null) text += `  ETA ${formatDuration(p.etaMs)}`;
  return text;
}

/** The bar's width beside `text` in `width` columns; 0 when there is no room for a useful bar. */
export function barWidth(text: string, width: number): number {
  const room = width - textWidth(text);
  return room < MIN_BAR ? 0 : Math.min(MAX_BAR, room);
}
