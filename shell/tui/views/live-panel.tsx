import { Box, Text } from 'ink';
import type { ChaosMarkOutcome, LiveCounters, LiveTest } from '../live-state/index.js';
import { capitalise, formatDuration, formatNs } from './format.js';
import { planPanel, type PanelPart } from './panel-plan.js';
import { PressureChart } from './pressure-chart.js';
import { barWidth, progressBar, progressText } from './progress-bar.js';

export interface LivePanelProps {
  test: LiveTest;
  /** Columns available, border included. */
  width: number;
  /** Rows of the pressure chart (default 4). */
  chartHeight?: number;
  /** Rows the panel may take; it drops its least useful parts to fit. Default unlimited. */
  maxRows?: number;
}

const CHAOS_MARKS: Record<ChaosMarkOutcome, { mark: string; color: string }> = {
  ok: { mark: '●', color: 'green' },
  recovered: { mark: '○', color: 'green' },
  failed: { mark: '✕', color: 'red' },
  unknown: { mark: '·', color: 'gray' },
};

const COUNTER_LABELS: ReadonlyArray<readonly [keyof LiveCounters, string]> = [
  ['oomEvents', 'OOM'],
  ['compactions', 'compactions'],
  ['events', 'events'],
  ['successes', 'successes'],
  ['failures', 'failures'],
];

export function liveTitle(test: LiveTest): string {
  if (test.title) return test.title;
  return test.testType ? `${capitalise(test.testType)} test` : 'Stress test';
}

function headerText(test: LiveTest): string {
  const parts = [liveTitle(test)];
  if (test.config.seed !== undefined) parts.push(`seed ${test.config.seed}`);
  if (test.config.fail_rate !== undefined) parts.push(`fail rate ${test.config.fail_rate}%`);
  if (test.compareSide) parts.push(`compare: autonomy ${test.compareSide.toUpperCase()}`);
  if (test.phase === 'cancelled') {
    parts.push(test.cancelledAfterMs === null ? 'cancelled' : `cancelled after ${test.cancelledAfterMs} ms`);
  } else if (test.phase === 'finished') {
    parts.push('finished');
  }
  return parts.join(' · ');
}

function Progress({ test, width }: { test: LiveTest; width: number }) {
  const p = test.progress;
  if (p.pct === null && p.elapsedMs === null) return null;
  const text = progressText(p);
  const cells = p.pct === null ? 0 : barWidth(text, width);
  const bar = progressBar(p.pct ?? 0, cells);
  return (
    <Text wrap="truncate-end">
      <Text color="green">{bar.filled}</Text>
      <Text dimColor>{bar.empty}</Text>
      {cells > 0 ? text : text.trimStart()}
    </Text>
  );
}

function Pressure({ test, width, height }: { test: LiveTest; width: number; height: number }) {
  const pr = test.pressure;
  const parts = [`pressure ${pr.lastPct}%`, `min ${pr.minPct}%`, `max ${pr.peakPct}%`];
  if (pr.targetPct !== null) parts.push(`target ${pr.targetPct}%`);
  if (height > 0 && test.progress.elapsedMs !== null) parts.push(`whole run, ${formatDuration(test.progress.elapsedMs)}`);
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">{parts.join(' · ')}</Text>
      {height > 0 && <PressureChart series={pr.series} targetPct={pr.targetPct} width={width} height={height} />}
    </Box>
  );
}

function presentParts(test: LiveTest): PanelPart[] {
  const c = test.counters;
  const present: Array<[PanelPart, boolean]> = [
    ['progress', test.progress.pct !== null || test.progress.elapsedMs !== null],
    ['pressure', test.pressure.series.length > 0],
    ['counters', COUNTER_LABELS.some(([key]) => c[key] !== null)],
    ['chaos', test.chaos.total > 0],
    ['episodes', test.episodes !== null],
    ['latency', test.latency !== null],
  ];
  return present.filter(([, shown]) => shown).map(([part]) => part);
}

function Counters({ counters }: { counters: LiveCounters }) {
  const parts = COUNTER_LABELS.filter(([key]) => counters[key] !== null).map(([key, label]) => `${label} ${counters[key]}`);
  return parts.length === 0 ? null : <Text wrap="truncate-end">{parts.join(' · ')}</Text>;
}

function ChaosTimeline({ test, width }: { test: LiveTest; width: number }) {
  const { timeline, total } = test.chaos;
  if (total === 0) return null;
  const label = 'chaos ';
  const marks = timeline.slice(Math.max(0, timeline.length - (width - label.length)));
  // Marks of one colour in a row are one run: the same cells, a few text nodes instead of one per mark.
  const runs: Array<{ color: string; text: string }> = [];
  for (const m of marks) {
    const { mark, color } = CHAOS_MARKS[m.outcome];
    const last = runs[runs.length - 1];
    if (last !== undefined && last.color === color) last.text += mark;
    else runs.push({ color, text: mark });
  }
  return (
    <Text wrap="truncate-end">
      {label}
      {runs.map((run, i) => (
        <Text key={i} color={run.color}>
          {run.text}
        </Text>
      ))}
    </Text>
  );
}

function Latency({ test }: { test: LiveTest }) {
  const l = test.latency;
  if (!l) return null;
  const parts: string[] = [];
  if (l.p50Ns !== null) parts.push(`p50 ${formatNs(l.p50Ns)}`);
  if (l.p95Ns !== null) parts.push(`p95 ${formatNs(l.p95Ns)}`);
  if (l.p99Ns !== null) parts.push(`p99 ${formatNs(l.p99Ns)}`);
  return <Text wrap="truncate-end">{`${l.kind ? `${l.kind} ` : ''}latency ${parts.join(' · ')}`}</Text>;
}

function Episodes({ test }: { test: LiveTest }) {
  const e = test.episodes;
  if (!e) return null;
  const count = e.total === null ? `${e.current}` : `${e.current}/${e.total}`;
  return <Text wrap="truncate-end">{`episodes ${count}${e.lastReward === null ? '' : ` · reward ${e.lastReward}`}`}</Text>;
}

/**
 * The running test: title, progress bar with times and ETA, pressure chart, counters, chaos
 * timeline, episodes and latency, each only when the stream carried it; in `maxRows` it drops
 * parts (see `planPanel`) rather than vanish.
 */
export function LivePanel({ test, width, chartHeight = 4, maxRows = Infinity }: LivePanelProps) {
  const plan = planPanel(presentParts(test), maxRows, chartHeight);
  if (plan === null) return null;
  const inner = Math.max(10, width - (plan.border ? 4 : 0));
  const running = test.phase === 'running';
  const has = (part: PanelPart) => plan.parts.has(part);
  return (
    <Box
      flexDirection="column"
      {...(plan.border && { borderStyle: 'round' as const, borderColor: running ? 'cyan' : 'gray', paddingX: 1 })}
      width={width}
    >
      <Text bold wrap="truncate-end">
        <Text color={running ? 'cyan' : 'gray'}>{running ? '▶ ' : '■ '}</Text>
        {headerText(test)}
      </Text>
      {has('progress') && <Progress test={test} width={inner} />}
      {has('pressure') && <Pressure test={test} width={inner} height={plan.chartHeight} />}
      {has('counters') && <Counters counters={test.counters} />}
      {has('chaos') && <ChaosTimeline test={test} width={inner} />}
      {has('episodes') && <Episodes test={test} />}
      {has('latency') && <Latency test={test} />}
    </Box>
  );
}
