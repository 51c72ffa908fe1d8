import { Box, Text } from 'ink';
import type { ParsedResult } from '../../parser/index.js';
import type { TestRun } from '../../results/index.js';
import { layoutGrid } from './grid.js';
import { PANEL_MAX_WIDTH, panelWidth } from './panel-width.js';
import { cardData, configText, failureLines, FAILURES_LABEL, latencyCell, metricCells } from './result-fields.js';
import { verdictColor, verdictLabel } from './verdict.js';

export interface ResultCardProps {
  /** A live result (parser event) or a stored run (results document, history). */
  result: ParsedResult | TestRun;
  /** For a live result: the compare half it belongs to. A stored run carries its own. */
  compareSide?: 'off' | 'on' | null;
  /** Columns available; the card is `panelWidth(width, maxWidth)` wide (default PANEL_MAX_WIDTH at most). */
  width: number;
  maxWidth?: number;
}

/** A finished test: verdict and title, its configuration, and the summary's metrics in a grid. */
export function ResultCard({ result, compareSide = null, width, maxWidth = PANEL_MAX_WIDTH }: ResultCardProps) {
  const data = cardData(result, compareSide);
  const cardWidth = panelWidth(width, maxWidth);
  const inner = cardWidth - 4;
  const color = verdictColor(data.verdict);
  const config = configText(data);
  const failures = failureLines(data.metrics, inner);
  const rows = layoutGrid(metricCells(data.metrics), inner);
  const latency = latencyCell(data.metrics);
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={color ?? 'gray'} paddingX={1} width={cardWidth}>
      <Text wrap="truncate-end">
        <Text bold color={color} dimColor={data.verdict === null}>
          {verdictLabel(data.verdict)}
        </Text>
        {'  '}
        <Text bold>{data.title}</Text>
      </Text>
      {config ? (
        <Text dimColor wrap="truncate-end">
          {config}
        </Text>
      ) : null}
      {rows.map((row, r) => (
        <Text key={r} wrap="truncate-end">
          {row.map((cell, c) => (
            <Text key={c}>
              <Text dimColor>{cell.label}</Text>
              {cell.value}
            </Text>
          ))}
        </Text>
      ))}
      {latency ? (
        <Text wrap="truncate-end">
          <Text dimColor>{latency.label}</Text> {latency.value}
        </Text>
      ) : null}
      {failures.map((line, i) => (
        <Text key={`f${i}`} wrap="truncate-end">
          {i === 0 ? (
            <>
              <Text color="red">{line.slice(0, FAILURES_LABEL.length)}</Text>
              {line.slice(FAILURES_LABEL.length)}
            </>
          ) : (
            line
          )}
        </Text>
      ))}
    </Box>
  );
}
