import type { RunMetrics } from '../../parser/index.js';
import { formatNs, formatSignedNs, isNsKey, type CompareRecord, type TestRun } from '../index.js';

type NumericMetric = {
  [K in keyof RunMetrics]-?: RunMetrics[K] extends number | undefined ? K : never;
}[keyof RunMetrics] & string;

const number = (unit: string) => (value: number) => `${value}${unit}`;

/** The figures a one-line summary shows, in this order, when the run printed them. */
const KEY_METRICS: ReadonlyArray<[NumericMetric, string, (value: number) => string]> = [
  ['peak_pressure', 'peak', number('%')],
  ['avg_memory_pressure', 'avg', number('%')],
  ['oom_events', 'oom', number('')],
  ['compaction_triggers', 'compactions', number('')],
  ['chaos_events_count', 'events', number('')],
  ['success_rate', 'success', number('%')],
  ['failed_recoveries', 'failed', number('')],
  ['commands_sent', 'sent', number('')],
  ['actions_taken', 'actions', number('')],
  ['decisions', 'decisions', number('')],
  ['avg_reward', 'avg_reward', number('')],
  ['total_rewards', 'rewards', number('')],
  ['attacks_survived', 'survived', number('')],
  ['latency_p99_ns', 'p99', formatNs],
];

/** `peak=54% avg=50% oom=3 compactions=0 p99=5.12µs`; `-` when the run printed none of them. */
export function runKeyMetrics(run: TestRun): string {
  const parts: string[] = [];
  for (const [key, label, format] of KEY_METRICS) {
    const value = run.metrics[key];
    if (value !== undefined) parts.push(`${label}=${format(value)}`);
  }
  if (run.cancelled_after_ms !== null) parts.push(`cancelled_after=${run.cancelled_after_ms}ms`);
  return parts.length > 0 ? parts.join(' ') : '-';
}

export function runVerdict(run: TestRun): string {
  return run.verdict ?? '-';
}

/** How many metric pairs a compare summary shows. */
const COMPARE_PAIRS = 3;

const pairValue = (key: string, value: number | null): string => (value === null ? '?' : isNsKey(key) ? formatNs(value) : String(value));

/** `interventions off=0 on=31 peak_pressure 56->52 …`, or the paired means for `--runs N`. */
export function compareKeyMetrics(compare: CompareRecord): string {
  const parts: string[] = [];
  const { off, on } = compare.interventions;
  if (off !== null || on !== null) parts.push(`interventions off=${off?.total ?? '?'} on=${on?.total ?? '?'}`);
  if (compare.paired) {
    parts.push(`runs=${compare.paired.runs}`);
    for (const m of compare.paired.metrics.slice(0, COMPARE_PAIRS)) {
      const diff = isNsKey(m.key) ? formatSignedNs(m.diff) : m.diff.toFixed(2);
      parts.push(`${m.key} diff=${diff}${m.significant ? ' (significant)' : ''}`);
    }
  } else {
    const shown = compare.metrics.filter((m) => m.key !== 'duration_ms').slice(0, COMPARE_PAIRS);
    for (const m of shown) parts.push(`${m.key} ${pairValue(m.key, m.off)}->${pairValue(m.key, m.on)}`);
  }
  return parts.length > 0 ? parts.join(' ') : '-';
}

export function compareLabel(compare: CompareRecord): string {
  return compare.type === null ? 'compare' : `compare ${compare.type}`;
}
