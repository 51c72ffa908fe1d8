/**
 * Text helpers for the views. Widths count code points: every glyph the views draw (box and
 * block characters, `…`, `·`, `Δ`) is one terminal column; wide (CJK) device paths are not expected.
 */

export function textWidth(text: string): number {
  let n = 0;
  for (const _ of text) n += 1;
  return n;
}

/** Cuts the end: `abcdef` at 4 → `abc…`. */
export function truncateEnd(text: string, width: number): string {
  if (width <= 0) return '';
  const chars = [...text];
  return chars.length <= width ? text : chars.slice(0, width - 1).join('') + '…';
}

/** Cuts the start, keeping the end of paths: `/dev/serial/x` at 6 → `…ial/x`. */
export function truncateStart(text: string, width: number): string {
  if (width <= 0) return '';
  const chars = [...text];
  return chars.length <= width ? text : '…' + chars.slice(chars.length - width + 1).join('');
}

export function padEnd(text: string, width: number): string {
  const w = textWidth(text);
  return w >= width ? text : text + ' '.repeat(width - w);
}

export function padStart(text: string, width: number): string {
  const w = textWidth(text);
  return w >= width ? text : ' '.repeat(width - w) + text;
}

export { formatNs } from '../../results/index.js';

/** A duration for progress: `0.8s`, `12.3s`, `1m05s`, `2h03m`. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, ms) / 1000;
  if (s < 60) return `${s.toFixed(1)}s`;
  const totalS = Math.floor(s);
  if (totalS < 3600) return `${Math.floor(totalS / 60)}m${String(totalS % 60).padStart(2, '0')}s`;
  const totalM = Math.floor(totalS / 60);
  return `${Math.floor(totalM / 60)}h${String(totalM % 60).padStart(2, '0')}m`;
}

/** Integers as printed; other numbers with two decimals. */
export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2);
}

/** A signed difference: `+3`, `-2.50`, `0`. */
export function formatSigned(value: number): string {
  const text = formatNumber(value);
  return value > 0 ? `+${text}` : text;
}

/** `memory` → `Memory`. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
