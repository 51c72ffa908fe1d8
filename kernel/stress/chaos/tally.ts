import { LatencyHistogram } from '../../histogram.js';
import type { TestSummary } from '../types.js';
import type { ChaosEvent, OutcomeStatus } from './types.js';
import { chaosVerdict, successRatePct } from './verdict.js';

export interface ChaosSummaryOptions {
  readonly durationMs: number;
  readonly expectFailures: boolean;
  readonly verbose: boolean;
  readonly allocFailures: number;
}

/** Counts of one run: events, outcomes per kind, recovery latencies. */
export class ChaosTally {
  readonly recovery = new LatencyHistogram();
  events = 0;
  successes = 0;
  failures = 0;
  private readonly totals: Uint32Array;
  private readonly failed: Uint32Array;
  /** Kinds in the order they first occurred. */
  private readonly seen: number[] = [];

  constructor(private readonly kinds: readonly ChaosEvent[]) {
    this.totals = new Uint32Array(kinds.length);
    this.failed = new Uint32Array(kinds.length);
  }

  /** `latencyUs` undefined: the event is counted but adds no recovery latency. */
  record(kind: number, status: Exclude<OutcomeStatus, 'cancelled'>, latencyUs: number | undefined): void {
    if (this.totals[kind] === 0) this.seen.push(kind);
    this.totals[kind]!++;
    this.events++;
    if (status === 'failed') {
      this.failed[kind]!++;
      this.failures++;
    } else {
      this.successes++;
    }
    if (latencyUs !== undefined) this.recovery.record(latencyUs * 1000);
  }

  /** `    {Event name}: {failed}/{total}` per kind that occurred, in order of first occurrence. */
  breakdown(): string[] {
    return this.seen.map((k) => `    ${this.kinds[k]!.name}: ${this.failed[k]}/${this.totals[k]}`);
  }

  summary({ durationMs, expectFailures, verbose, allocFailures }: ChaosSummaryOptions): TestSummary {
    const successRate = successRatePct(this.successes, this.events);
    const { p50, p95, p99 } = this.recovery.report();
    return {
      title: 'Chaos engineering complete',
      fields: [
        ['Chaos Events', `${this.events}`],
        ['Successful Recoveries', `${this.successes}`],
        ['Failed Recoveries', `${this.failures}`],
        ['Success Rate', `${successRate}%`],
        ['Recovery Latency', `p50=${p50}ns p95=${p95}ns p99=${p99}ns`],
      ],
      status: chaosVerdict({ failures: this.failures, successRate, expectFailures }),
      tail: verbose ? ['  Failure breakdown:', ...this.breakdown()] : undefined,
      record: {
        durationMs,
        actions: this.events,
        oomEvents: allocFailures,
        figures: {
          events: this.events,
          successes: this.successes,
          failures: this.failures,
          successRate,
          recoveryP50Ns: p50,
          recoveryP99Ns: p99,
        },
      },
    };
  }
}
