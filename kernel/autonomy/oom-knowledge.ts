import { POLICY } from './policy.js';

/**
 * What the controller learns from watching OOMs: the heap pressures at which this session's
 * workloads ran out of memory. It observes whether autonomy is on or off (watching is no
 * intervention) and keeps the knowledge for the session; with autonomy on, the ceiling it implies
 * steers the workload.
 */
export class OomKnowledge {
  private sum = 0;
  private count = 0;

  /** `marginPct`: points below the mean OOM pressure the ceiling is kept; 0 turns the knowledge off. */
  constructor(private readonly marginPct: number) {}

  /** Takes the pressures the running workload posted and empties the list. */
  observe(pressures: number[]): void {
    for (const p of pressures) {
      this.sum += p;
      this.count++;
    }
    pressures.length = 0;
  }

  /** The pressure ceiling it implies; NaN until `POLICY.learnAfterOoms` OOMs were seen, or when off. */
  get ceilingPct(): number {
    if (this.count < POLICY.learnAfterOoms || this.marginPct <= 0) return Number.NaN;
    return Math.floor(this.sum / this.count - this.marginPct);
  }
}
