import type { ChaosEventEvent, ParsedResult, TestConfig, TestType } from '../../parser/index.js';
import { RingBuffer } from './ring-buffer.js';
import { SeriesSummary } from './series-summary.js';
import type { ChaosMark, LiveCounters, LiveLatency, LivePhase, LiveProgress, LiveTest } from './types.js';

export interface TestTrackerInit {
  testType: TestType | null;
  title: string | null;
  config: TestConfig;
  command: string | null;
  compareSide: 'off' | 'on' | null;
  seriesCapacity: number;
  chaosCapacity: number;
}

type CounterKey = keyof LiveCounters;

const COUNTER_METRICS: Record<string, CounterKey> = {
  stress_oom_events: 'oomEvents',
  stress_compactions: 'compactions',
  stress_events: 'events',
  stress_successes: 'successes',
  stress_failures: 'failures',
};

/** Mutable state of one test; every update is O(1), `view()` is O(capacity). */
export class TestTracker {
  phase: LivePhase = 'running';
  cancelledAfterMs: number | null = null;
  private pct: number | null = null;
  private elapsedMs: number | null = null;
  private durationMs: number | null = null;
  private readonly pressure: SeriesSummary;
  private targetPct: number | null = null;
  private readonly counters: LiveCounters = {
    oomEvents: null,
    compactions: null,
    events: null,
    successes: null,
    failures: null,
  };
  private readonly chaos: RingBuffer<ChaosMark>;
  private readonly tally = { total: 0, ok: 0, recovered: 0, failed: 0 };
  /** Timeline marks whose outcome no line gave (no --verbose), oldest first. */
  private readonly undecided: ChaosMark[] = [];
  private latency: LiveLatency | null = null;
  private episode: { current: number; lastReward: number | null } | null = null;

  constructor(readonly init: TestTrackerInit) {
    this.pressure = new SeriesSummary(init.seriesCapacity + (init.seriesCapacity % 2));
    this.chaos = new RingBuffer(init.chaosCapacity);
  }

  get testType(): TestType | null {
    return this.init.testType;
  }

  /** Applies a `stress_*` METRIC; false for names it does not know. */
  metric(name: string, value: number): boolean {
    switch (name) {
      case 'stress_progress_pct':
        this.pct = value;
        return true;
      case 'stress_elapsed_ms':
        this.elapsedMs = value;
        return true;
      case 'stress_duration_ms':
        this.durationMs = value;
        return true;
      case 'stress_pressure_pct':
        this.pressure.push(value);
        return true;
      case 'stress_target_pct':
        this.targetPct = value;
        return true;
    }
    const counter = COUNTER_METRICS[name];
    if (counter === undefined) return false;
    const before = this.counters[counter];
    this.counters[counter] = value;
    if (counter === 'successes' || counter === 'failures') this.decide(value - (before ?? 0), counter === 'successes' ? 'ok' : 'failed');
    return true;
  }

  chaosEvent(event: ChaosEventEvent): void {
    const outcome = event.outcome?.status ?? 'unknown';
    const mark: ChaosMark = { name: event.name, outcome };
    this.chaos.push(mark);
    this.tally.total += 1;
    if (outcome !== 'unknown') this.tally[outcome] += 1;
    else {
      this.undecided.push(mark);
      if (this.undecided.length > this.init.chaosCapacity) this.undecided.shift();
    }
  }

  /**
   * Without --verbose the kernel's METRIC counters still tell how many events since the last batch
   * succeeded and how many failed: the oldest undecided marks take those outcomes (which of the
   * batch failed is not known; successes are given first, as the counters arrive).
   */
  private decide(count: number, outcome: 'ok' | 'failed'): void {
    for (let i = 0; i < count && this.undecided.length > 0; i++) {
      this.undecided.shift()!.outcome = outcome;
      this.tally[outcome] += 1;
    }
  }

  /** `Episode {n}: reward={r}` ends episode n; without a reward (interrupted) it is not done. */
  episodeDone(episode: number, reward: number | null): boolean {
    if (reward === null) return false;
    this.episode = { current: episode + 1, lastReward: reward };
    return true;
  }

  finish(result: ParsedResult): void {
    this.phase = result.verdict === 'CANCELLED' || this.phase === 'cancelled' ? 'cancelled' : 'finished';
    this.cancelledAfterMs = result.cancelledAfterMs ?? this.cancelledAfterMs;
    const m = result.metrics;
    if (m.latency_p50_ns !== undefined || m.latency_p95_ns !== undefined || m.latency_p99_ns !== undefined) {
      this.latency = {
        kind: m.latency_kind ?? null,
        p50Ns: m.latency_p50_ns ?? null,
        p95Ns: m.latency_p95_ns ?? null,
        p99Ns: m.latency_p99_ns ?? null,
      };
    }
  }

  view(): LiveTest {
    const { init, tally } = this;
    const episodesTotal = init.config.episodes ?? null;
    const episodePct =
      this.episode && episodesTotal ? Math.min(100, Math.floor((this.episode.current * 100) / episodesTotal)) : null;
    const durationMs = this.durationMs ?? init.config.duration_ms ?? null;
    const pct = this.pct ?? episodePct;
    const fromChaos = tally.total > 0;
    const outcomes = tally.ok + tally.recovered + tally.failed > 0;
    return {
      testType: init.testType,
      title: init.title,
      config: init.config,
      command: init.command,
      compareSide: init.compareSide,
      phase: this.phase,
      cancelledAfterMs: this.cancelledAfterMs,
      progress: { pct, elapsedMs: this.elapsedMs, durationMs, etaMs: eta(this.pct, this.elapsedMs, durationMs) },
      pressure: {
        series: this.pressure.means(),
        samplesPerPoint: this.pressure.samplesPerBucket,
        samples: this.pressure.samples,
        targetPct: this.targetPct ?? init.config.target_pressure ?? null,
        lastPct: this.pressure.last,
        peakPct: this.pressure.max,
        minPct: this.pressure.min,
      },
      counters: {
        ...this.counters,
        events: this.counters.events ?? (fromChaos ? tally.total : null),
        successes: this.counters.successes ?? (outcomes ? tally.ok + tally.recovered : null),
        failures: this.counters.failures ?? (outcomes ? tally.failed : null),
      },
      chaos: { timeline: this.chaos.toArray().map((mark) => ({ ...mark })), ...tally },
      latency: this.latency,
      episodes: this.episode && { ...this.episode, total: episodesTotal },
    };
  }
}

function eta(pct: number | null, elapsedMs: number | null, durationMs: number | null): number | null {
  if (elapsedMs === null) return null;
  if (pct !== null && pct > 0) return pct >= 100 ? 0 : Math.round((elapsedMs * (100 - pct)) / pct);
  return durationMs === null ? null : Math.max(0, durationMs - elapsedMs);
}
