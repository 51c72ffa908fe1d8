import { Box, Text } from 'ink';
import { padStart } from './format.js';

const BLOCKS = [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
const LABEL_WIDTH = 4;
/** Least span of the scale in points: 4 rows of 8 levels then show a 10-point (±5 %) swing as 16 levels. */
const MIN_SPAN = 20;

export interface PressureChartProps {
  /** The whole run's pressure in percent, oldest first, evenly spaced (see `LivePressure.series`). */
  series: readonly number[];
  targetPct: number | null;
  /** Columns including the 5-column axis. */
  width: number;
  /** Rows (default 4). */
  height?: number;
}

export interface ChartScale {
  lo: number;
  hi: number;
}

/**
 * The whole run in at most `cols` columns: points grouped by the least power of two that fits,
 * aligned to the start, each column their mean. A new point changes only the last column, until
 * the run outgrows the width and the grouping doubles (the chart is then half full again).
 */
export function chartColumns(series: readonly number[], cols: number): number[] {
  let group = 1;
  while (Math.ceil(series.length / group) > cols) group *= 2;
  const columns: number[] = [];
  for (let i = 0; i < series.length; i += group) {
    const slice = series.slice(i, i + group);
    columns.push(slice.reduce((a, b) => a + b, 0) / slice.length);
  }
  return columns;
}

/**
 * The scale, in whole multiples of 5 %, from the 10th percentile of the columns (so a run's start
 * from 0 % does not flatten the rest; lower values show as empty cells) to the highest, with the
 * target inside, 2 points of margin, and at least `MIN_SPAN` points.
 */
export function chartScale(columns: readonly number[], targetPct: number | null): ChartScale {
  if (columns.length === 0) return { lo: 0, hi: 100 };
  const sorted = [...columns].sort((a, b) => a - b);
  const low = Math.min(sorted[Math.floor(0.1 * (sorted.length - 1))]!, targetPct ?? Infinity);
  const high = Math.max(sorted[sorted.length - 1]!, targetPct ?? -Infinity);
  let lo = Math.max(0, Math.floor((low - 2) / 5) * 5);
  let hi = Math.min(100, Math.ceil((high + 2) / 5) * 5);
  if (hi - lo < MIN_SPAN) {
    hi = Math.min(100, lo + MIN_SPAN);
    lo = Math.max(0, hi - MIN_SPAN);
  }
  return { lo, hi };
}

/** The row (0 = bottom) holding `pct` on the scale. */
export function rowOf(pct: number, scale: ChartScale, height: number): number {
  const band = (scale.hi - scale.lo) / height;
  return Math.min(height - 1, Math.max(0, Math.floor((pct - scale.lo) / band)));
}

/** Row `r` (0 = bottom) of a block chart `cols` wide; a blank cell of the target's row shows `─`. */
export function chartRow(columns: readonly number[], r: number, height: number, scale: ChartScale, targetRow: number | null, cols = columns.length): string {
  const band = (scale.hi - scale.lo) / height;
  const base = scale.lo + r * band;
  const blank = r === targetRow ? '─' : ' ';
  let row = '';
  for (const value of columns) {
    const level = Math.round(Math.min(1, Math.max(0, (value - base) / band)) * 8);
    row += level > 0 ? BLOCKS[level] : blank;
  }
  return r === targetRow ? row + blank.repeat(Math.max(0, cols - columns.length)) : row;
}

function rowLabel(r: number, height: number, targetRow: number | null, targetPct: number | null, scale: ChartScale): string {
  if (r === targetRow && targetPct !== null) return `${targetPct}%`;
  if (r === height - 1) return `${scale.hi}%`;
  if (r === 0) return `${scale.lo}%`;
  return '';
}

/**
 * Memory pressure over the whole run, compressed to the width, on a scale fitted to the run (its
 * ends labelled on the axis). The target's row is labelled with it, drawn in yellow and its empty
 * cells show `─`; one Text per row keeps re-renders cheap.
 */
export function PressureChart({ series, targetPct, width, height = 4 }: PressureChartProps) {
  const cols = Math.max(1, width - LABEL_WIDTH - 1);
  const columns = chartColumns(series, cols);
  const scale = chartScale(columns, targetPct);
  const targetRow = targetPct === null ? null : rowOf(targetPct, scale, height);
  const rows = Array.from({ length: height }, (_, i) => height - 1 - i);
  return (
    <Box flexDirection="column">
      {rows.map((r) => {
        const label = rowLabel(r, height, targetRow, targetPct, scale);
        return (
          <Text key={r}>
            <Text color={r === targetRow ? 'yellow' : undefined} dimColor={r !== targetRow}>
              {padStart(label, LABEL_WIDTH)}
              {label ? '┤' : '│'}
            </Text>
            <Text color={r === targetRow ? 'yellow' : 'cyan'}>{chartRow(columns, r, height, scale, targetRow, cols)}</Text>
          </Text>
        );
      })}
    </Box>
  );
}
