/**
 * Structured records the output parser extracts from kernel text. Field names of configs and
 * metrics are snake_case on purpose: they are the kernel's `StressTestConfig` / `StressTestMetrics`
 * names and go to the results JSON unchanged.
 */

export type TestType = 'memory' | 'commands' | 'multi' | 'learning' | 'redteam' | 'chaos';

/**
 * The first kernel version (reference §0) whose template a block matches: memory V0 (legacy) or
 * V2 (Enhanced), commands and multi V0, learning and redteam V1, chaos V1 (legacy) or V2.
 */
export type FormatVersion = 'V0' | 'V1' | 'V2';

export type Verdict = 'PASS' | 'PARTIAL PASS' | 'FAIL' | 'CANCELLED';

/** What a test header printed. Percentages are integers of percent. */
export interface TestConfig {
  duration_ms?: number;
  target_pressure?: number;
  noise_level?: number;
  oom_probability?: number;
  fail_rate?: number;
  expect_failures?: boolean;
  rate?: number;
  episodes?: number;
  /** Decimal string: a u64 seed does not fit a JSON number exactly. */
  seed?: string;
  /** The model's calibration profile, from `Seed: N (profile NAME)`. */
  profile?: string;
  /** Header lines not recognised above, by key as printed. */
  extra: Record<string, string>;
}

export interface FailureBreakdownEntry {
  event: string;
  failed: number;
  total: number;
}

export interface EpisodeReward {
  episode: number;
  reward: number;
}

/** What a summary block printed. Percentages are integers of percent; latencies in ns. */
export interface RunMetrics {
  /** A summary's own `Duration:` line (V0), in ms. */
  duration_ms?: number;
  peak_pressure?: number;
  avg_memory_pressure?: number;
  oom_events?: number;
  compaction_triggers?: number;
  chaos_events_count?: number;
  successful_recoveries?: number;
  failed_recoveries?: number;
  /** V1 chaos only. */
  recoveries?: number;
  success_rate?: number;
  /** Which latency line the percentiles come from: `alloc`, `recovery`, `command`, … */
  latency_kind?: string;
  latency_p50_ns?: number;
  latency_p95_ns?: number;
  latency_p99_ns?: number;
  latency_avg_ns?: number;
  commands_sent?: number;
  actions_taken?: number;
  total_rewards?: number;
  decisions?: number;
  avg_reward?: number;
  attacks_survived?: number;
  /** From the `Episode {n}: reward={r}` lines of a learning run (elided ones are missing). */
  episode_rewards?: EpisodeReward[];
  /** From the `Failure breakdown:` section (chaos with --verbose). */
  failure_breakdown?: FailureBreakdownEntry[];
}

/** The shell's `[STRESSTEST] {Label} completed: k=v ...` line. */
export interface ShellLine {
  label: string;
  /** Values that are an integer (optionally followed by `%`) become numbers, others stay text. */
  fields: Record<string, number | string>;
}

export interface ParsedResult {
  testType: TestType;
  format: FormatVersion;
  /** The `=== … ===` header title, when the header was seen. */
  title: string | null;
  /** The `[STRESS TEST] … complete` line, or null when the block was recognised without it. */
  anchor: string | null;
  config: TestConfig;
  verdict: Verdict | null;
  cancelledAfterMs: number | null;
  metrics: RunMetrics;
  /** Summary lines not recognised above, by key as printed. */
  extra: Record<string, string>;
  shellLine: ShellLine | null;
}

export type CompareLayout = 'V0' | 'V2' | 'V4' | 'paired';

export interface ComparePair {
  name: string;
  key: string;
  off: number | null;
  on: number | null;
}

export interface InterventionCount {
  name: string;
  key: string;
  count: number;
  rate_per_sec?: number;
}

export interface InterventionSide {
  total: number;
  breakdown: InterventionCount[];
}

export type ImpactKind = 'improved' | 'worsened' | 'warning' | 'neutral';

export interface ImpactLine {
  kind: ImpactKind;
  text: string;
}

export interface PairedMetric {
  name: string;
  key: string;
  off_mean: number;
  on_mean: number;
  diff: number;
  ci95_low: number;
  ci95_high: number;
  significant: boolean;
}

export interface PairedStats {
  runs: number;
  seed_first: string;
  seed_last: string;
  metrics: PairedMetric[];
}

export interface ParsedCompare {
  layout: CompareLayout;
  title: string;
  /** V4 header `({N}s test)`. */
  testSeconds: number | null;
  metrics: ComparePair[];
  interventions: { off: InterventionSide | null; on: InterventionSide | null };
  impact: ImpactLine[];
  paired: PairedStats | null;
  /** Lines inside the block that were not understood, as `{side}:{name}` → value. */
  extra: Record<string, string>;
}

export interface ReportEntry {
  type: string;
  autonomy?: 'on' | 'off';
  duration_ms?: number;
  actions?: number;
  oom_events?: number;
  peak_pressure?: number;
}

export interface ParsedReport {
  /** V2 `(last 16)`; V3 `(last 5)` / `(all entries)`; V1 for the older `memory MAN dur=…` entries. */
  format: 'V1' | 'V2' | 'V3';
  title: string;
  scope: string | null;
  entries: ReportEntry[];
}

export type ChaosKind =
  | 'memory-spike'
  | 'memory-release'
  | 'autonomy-flip'
  | 'command-burst'
  | 'telemetry-storm'
  | 'hot-retrain'
  | 'deadline-pressure'
  | 'prediction-storm'
  | 'workload-spike'
  | 'memory-churn'
  | 'network-partition'
  | 'disk-io-stall'
  | 'recovery'
  | 'unknown';

/** The parenthesised size of a chaos event, e.g. `(91 allocs)` → `{ value: 91, unit: 'allocs' }`. */
export interface ChaosParam {
  value: number;
  unit: string;
}

export type ChaosOutcome =
  | { status: 'recovered' | 'ok'; us: number }
  | { status: 'failed'; us: number | null; reason: string | null };

export type ErrorKind = 'invalid-value' | 'missing-value' | 'unknown-flag' | 'other';

export interface ParsedError {
  kind: ErrorKind;
  message: string;
  flag: string | null;
  value: string | null;
  expected: string | null;
  suggestion: string | null;
}
