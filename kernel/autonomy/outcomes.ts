import type { AutonomyMetrics } from './metrics.js';

/** The measure an action tried to lower. */
export const MEMORY_RISK = 0;
export const DEADLINE_MISSES = 1;
export const QUEUE_GAP = 2;
export type Measure = typeof MEMORY_RISK | typeof DEADLINE_MISSES | typeof QUEUE_GAP;

const CAPACITY = 8;

/**
 * Actions awaiting their outcome: an action succeeded when, at the next tick, the measure it acted
 * on is below the value it was taken at (or the bound it promised to stay under).
 */
export class PendingOutcomes {
  private readonly kind = new Uint8Array(CAPACITY);
  private readonly below = new Float64Array(CAPACITY);
  private count = 0;

  expect(measure: Measure, below: number): void {
    if (this.count === CAPACITY) return;
    this.kind[this.count] = measure;
    this.below[this.count++] = below;
  }

  /** Records a success for every pending action whose measure went down, then forgets them all. */
  settle(metrics: AutonomyMetrics, memoryRisk: number, deadlineMisses: number, queueGap: number): void {
    for (let i = 0; i < this.count; i++) {
      const k = this.kind[i]!;
      const now = k === MEMORY_RISK ? memoryRisk : k === DEADLINE_MISSES ? deadlineMisses : queueGap;
      if (now < this.below[i]!) metrics.recordSuccess();
    }
    this.count = 0;
  }

  clear(): void {
    this.count = 0;
  }
}
