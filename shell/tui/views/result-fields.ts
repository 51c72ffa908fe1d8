import type { ParsedResult, RunMetrics, TestConfig, TestType, Verdict } from '../../parser/index.js';
import type { TestRun } from '../../results/index.js';
import { capitalise, formatNs, formatNumber } from './format.js';

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

const FIELDS: ReadonlyArray<readonly [keyof RunMetrics, string, (v: number) => string]> = [
  ['peak_pressure', 'Peak pressure', pct],
  ['avg_memory_pressure', 'Avg pressure', pct],
  ['oom_events', 'OOM events', formatNumber],
  ['compaction_triggers', 'Compactions', formatNumber],
  ['chaos_events_count', 'Chaos events', formatNumber],
  ['successful_recoveries', 'Recovered', formatNumber],
  ['failed_recoveries', 'Failed', formatNumber],
  ['recoveries', 'Recoveries', formatNumber],
  ['success_rate', 'Success rate', pct],
  ['commands_sent', 'Commands sent', formatNumber],
  ['actions_taken', 'Actions', formatNumber],
  ['total_rewards', 'Total rewards', formatNumber],
  ['decisions', 'Decisions', formatNumber],
  ['avg_reward', 'Avg reward', formatNumber],
  ['attacks_survived', 'Attacks survived', formatNumber],
];

/** The metrics a summary printed, in a fixed order, as label/value cells. */
export function metricCells(m: RunMetrics): MetricCell[] {
  const cells: MetricCell[] = [];
  for (const [key, label, format] of FIELDS) {
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

/** `p50 812ns · p95 2.40µs · p99 5.12µs` under the label `Alloc latency`; null without percentiles. */
export function latencyCell(m: RunMetrics): MetricCell | null {
  const parts: string[] = [];
  const latency: Array<[number | undefined, string]> = [
    [m.latency_p50_ns, 'p50'],
    [m.latency_p95_ns, 'p95'],
    [m.latency_p99_ns, 'p99'],
    [m.latency_avg_ns, 'avg'],
  ];
  for (const [v, p] of latency) if (v !== undefined) parts.push(`${p} ${formatNs(v)}`);
  if (parts.length === 0) return null;
  return { label: m.latency_kind ? `${capitalise(m.latency_kind)} latency` : 'Latency', value: parts.join(' · ') };
}

/** `Network partition 1/1 · Command burst 1/2`: the kinds that failed at least once. */
export function failureText(m: RunMetrics): string | null {
  const failed = (m.failure_breakdown ?? []).filter((f) => f.failed > 0);
  return failed.length === 0 ? null : failed.map((f) => `${f.event} ${f.failed}/${f.total}`).join(' · ');
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
