import type { ParsedCompare, ParsedResult, TestConfig, TestType } from '../../parser/index.js';

export type ChaosMarkOutcome = 'ok' | 'recovered' | 'failed' | 'unknown';

/**
 * One chaos event on the timeline. Without --verbose no outcome line follows: the event is
 * `unknown` until the next `stress_successes` / `stress_failures` METRIC counts it.
 */
export interface ChaosMark {
  name: string;
  outcome: ChaosMarkOutcome;
}

export interface LiveProgress {
  /** `stress_progress_pct`, or episodes done / episodes when only `Episode` lines come. */
  pct: number | null;
  elapsedMs: number | null;
  /** `stress_duration_ms`, else the header's duration. */
  durationMs: number | null;
  /** elapsed × (100 − pct) / pct; duration − elapsed while pct is 0. */
  etaMs: number | null;
}

export interface LivePressure {
  /**
   * The whole run so far, oldest first, evenly spaced: each point the mean of `samplesPerPoint`
   * samples (the last of fewer); at most the store's `seriesCapacity` points.
   */
  series: readonly number[];
  /** A power of two; it doubles whenever the run outgrows the capacity. */
  samplesPerPoint: number;
  /** `stress_pressure_pct` samples seen. */
  samples: number;
  /** `stress_target_pct`, else the header's target pressure. */
  targetPct: number | null;
  lastPct: number | null;
  /** The highest sample (not a mean). */
  peakPct: number | null;
  /** The lowest sample. */
  minPct: number | null;
}

/** METRIC counters; events/successes/failures fall back to the chaos tallies. Null when unseen. */
export interface LiveCounters {
  oomEvents: number | null;
  compactions: number | null;
  events: number | null;
  successes: number | null;
  failures: number | null;
}

export interface LiveChaos {
  /** The last `chaosCapacity` events, oldest first. */
  timeline: readonly ChaosMark[];
  total: number;
  ok: number;
  recovered: number;
  failed: number;
}

export interface LiveLatency {
  /** `alloc`, `recovery`, `command`, or the `[SUMMARY]` name. */
  kind: string | null;
  p50Ns: number | null;
  p95Ns: number | null;
  p99Ns: number | null;
}

export interface LiveEpisodes {
  current: number;
  total: number | null;
  lastReward: number | null;
}

export type LivePhase = 'running' | 'finished' | 'cancelled';

/** The test in progress (or just finished, until the prompt returns). */
export interface LiveTest {
  /** Null when the test was only seen through METRIC lines (no header). */
  testType: TestType | null;
  title: string | null;
  config: TestConfig;
  command: string | null;
  compareSide: 'off' | 'on' | null;
  phase: LivePhase;
  cancelledAfterMs: number | null;
  progress: LiveProgress;
  pressure: LivePressure;
  counters: LiveCounters;
  chaos: LiveChaos;
  latency: LiveLatency | null;
  episodes: LiveEpisodes | null;
}

export interface ResultEntry {
  /** 0, 1, 2, … over the session: entries dropped from the front keep their successors' ids. */
  id: number;
  result: ParsedResult;
  command: string | null;
  compareSide: 'off' | 'on' | null;
}

export interface CompareEntry {
  id: number;
  compare: ParsedCompare;
  command: string | null;
}

/** One figure of a `compare --runs N` so far: means of each side and the paired difference (on − off). */
export interface LiveCompareMetric {
  key: string;
  meanOff: number;
  meanOn: number;
  diff: number;
  /** The difference's 95 % t-interval; null before the second run. */
  low: number | null;
  high: number | null;
  /** The interval's half-width after run 2, 3, …: how it narrowed. */
  halfWidths: readonly number[];
}

/** A `stresstest compare TYPE --runs N` in progress, from its `[COMPARE] run k/N` lines. */
export interface LiveCompareRuns {
  testType: string;
  runs: number;
  /** Runs finished. */
  done: number;
  lastSeed: string | null;
  /** Wall ms (the store's clock) when the command was echoed, and when the current run began. */
  startedMs: number;
  runStartedMs: number;
  /** The paired comparison block has arrived. */
  finished: boolean;
  metrics: readonly LiveCompareMetric[];
}

export interface LiveSnapshot {
  /** Increases with every published snapshot. */
  version: number;
  /** Autonomy as last seen on the stream; null until something shows it. */
  autonomy: boolean | null;
  /** The command echoed since the last prompt. */
  command: string | null;
  test: LiveTest | null;
  /** A `compare --runs N` in progress (its runs print no test output); null otherwise. */
  compareRuns: LiveCompareRuns | null;
  /** The last `resultCapacity` results, oldest first; `results.at(-1).id + 1` were seen in all. */
  results: readonly ResultEntry[];
  compares: readonly CompareEntry[];
}
