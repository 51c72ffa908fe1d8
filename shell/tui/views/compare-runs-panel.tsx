import { Box, Text } from 'ink';
import type { LiveCompareMetric, LiveCompareRuns } from '../live-state/index.js';
import { formatDuration, padEnd } from './format.js';
import { progressBar } from './progress-bar.js';

export interface CompareRunsPanelProps {
  runs: LiveCompareRuns;
  /** Columns available, border included. */
  width: number;
  /** Wall ms on the store's clock, for the time in the current run. */
  nowMs: number;
  /** Rows the panel may take: it drops its border, then figures from the last. */
  maxRows?: number;
}

/** A run in progress counts at most this much of itself done, however long it takes. */
const RUN_SHARE_CAP = 0.95;

const fixed = (x: number): string => (Math.abs(x) < 0.05 ? '0.0' : x.toFixed(1));
const signed = (x: number): string => (x > 0.05 ? `+${fixed(x)}` : fixed(x));

/** Runs done plus the current run's share (its time over the mean run time), in percent; the ETA. */
export function compareProgress(runs: LiveCompareRuns, nowMs: number): { pct: number; etaMs: number | null } {
  if (runs.finished || runs.done >= runs.runs) return { pct: 100, etaMs: 0 };
  if (runs.done === 0) return { pct: 0, etaMs: null };
  const meanRun = (runs.runStartedMs - runs.startedMs) / runs.done;
  const inRun = Math.max(0, nowMs - runs.runStartedMs);
  const share = meanRun > 0 ? Math.min(RUN_SHARE_CAP, inRun / meanRun) : 0;
  return {
    pct: ((runs.done + share) / runs.runs) * 100,
    etaMs: Math.max(0, meanRun * (runs.runs - runs.done) - inRun),
  };
}

/** `peakPressure  off 91.0  on 73.5  Δ -17.5  95% [-20.1, -14.9]  ±4.0 → ±2.6` */
export function metricLine(m: LiveCompareMetric, keyWidth: number): string {
  let line = `${padEnd(m.key, keyWidth)}  off ${fixed(m.meanOff)}  on ${fixed(m.meanOn)}  Δ ${signed(m.diff)}`;
  if (m.low === null || m.high === null) return `${line}  95% after run 2`;
  line += `  95% [${signed(m.low)}, ${signed(m.high)}]`;
  const widths = m.halfWidths.slice(-3).map((w) => `±${fixed(w)}`);
  return widths.length > 1 ? `${line}  ${widths.join(' → ')}` : line;
}

/**
 * `stresstest compare TYPE --runs N`: run k of N with a bar over the runs (the current run counted
 * by its time against the mean run so far) and the ETA, then each figure's running means and the
 * paired difference's 95 % interval with its last half-widths, which narrow as runs come in.
 */
export function CompareRunsPanel({ runs, width, nowMs, maxRows = Infinity }: CompareRunsPanelProps) {
  if (maxRows < 1) return null;
  const border = maxRows >= 5;
  const room = Math.max(0, maxRows - (border ? 2 : 0) - 2);
  const inner = Math.max(10, width - (border ? 4 : 0));
  const { pct, etaMs } = compareProgress(runs, nowMs);
  const finished = runs.finished || runs.done >= runs.runs;
  const title = `compare ${runs.testType} · ${finished ? `${runs.runs} runs done` : `run ${runs.done + 1} of ${runs.runs}`}`;
  const timing = `  ${runs.done}/${runs.runs} runs  ${formatDuration(nowMs - runs.startedMs)}${etaMs === null ? '' : `  ETA ${formatDuration(etaMs)}`}`;
  const bar = progressBar(pct, Math.max(0, Math.min(48, inner - timing.length)));
  const keyWidth = Math.max(0, ...runs.metrics.map((m) => m.key.length));
  return (
    <Box flexDirection="column" {...(border && { borderStyle: 'round' as const, borderColor: 'cyan', paddingX: 1 })} width={width}>
      <Text bold wrap="truncate-end">
        <Text color="cyan">{finished ? '■ ' : '▶ '}</Text>
        {title}
      </Text>
      {maxRows >= 2 && (
        <Text wrap="truncate-end">
          <Text color="green">{bar.filled}</Text>
          <Text dimColor>{bar.empty}</Text>
          {timing}
        </Text>
      )}
      {runs.metrics.slice(0, room).map((m) => (
        <Text key={m.key} wrap="truncate-end">
          {metricLine(m, keyWidth)}
        </Text>
      ))}
    </Box>
  );
}
