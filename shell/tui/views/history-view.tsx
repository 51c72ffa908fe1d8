import { Box, Text } from 'ink';
import type { RunMetrics } from '../../parser/index.js';
import type { TestRun } from '../../results/index.js';
import { formatNs, formatNumber } from './format.js';
import { cell, columnWidths, TABLE_GAP, type TableColumn } from './table.js';
import { verdictColor, verdictLabel } from './verdict.js';

export interface HistoryViewProps {
  /** Stored runs, oldest first (the history store's order). */
  runs: readonly TestRun[];
  width: number;
  /** Newest runs shown (default 20), newest first. */
  limit?: number;
}

type ColumnId = 'when' | 'day' | 'test' | 'verdict' | 'seed' | 'duration' | 'metrics';

const COLUMNS: Record<ColumnId, TableColumn> = {
  when: { header: 'When (UTC)', align: 'left' },
  day: { header: 'UTC', align: 'left' },
  test: { header: 'Test', align: 'left' },
  verdict: { header: 'Verdict', align: 'left' },
  seed: { header: 'Seed', align: 'right' },
  duration: { header: 'Duration', align: 'right' },
  metrics: { header: 'Key metrics', align: 'left', shrink: true },
};

/** Column sets from the widest down: the first that leaves the metrics column this much room wins. */
const LAYOUTS: ReadonlyArray<readonly ColumnId[]> = [
  ['when', 'test', 'verdict', 'seed', 'duration', 'metrics'],
  ['when', 'test', 'verdict', 'seed', 'metrics'],
  ['when', 'test', 'verdict', 'metrics'],
  ['day', 'test', 'verdict', 'metrics'],
  ['test', 'verdict', 'metrics'],
];
const MIN_METRICS_WIDTH = 20;

const KEY_METRICS: ReadonlyArray<readonly [keyof RunMetrics, string, (v: number) => string]> = [
  ['peak_pressure', 'peak', (v) => `${v}%`],
  ['avg_memory_pressure', 'avg', (v) => `${v}%`],
  ['oom_events', 'OOM', formatNumber],
  ['chaos_events_count', 'events', formatNumber],
  ['success_rate', 'success', (v) => `${v}%`],
  ['commands_sent', 'sent', formatNumber],
  ['actions_taken', 'actions', formatNumber],
  ['total_rewards', 'rewards', formatNumber],
  ['attacks_survived', 'survived', formatNumber],
  ['latency_p99_ns', 'p99', formatNs],
];

/** Up to four of a run's metrics, by a fixed priority: `peak 54% · avg 50% · OOM 3 · p99 5.12µs`. */
export function keyMetrics(m: RunMetrics, max = 4): string {
  const parts: string[] = [];
  for (const [key, label, format] of KEY_METRICS) {
    const v = m[key];
    if (typeof v === 'number' && parts.length < max) parts.push(`${label} ${format(v)}`);
  }
  return parts.join(' · ');
}

/** `2026-11-27T10:31:05.123Z` → `2026-11-27 10:31` (the store keeps UTC). */
export function shortTime(iso: string | null): string {
  return iso === null ? '' : iso.slice(0, 16).replace('T', ' ');
}

function runCells(run: TestRun): Record<ColumnId, string> {
  return {
    when: shortTime(run.finished_at),
    day: shortTime(run.finished_at).slice(5),
    test: run.compare ? `${run.type} (${run.compare.side})` : run.type,
    verdict: verdictLabel(run.verdict),
    seed: run.config.seed ?? '',
    duration: run.config.duration_ms === undefined ? '' : `${run.config.duration_ms} ms`,
    metrics: keyMetrics(run.metrics),
  };
}

function chooseLayout(cells: ReadonlyArray<Record<ColumnId, string>>, width: number): readonly ColumnId[] {
  for (const ids of LAYOUTS) {
    const widths = columnWidths(
      ids.map((id) => COLUMNS[id]),
      cells.map((c) => ids.map((id) => c[id])),
      Number.MAX_SAFE_INTEGER,
    );
    const others = widths.slice(0, -1).reduce((a, b) => a + b + TABLE_GAP, 0);
    if (width - others >= MIN_METRICS_WIDTH) return ids;
  }
  return LAYOUTS[LAYOUTS.length - 1]!;
}

/** Past results as a table, newest first, with verdicts coloured. */
export function HistoryView({ runs, width, limit = 20 }: HistoryViewProps) {
  if (runs.length === 0) return <Text dimColor>No results yet.</Text>;
  const shown = runs.slice(Math.max(0, runs.length - limit)).reverse();
  const cells = shown.map(runCells);
  const ids = chooseLayout(cells, width);
  const columns = ids.map((id) => COLUMNS[id]);
  const widths = columnWidths(
    columns,
    cells.map((c) => ids.map((id) => c[id])),
    width,
  );
  const gap = ' '.repeat(TABLE_GAP);
  const text = (id: ColumnId, value: string) => cell(value, widths[ids.indexOf(id)]!, COLUMNS[id].align);
  const older = runs.length - shown.length;
  return (
    <Box flexDirection="column" width={width}>
      <Text bold>
        History · {runs.length} {runs.length === 1 ? 'run' : 'runs'}
      </Text>
      <Text dimColor wrap="truncate-end">
        {ids.map((id) => text(id, COLUMNS[id].header)).join(gap)}
      </Text>
      {shown.map((run, r) => (
        <Text key={r} wrap="truncate-end">
          {ids.map((id, i) => (
            <Text key={id} color={id === 'verdict' ? verdictColor(run.verdict) : undefined}>
              {(i === 0 ? '' : gap) + text(id, cells[r]![id])}
            </Text>
          ))}
        </Text>
      ))}
      {older > 0 ? <Text dimColor>… {older} older not shown</Text> : null}
    </Box>
  );
}
