import { Box, Text } from 'ink';
import { entryKeyMetrics, entryLabel, entryVerdict, shortDate, type HistoryEntry } from '../../results/history/index.js';
import { cell, columnWidths, TABLE_GAP, type TableColumn } from './table.js';
import { verdictColor } from './verdict.js';

export interface HistoryViewProps {
  /** History entries, oldest first (the store's order): the entries `sis history` lists. */
  entries: readonly HistoryEntry[];
  width: number;
  /** Entries per page (default 20). */
  pageSize?: number;
  /** 0 shows the newest `pageSize` entries, 1 the ones before them, … (clamped to the last page). */
  page?: number;
  /** The keys line under the table (the pager's); none when absent. */
  footer?: string;
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

function firstRun(entry: HistoryEntry) {
  return entry.kind === 'run' ? entry.run : entry.runs[0];
}

function seedOf(entry: HistoryEntry): string {
  const paired = entry.kind === 'compare' ? entry.compare.paired : null;
  if (paired) return paired.seed_first === paired.seed_last ? paired.seed_first : `${paired.seed_first}..${paired.seed_last}`;
  return firstRun(entry)?.config.seed ?? '';
}

function entryCells(entry: HistoryEntry): Record<ColumnId, string> {
  const when = shortDate(entry.recorded_at).slice(0, 16);
  const duration = firstRun(entry)?.config.duration_ms;
  return {
    when,
    day: when.slice(5),
    test: entryLabel(entry),
    verdict: entryVerdict(entry),
    seed: seedOf(entry),
    duration: duration === undefined ? '' : `${duration} ms`,
    metrics: entryKeyMetrics(entry),
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

/** How many pages `count` entries make. */
export function pageCount(count: number, pageSize: number): number {
  return Math.max(1, Math.ceil(count / Math.max(1, pageSize)));
}

/**
 * Past results as a table, newest first, one page at a time: the entries `sis history` lists
 * (a compare is one row, paired `--runs N` compares included), with its verdicts (`-` where a
 * run printed no status) and key metrics; verdicts coloured.
 */
export function HistoryView({ entries, width, pageSize = 20, page = 0, footer }: HistoryViewProps) {
  if (entries.length === 0) return <Text dimColor>No results recorded yet.</Text>;
  const size = Math.max(1, pageSize);
  const at = Math.min(Math.max(0, page), pageCount(entries.length, size) - 1);
  const end = entries.length - at * size;
  const shown = entries.slice(Math.max(0, end - size), end).reverse();
  const cells = shown.map(entryCells);
  const ids = chooseLayout(cells, width);
  const widths = columnWidths(
    ids.map((id) => COLUMNS[id]),
    cells.map((c) => ids.map((id) => c[id])),
    width,
  );
  const gap = ' '.repeat(TABLE_GAP);
  const text = (id: ColumnId, value: string) => cell(value, widths[ids.indexOf(id)]!, COLUMNS[id].align);
  const first = at * size + 1;
  const range = entries.length > shown.length ? ` · ${first}–${first + shown.length - 1} newest first` : '';
  return (
    <Box flexDirection="column" width={width}>
      <Text bold wrap="truncate-end">
        Past results · {entries.length} {entries.length === 1 ? 'entry' : 'entries'}
        {range}
      </Text>
      <Text dimColor wrap="truncate-end">
        {ids.map((id) => text(id, COLUMNS[id].header)).join(gap)}
      </Text>
      {shown.map((entry, r) => (
        <Text key={r} wrap="truncate-end">
          {ids.map((id, i) => (
            <Text key={id} color={id === 'verdict' && entry.kind === 'run' ? verdictColor(entry.run.verdict) : undefined}>
              {(i === 0 ? '' : gap) + text(id, cells[r]![id])}
            </Text>
          ))}
        </Text>
      ))}
      {footer ? (
        <Text dimColor wrap="truncate-end">
          {footer}
        </Text>
      ) : null}
    </Box>
  );
}
