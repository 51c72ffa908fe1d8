import { Box, Text } from 'ink';
import type { ImpactKind, ParsedCompare } from '../../parser/index.js';
import type { CompareRecord } from '../../results/index.js';
import { compareTitle, pairedRow, pairRows, withHalves, type CompareHalves } from './compare-rows.js';
import { cell, columnWidths, TABLE_GAP, type TableColumn } from './table.js';

export interface CompareTableProps {
  /** A live compare (parser event) or a stored compare record. */
  compare: ParsedCompare | CompareRecord;
  /** The echoed command, to name the test type of a live compare. */
  command?: string | null;
  /** The OFF and ON summaries, when seen: what their cards show beyond the compare block is added. */
  halves?: CompareHalves | null;
  width: number;
}

const PAIR_COLUMNS: TableColumn[] = [
  { header: 'Metric', align: 'left', shrink: true },
  { header: 'OFF', align: 'right' },
  { header: 'ON', align: 'right' },
  { header: 'Δ', align: 'right' },
];

const PAIRED_COLUMNS: TableColumn[] = [
  { header: 'Metric', align: 'left', shrink: true },
  { header: 'OFF mean', align: 'right' },
  { header: 'ON mean', align: 'right' },
  { header: 'Δ', align: 'right' },
  { header: '95% CI', align: 'right' },
];

const IMPACT_MARKS: Record<ImpactKind, { mark: string; color?: string }> = {
  improved: { mark: '+', color: 'green' },
  worsened: { mark: '-', color: 'red' },
  warning: { mark: '!', color: 'yellow' },
  neutral: { mark: '·' },
};

const GAP = ' '.repeat(TABLE_GAP);
const SIGNIFICANCE_WIDTH = TABLE_GAP + 'not significant'.length;

function Table({ columns, rows, width, trailing }: {
  columns: TableColumn[];
  rows: string[][];
  width: number;
  trailing?: Array<{ text: string; color?: string; dim?: boolean }>;
}) {
  const widths = columnWidths(columns, rows, width);
  const line = (cells: readonly string[]) => cells.map((c, i) => cell(c, widths[i]!, columns[i]!.align)).join(GAP);
  return (
    <Box flexDirection="column">
      <Text dimColor wrap="truncate-end">
        {line(columns.map((c) => c.header))}
      </Text>
      {rows.map((r, i) => (
        <Text key={i} wrap="truncate-end">
          {line(r)}
          {trailing?.[i] ? (
            <Text color={trailing[i]!.color} dimColor={trailing[i]!.dim}>
              {GAP + trailing[i]!.text}
            </Text>
          ) : null}
        </Text>
      ))}
    </Box>
  );
}

/**
 * `compare` side by side: OFF | ON | Δ per metric, the AI interventions and their breakdown,
 * the impact lines; for `--runs N` the means, their difference, its 95 % interval and whether
 * it is significant.
 */
export function CompareTable({ compare, command = null, halves = null, width }: CompareTableProps) {
  const paired = compare.paired;
  const rows = pairRows(withHalves(compare.metrics, halves), compare.interventions);
  const pairedRows = paired ? paired.metrics.map(pairedRow) : [];
  return (
    <Box flexDirection="column" width={width}>
      <Text bold wrap="truncate-end">
        {compareTitle(compare, command)}
      </Text>
      {rows.length > 0 ? <Table columns={PAIR_COLUMNS} rows={rows} width={width} /> : null}
      {paired ? (
        <Table
          columns={PAIRED_COLUMNS}
          rows={pairedRows}
          width={width - SIGNIFICANCE_WIDTH}
          trailing={paired.metrics.map((m) =>
            m.significant ? { text: 'significant', color: 'green' } : { text: 'not significant', dim: true },
          )}
        />
      ) : null}
      {compare.impact.map((line, i) => (
        <Text key={i} wrap="wrap">
          <Text color={IMPACT_MARKS[line.kind].color}>{IMPACT_MARKS[line.kind].mark}</Text> {line.text}
        </Text>
      ))}
    </Box>
  );
}
