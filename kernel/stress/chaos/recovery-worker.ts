import type { Prng } from '../../prng.js';
import type { RecoveryWorkProfile } from '../../profiles/index.js';

/**
 * The recovery workers of the `report` profile: after a fault (an event that recovered or failed)
 * a worker restores the subsystem — restarts an agent, reloads a checkpoint, rebuilds state — one
 * job at a time, jobs taken in arrival order, beside the chaos loop. A job's size class is drawn
 * with `rand_range(0,100)` against the profile's shares, then its service time with
 * `rand_range(min,max)`. A job that arrives while every worker is busy waits: bunched faults and
 * large jobs make the long tail.
 */
export class RecoveryWorker {
  private readonly freeAtUs: Float64Array;

  constructor(
    private readonly work: RecoveryWorkProfile,
    private readonly prng: Prng,
  ) {
    this.freeAtUs = new Float64Array(work.workers);
  }

  /** Queues the recovery of a fault that happened at `faultUs` and was handed over at `readyUs`; returns its latency, µs. */
  recover(faultUs: number, readyUs: number): number {
    const draw = this.prng.randRange(0, 100);
    let acc = 0;
    let size = this.work.sizes[this.work.sizes.length - 1]!;
    for (const s of this.work.sizes) {
      acc += s.pct;
      if (draw < acc) {
        size = s;
        break;
      }
    }
    const serviceUs = this.prng.randRange(size.minUs, size.maxUs);
    let w = 0;
    for (let i = 1; i < this.freeAtUs.length; i++) if (this.freeAtUs[i]! < this.freeAtUs[w]!) w = i;
    const startUs = Math.max(readyUs, this.freeAtUs[w]!);
    this.freeAtUs[w] = startUs + serviceUs;
    return startUs + serviceUs - faultUs;
  }
}
