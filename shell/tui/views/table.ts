import { padEnd, padStart, textWidth, truncateEnd } from './format.js';

export interface TableColumn {
  header: string;
  align: 'left' | 'right';
  /** The one column that gives up width when the table is too wide (names, free text). */
  shrink?: boolean;
}

export const TABLE_GAP = 2;

/** Natural column widths (widest cell or header); the shrinking column narrows to fit `width`. */
export function columnWidths(columns: readonly TableColumn[], rows: ReadonlyArray<readonly string[]>, width: number): number[] {
  const widths = columns.map((c, i) => Math.max(textWidth(c.header), ...rows.map((r) => textWidth(r[i] ?? ''))));
  const total = widths.reduce((a, b) => a + b, 0) + TABLE_GAP * (columns.length - 1);
  const s = columns.findIndex((c) => c.shrink);
  if (total > width && s >= 0) widths[s] = Math.max(4, widths[s]! - (total - width));
  return widths;
}

/** A cell padded (or cut with `…`) to `width`. */
export function cell(text: string, width: number, align: 'left' | 'right'): string {
  const t = truncateEnd(text, width);
  return align === 'left' ? padEnd(t, width) : padStart(t, width);
}
