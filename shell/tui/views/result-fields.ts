import type { ParsedResult, RunMetrics, TestConfig, TestType, Verdict } from '../../parser/index.js';
import type { TestRun } from '../../results/index.js';
import { capitalise, formatNs, formatNumber, textWidth, truncateEnd } from './format.js';

/** What a result card shows, from a live result or from a stored run. */
export interface ResultCardData {
  testType: TestType;
  title: string;
  verdict: Verdict | null;
  config: TestConfig;
  metrics: RunMetrics;
  cancelledAfterMs: number | null;
  compareSide: 'off' | 'on' | null;
}

const ANCHOR_TITLE = /^\[STRESS TEST\] (.+?) complete$/;

export function isTestRun(value: ParsedResult | TestRun): value is TestRun {
  return 'index' in value && 'type' in value;
}

export function cardData(value: ParsedResult | TestRun, compareSide: 'off' | 'on' | null = null): ResultCardData {
  if (isTestRun(value)) {
    return {
      testType: value.type,
      title: `${capitalise(value.type)} test`,
      verdict: value.verdict,
      config: value.config,
      metrics: value.metrics,
      cancelledAfterMs: value.cancelled_after_ms,
      compareSide: value.compare?.side ?? compareSide,
    };
  }
  const anchor = value.anchor === null ? null : ANCHOR_TITLE.exec(value.anchor);
  return {
    testType: value.testType,
    title: value.title ?? (anchor ? anchor[1]! : `${capitalise(value.testType)} test`),
    verdict: value.verdict,
    config: value.config,
    metrics: value.metrics,
    cancelledAfterMs: value.cancelledAfterMs,
    compareSide,
  };
}

export interface MetricCell {
  label: string;
  value: string;
}

const pct = (v: number) => `${formatNumber(v)}%`;

/** A metric a card shows: its summary field, label, format, and the keys a compare block prints it under. */
export interface CardMetric {
  key: keyof RunMetrics;
  label: string;
  format: (v: number) => string;
  compareKeys: readonly string[];
}

const metric = (key: keyof RunMetrics, label: string, format: (v: number) => string, ...alias: string[]): CardMetric => ({
  key,
  label,
  format,
  compareKeys: [key, ...alias],
});

export const CARD_METRICS: readonly CardMetric[] = [
  metric('peak_pressure', 'Peak pressure', pct),
  metric('avg_memory_pressure', 'Avg pressure', pct, 'avg_pressure'),
  metric('oom_events', 'OOM events', formatNumber),
  metric('compaction_triggers', 'Compactions', formatNumber, 'compactions'),
  metric('chaos_events_count', 'Chaos events', formatNumber, 'chaos_events'),
  metric('successful_recoveries', 'Recovered', formatNumber),
  metric('failed_recoveries', 'Failed', formatNumber),
  metric('recoveries', 'Recoveries', formatNumber),
  metric('success_rate', 'Success rate', pct),
  metric('commands_sent', 'Commands sent', formatNumber),
  metric('actions_taken', 'Actions', formatNumber, 'actions'),
  metric('total_rewards', 'Total rewards', formatNumber),
  metric('decisions', 'Decisions', formatNumber),
  metric('avg_reward', 'Avg reward', formatNumber),
  metric('attacks_survived', 'Attacks survived', formatNumber),
];

/** The metrics a summary printed, in a fixed order, as label/value cells. */
export function metricCells(m: RunMetrics): MetricCell[] {
  const cells: MetricCell[] = [];
  for (const { key, label, format } of CARD_METRICS) {
    const v = m[key];
    if (typeof v === 'number') cells.push({ label, value: format(v) });
  }
  const episodes = m.episode_rewards;
  if (episodes && episodes.length > 0) {
    cells.push({ label: 'Episodes', value: String(episodes.length) });
    cells.push({ label: 'Last reward', value: String(episodes[episodes.length - 1]!.reward) });
  }
  return cells;
}

export const PERCENTILES = [
  ['latency_p50_ns', 'p50'],
  ['latency_p95_ns', 'p95'],
  ['latency_p99_ns', 'p99'],
] as const;

/** `p50 812ns · p95 2.40µs · p99 5.12µs` under the label `Alloc latency`; null without percentiles. */
export function latencyCell(m: RunMetrics): MetricCell | null {
  const parts: string[] = [];
  const latency: Array<[number | undefined, string]> = [
    ...PERCENTILES.map(([key, p]): [number | undefined, string] => [m[key], p]),
    [m.latency_avg_ns, 'avg'],
  ];
  for (const [v, p] of latency) if (v !== undefined) parts.push(`${p} ${formatNs(v)}`);
  if (parts.length === 0) return null;
  return { label: m.latency_kind ? `${capitalise(m.latency_kind)} latency` : 'Latency', value: parts.join(' · ') };
}

export const FAILURES_LABEL = 'Failures';
const FAILURES = `${FAILURES_LABEL} `;

/**
 * `Failures Network partition 1/1 · Command burst 1/2` in lines of at most `width` columns: an
 * event is never split; later lines are indented under the first event.
 */
export function failureLines(m: RunMetrics, width: number): string[] {
  const items = (m.failure_breakdown ?? []).filter((f) => f.failed > 0).map((f) => `${f.event} ${f.failed}/${f.total}`);
  if (items.length === 0) return [];
  const indent = ' '.repeat(FAILURES.length);
  const room = Math.max(1, width - FAILURES.length);
  const lines: string[] = [];
  let line = '';
  for (const item of items) {
    const next = line === '' ? item : `${line} · ${item}`;
    if (line !== '' && textWidth(next) > room) {
      lines.push(line);
      line = item;
    } else line = next;
  }
  lines.push(line);
  return lines.map((l, i) => (i === 0 ? FAILURES : indent) + truncateEnd(l, room));
}

/** `seed 42 · 2000 ms · target 50% · compare OFF · cancelled after 830 ms`. */
export function configText(d: ResultCardData): string {
  const c = d.config;
  const parts: string[] = [];
  if (c.seed !== undefined) parts.push(`seed ${c.seed}`);
  if (c.duration_ms !== undefined) parts.push(`${c.duration_ms} ms`);
  if (c.episodes !== undefined) parts.push(`${c.episodes} episodes`);
  if (c.target_pressure !== undefined) parts.push(`target ${c.target_pressure}%`);
  if (c.fail_rate !== undefined) parts.push(`fail rate ${c.fail_rate}%`);
  if (c.rate !== undefined) parts.push(`${c.rate}/s`);
  if (d.compareSide) parts.push(`autonomy ${d.compareSide.toUpperCase()}`);
  if (d.cancelledAfterMs !== null) parts.push(`cancelled after ${d.cancelledAfterMs} ms`);
  return parts.join(' · ');
}
