/** Column widths of a table: the longest cell of each column. */
export function columnWidths(header: readonly string[], rows: Iterable<readonly string[]>, widths = header.map((h) => h.length)): number[] {
  for (const row of rows) {
    for (let c = 0; c < widths.length; c++) widths[c] = Math.max(widths[c]!, (row[c] ?? '').length);
  }
  return widths;
}

/** One line of the table: cells padded to `widths` and separated by two spaces; the last column is not padded. */
export function tableLine(row: readonly string[], widths: readonly number[]): string {
  return row
    .map((cell, c) => (c === row.length - 1 ? cell : cell.padEnd(widths[c]!)))
    .join('  ')
    .trimEnd();
}

/** Left-aligned columns separated by two spaces; the last column is not padded. */
export function formatTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = columnWidths(header, rows);
  return `${[header, ...rows].map((row) => tableLine(row, widths)).join('\n')}\n`;
}
