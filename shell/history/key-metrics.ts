import type { RunMetrics } from '../parser/index.js';
import type { CompareRecord, TestRun } from '../results/index.js';

type NumericMetric = {
  [K in keyof RunMetrics]-?: RunMetrics[K] extends number | undefined ? K : never;
}[keyof RunMetrics] & string;

/** The figures a one-line summary shows, in this order, when the run printed them. */
const KEY_METRICS: ReadonlyArray<[NumericMetric, string, string]> = [
  ['peak_pressure', 'peak', '%'],
  ['avg_memory_pressure', 'avg', '%'],
  ['oom_events', 'oom', ''],
  ['compaction_triggers', 'compactions', ''],
  ['chaos_events_count', 'events', ''],
  ['success_rate', 'success', '%'],
  ['failed_recoveries', 'failed', ''],
  ['commands_sent', 'sent', ''],
  ['actions_taken', 'actions', ''],
  ['decisions', 'decisions', ''],
  ['avg_reward', 'avg_reward', ''],
  ['total_rewards', 'rewards', ''],
  ['attacks_survived', 'survived', ''],
  ['latency_p99_ns', 'p99', 'ns'],
];

/** `peak=54% avg=50% oom=3 compactions=0 p99=5120ns`; `-` when the run printed none of them. */
export function runKeyMetrics(run: TestRun): string {
  const parts: string[] = [];
  for (const [key, label, unit] of KEY_METRICS) {
    const value = run.metrics[key];
    if (value !== undefined) parts.push(`${label}=${value}${unit}`);
  }
  if (run.cancelled_after_ms !== null) parts.push(`cancelled_after=${run.cancelled_after_ms}ms`);
  return parts.length > 0 ? parts.join(' ') : '-';
}

export function runVerdict(run: TestRun): string {
  return run.verdict ?? '-';
}

/** How many metric pairs a compare summary shows. */
const COMPARE_PAIRS = 3;

/** `interventions off=0 on=31 peak_pressure 56->52 …`, or the paired means for `--runs N`. */
export function compareKeyMetrics(compare: CompareRecord): string {
  const parts: string[] = [];
  const { off, on } = compare.interventions;
  if (off !== null || on !== null) parts.push(`interventions off=${off?.total ?? '?'} on=${on?.total ?? '?'}`);
  if (compare.paired) {
    parts.push(`runs=${compare.paired.runs}`);
    for (const m of compare.paired.metrics.slice(0, COMPARE_PAIRS)) {
      parts.push(`${m.key} diff=${m.diff.toFixed(2)}${m.significant ? ' (significant)' : ''}`);
    }
  } else {
    const shown = compare.metrics.filter((m) => m.key !== 'duration_ms').slice(0, COMPARE_PAIRS);
    for (const m of shown) parts.push(`${m.key} ${m.off ?? '?'}->${m.on ?? '?'}`);
  }
  return parts.length > 0 ? parts.join(' ') : '-';
}

export function compareLabel(compare: CompareRecord): string {
  return compare.type === null ? 'compare' : `compare ${compare.type}`;
}
