export interface AutonomySnapshot {
  readonly proactiveCompactions: number;
  readonly preemptiveOomPreventions: number;
  readonly memoryPressurePredictions: number;
  readonly deadlineAdjustments: number;
  readonly priorityBoosts: number;
  readonly workloadRebalancing: number;
  readonly policyUpdates: number;
  readonly explorationActions: number;
  readonly exploitationActions: number;
  readonly totalInterventions: number;
  readonly interventionSuccessCount: number;
}

export type AutonomyCounterKey = keyof AutonomySnapshot;

/** The 11 counters in the kernel's declaration order, with display labels. */
export const AUTONOMY_COUNTER_LABELS: readonly (readonly [AutonomyCounterKey, string])[] = Object.freeze([
  Object.freeze(['proactiveCompactions', 'Proactive compactions'] as const),
  Object.freeze(['preemptiveOomPreventions', 'OOM preventions'] as const),
  Object.freeze(['memoryPressurePredictions', 'Memory predictions'] as const),
  Object.freeze(['deadlineAdjustments', 'Deadline adjustments'] as const),
  Object.freeze(['priorityBoosts', 'Priority boosts'] as const),
  Object.freeze(['workloadRebalancing', 'Workload rebalancing'] as const),
  Object.freeze(['policyUpdates', 'Policy updates'] as const),
  Object.freeze(['explorationActions', 'Exploration actions'] as const),
  Object.freeze(['exploitationActions', 'Exploitation actions'] as const),
  Object.freeze(['totalInterventions', 'Total interventions'] as const),
  Object.freeze(['interventionSuccessCount', 'Successful interventions'] as const),
]);

const PROACTIVE = 0;
const OOM = 1;
const PREDICTION = 2;
const DEADLINE = 3;
const BOOST = 4;
const REBALANCE = 5;
const POLICY = 6;
const EXPLORATION = 7;
const EXPLOITATION = 8;
const TOTAL = 9;
const SUCCESS = 10;

/** Intervention counters of the autonomy layer. Counters are u32 and wrap like the kernel's atomics. */
export class AutonomyMetrics {
  private readonly counters = new Uint32Array(AUTONOMY_COUNTER_LABELS.length);
  private latencySumNs = 0;
  private readonly latencyCount = new Uint32Array(1);

  recordProactiveCompaction(): void {
    this.intervention(PROACTIVE);
  }
  recordOomPrevention(): void {
    this.intervention(OOM);
  }
  recordMemoryPrediction(): void {
    this.intervention(PREDICTION);
  }
  recordDeadlineAdjustment(): void {
    this.intervention(DEADLINE);
  }
  recordPriorityBoost(): void {
    this.intervention(BOOST);
  }
  recordWorkloadRebalancing(): void {
    this.intervention(REBALANCE);
  }
  recordPolicyUpdate(): void {
    this.intervention(POLICY);
  }
  recordExploration(): void {
    this.intervention(EXPLORATION);
  }
  recordExploitation(): void {
    this.intervention(EXPLOITATION);
  }

  recordSuccess(): void {
    this.counters[SUCCESS] = (this.counters[SUCCESS] ?? 0) + 1;
  }

  recordLatency(ns: number): void {
    if (!(ns >= 0 && Number.isSafeInteger(ns))) throw new RangeError(`latency must be a non-negative integer of ns, got ${ns}`);
    this.latencySumNs += ns;
    this.latencyCount[0] = (this.latencyCount[0] ?? 0) + 1;
  }

  get interventionLatencySumNs(): number {
    return this.latencySumNs;
  }

  get interventionLatencyCount(): number {
    return this.latencyCount[0]!;
  }

  snapshot(): AutonomySnapshot {
    const out: Record<string, number> = {};
    AUTONOMY_COUNTER_LABELS.forEach(([key], i) => {
      out[key] = this.counters[i]!;
    });
    return Object.freeze(out as unknown as AutonomySnapshot);
  }

  reset(): void {
    this.counters.fill(0);
    this.latencySumNs = 0;
    this.latencyCount[0] = 0;
  }

  /** min(100, floor(success × 100 / total)), 0 when nothing was recorded. */
  successRatePct(): number {
    const total = this.counters[TOTAL]!;
    if (total === 0) return 0;
    return Math.min(100, Math.floor((this.counters[SUCCESS]! * 100) / total));
  }

  /** floor(sum / count) in ns, 0 when nothing was recorded. */
  avgLatencyNs(): number {
    const count = this.latencyCount[0]!;
    return count === 0 ? 0 : Math.floor(this.latencySumNs / count);
  }

  private intervention(index: number): void {
    this.counters[index] = (this.counters[index] ?? 0) + 1;
    this.counters[TOTAL] = (this.counters[TOTAL] ?? 0) + 1;
  }
}
