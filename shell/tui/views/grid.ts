import { padEnd, padStart, textWidth } from './format.js';

export interface GridCell {
  label: string;
  value: string;
}

const GAP = 3;

/**
 * Lays label/value cells out row by row in as many columns as fit `width` (at most
 * `maxColumns`): labels left-aligned and values right-aligned within each column.
 */
export function layoutGrid(cells: readonly GridCell[], width: number, maxColumns = 3): Array<Array<{ label: string; value: string }>> {
  if (cells.length === 0) return [];
  const widest = Math.max(...cells.map((c) => textWidth(c.label) + 1 + textWidth(c.value)));
  const columns = Math.max(1, Math.min(maxColumns, cells.length, Math.floor((width + GAP) / (widest + GAP))));
  const labelWidths = new Array<number>(columns).fill(0);
  const valueWidths = new Array<number>(columns).fill(0);
  cells.forEach((c, i) => {
    const col = i % columns;
    labelWidths[col] = Math.max(labelWidths[col]!, textWidth(c.label));
    valueWidths[col] = Math.max(valueWidths[col]!, textWidth(c.value));
  });
  const rows: Array<Array<{ label: string; value: string }>> = [];
  cells.forEach((c, i) => {
    const col = i % columns;
    if (col === 0) rows.push([]);
    const gap = col === 0 ? '' : ' '.repeat(GAP);
    rows[rows.length - 1]!.push({
      label: gap + padEnd(c.label, labelWidths[col]!),
      value: ' ' + padStart(c.value, valueWidths[col]!),
    });
  });
  return rows;
}
