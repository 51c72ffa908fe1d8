import type { ResultEvent } from './events.js';
import type {
  EpisodeReward,
  FormatVersion,
  RunMetrics,
  ShellLine,
  TestConfig,
  TestType,
  Verdict,
} from './records.js';
import { parseKeyValueLine, parseLatencyTriple, parseNumberWithUnit } from './values.js';

type CountField = Exclude<keyof RunMetrics, 'latency_kind' | 'episode_rewards' | 'failure_breakdown'>;

/** Summary keys (lower case) → metric field; values are integers, optionally followed by `%`. */
const FIELDS: Record<string, CountField> = {
  'peak pressure': 'peak_pressure',
  'avg pressure': 'avg_memory_pressure',
  'oom events': 'oom_events',
  'compaction triggers': 'compaction_triggers',
  'chaos events': 'chaos_events_count',
  'successful recoveries': 'successful_recoveries',
  'failed recoveries': 'failed_recoveries',
  recoveries: 'recoveries',
  'success rate': 'success_rate',
  'commands sent': 'commands_sent',
  actions: 'actions_taken',
  'total rewards': 'total_rewards',
  'decisions made': 'decisions',
  'avg reward/decision': 'avg_reward',
  'attacks survived': 'attacks_survived',
};

const LATENCY_KEY = /^(\S+) latency$/;
const VERDICTS: readonly Verdict[] = ['PASS', 'PARTIAL PASS', 'FAIL', 'CANCELLED'];
const BREAKDOWN = /^(\d+)\/(\d+)$/;

export function isSummaryKey(key: string): boolean {
  const k = key.toLowerCase();
  return k in FIELDS || k === 'status' || k === 'failure breakdown' || LATENCY_KEY.test(k);
}

/** What the header of the current test contributed, when one was seen. */
export interface TestContext {
  testType: TestType;
  title: string;
  format: FormatVersion;
  config: TestConfig;
  episodes: EpisodeReward[];
}

function inferFormat(testType: TestType, m: RunMetrics): FormatVersion {
  if (testType === 'memory') return m.avg_memory_pressure !== undefined || m.latency_kind !== undefined ? 'V2' : 'V0';
  if (testType === 'chaos') {
    const legacy = m.recoveries !== undefined && m.successful_recoveries === undefined && m.success_rate === undefined;
    return legacy ? 'V1' : 'V2';
  }
  return testType === 'commands' || testType === 'multi' ? 'V0' : 'V1';
}

/** The `Key: value` lines of a summary, after `[STRESS TEST] … complete` (or without it). */
export class ResultBlock {
  readonly kind = 'result';
  private readonly metrics: RunMetrics = {};
  private readonly extra: Record<string, string> = {};
  private verdict: Verdict | null = null;
  private inBreakdown = false;
  private readonly context: TestContext | null;

  constructor(
    readonly testType: TestType,
    private readonly anchor: string | null,
    context: TestContext | null,
    private readonly cancelledAfterMs: number | null,
  ) {
    this.context = context && context.testType === testType ? context : null;
  }

  accept(line: string): boolean {
    const kv = parseKeyValueLine(line);
    if (!kv) return false;
    const key = kv.key.toLowerCase();
    if (this.inBreakdown) {
      const b = BREAKDOWN.exec(kv.value);
      if (b) {
        (this.metrics.failure_breakdown ??= []).push({ event: kv.key, failed: Number(b[1]), total: Number(b[2]) });
        return true;
      }
      this.inBreakdown = false;
    }
    if (key === 'failure breakdown' && kv.value === '') {
      this.inBreakdown = true;
      this.metrics.failure_breakdown ??= [];
      return true;
    }
    if (!this.take(key, kv.value)) this.extra[kv.key] = kv.value;
    return true;
  }

  private take(key: string, value: string): boolean {
    if (key === 'status') {
      const v = value.trim() as Verdict;
      if (!VERDICTS.includes(v)) return false;
      this.verdict = v;
      return true;
    }
    if (key === 'duration') return this.takeDuration(value);
    const field = FIELDS[key];
    if (field) {
      const n = parseNumberWithUnit(value);
      if (!n || (n.unit !== '' && n.unit !== '%') || !Number.isInteger(n.value)) return false;
      this.metrics[field] = n.value;
      return true;
    }
    const lat = LATENCY_KEY.exec(key);
    if (!lat || this.metrics.latency_kind !== undefined) return false;
    const p = parseLatencyTriple(value);
    if (!p || p['p95'] === undefined || p['p99'] === undefined) return false;
    this.metrics.latency_kind = lat[1]!;
    this.metrics.latency_p50_ns = p['p50']!;
    this.metrics.latency_p95_ns = p['p95'];
    this.metrics.latency_p99_ns = p['p99'];
    if (p['avg'] !== undefined) this.metrics.latency_avg_ns = p['avg'];
    return true;
  }

  /** `Duration: 10001ms` or `Duration: 10001 ms` (V0 summaries). */
  private takeDuration(value: string): boolean {
    const n = parseNumberWithUnit(value);
    if (!n || n.unit !== 'ms' || !Number.isInteger(n.value)) return false;
    this.metrics.duration_ms = n.value;
    return true;
  }

  finish(shellLine: ShellLine | null): ResultEvent {
    const ctx = this.context;
    const metrics: RunMetrics = { ...this.metrics };
    if (ctx && ctx.episodes.length > 0) metrics.episode_rewards = ctx.episodes.slice();
    return {
      type: 'result',
      result: {
        testType: this.testType,
        format: ctx ? ctx.format : inferFormat(this.testType, metrics),
        title: ctx ? ctx.title : null,
        anchor: this.anchor,
        config: ctx ? { ...ctx.config, extra: { ...ctx.config.extra } } : { extra: {} },
        verdict: this.verdict,
        cancelledAfterMs: this.cancelledAfterMs,
        metrics,
        extra: { ...this.extra },
        shellLine,
      },
    };
  }
}
