import { Box, Text } from 'ink';
import { padStart } from './format.js';

const BLOCKS = [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
const LABEL_WIDTH = 4;

export interface PressureChartProps {
  /** Percent values, oldest first; the newest `width - 5` are drawn, one per column. */
  series: readonly number[];
  targetPct: number | null;
  /** Columns including the 5-column axis. */
  width: number;
  /** Rows (default 4), spanning 0–100 %. */
  height?: number;
}

/** Row `r` (0 = bottom) of a block chart; a blank cell of the target's row shows `─`. */
export function chartRow(series: readonly number[], r: number, height: number, cols: number, targetRow: number | null): string {
  const band = 100 / height;
  const blank = r === targetRow ? '─' : ' ';
  const start = Math.max(0, series.length - cols);
  let row = '';
  for (let c = 0; c < cols; c++) {
    const value = series[start + c];
    const level = value === undefined ? 0 : Math.round(Math.min(1, Math.max(0, (value - r * band) / band)) * 8);
    row += level > 0 ? BLOCKS[level] : blank;
  }
  return row;
}

function rowLabel(r: number, height: number, targetRow: number | null, targetPct: number | null): string {
  if (r === targetRow && targetPct !== null) return `${targetPct}%`;
  if (r === height - 1) return '100%';
  if (r === 0) return '0%';
  return '';
}

/**
 * Memory pressure over time on a fixed 0–100 % scale. The target's row is labelled with it,
 * drawn in yellow and its empty cells show `─`; one Text per row keeps re-renders cheap.
 */
export function PressureChart({ series, targetPct, width, height = 4 }: PressureChartProps) {
  const cols = Math.max(1, width - LABEL_WIDTH - 1);
  const targetRow = targetPct === null ? null : Math.min(height - 1, Math.max(0, Math.floor((targetPct * height) / 100)));
  const rows = Array.from({ length: height }, (_, i) => height - 1 - i);
  return (
    <Box flexDirection="column">
      {rows.map((r) => {
        const label = rowLabel(r, height, targetRow, targetPct);
        return (
          <Text key={r}>
            <Text color={r === targetRow ? 'yellow' : undefined} dimColor={r !== targetRow}>
              {padStart(label, LABEL_WIDTH)}
              {label ? '┤' : '│'}
            </Text>
            <Text color={r === targetRow ? 'yellow' : 'cyan'}>{chartRow(series, r, height, cols, targetRow)}</Text>
          </Text>
        );
      })}
    </Box>
  );
}
