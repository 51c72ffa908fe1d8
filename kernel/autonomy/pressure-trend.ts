import { confidence, POLICY, predictNext } from './policy.js';
import type { PredictionLog } from './prediction-log.js';

/**
 * The controller's view of heap pressure over its last ticks: the samples the trend is fitted
 * over, and the forecast of the previous tick, scored against each new sample.
 */
export class PressureTrend {
  private readonly history = new Float64Array(POLICY.historyTicks);
  private samples = 0;
  private expectedPct = Number.NaN;

  constructor(private readonly predictions: PredictionLog) {}

  /** Forgets the samples and the pending forecast. */
  reset(): void {
    this.samples = 0;
    this.expectedPct = Number.NaN;
  }

  /** Scores the pending forecast against `usedPct`, then keeps `usedPct` as the newest sample. */
  sample(usedPct: number): void {
    if (!Number.isNaN(this.expectedPct)) this.predictions.record(Math.abs(usedPct - this.expectedPct) <= POLICY.hitTolerancePct);
    this.expectedPct = Number.NaN;
    const h = this.history;
    if (this.samples < h.length) h[this.samples++] = usedPct;
    else {
      h.copyWithin(0, 1);
      h[h.length - 1] = usedPct;
    }
  }

  /** True once there is a trend (two samples). */
  get ready(): boolean {
    return this.samples >= 2;
  }

  /** The fitted line one tick ahead. */
  forecast(): number {
    return predictNext(this.history, this.samples);
  }

  /** What the next sample is expected to be (NaN: nothing to score). */
  expect(pct: number): void {
    this.expectedPct = pct;
  }

  confidence(): number {
    return confidence(this.samples, this.predictions.recentMisses(4));
  }
}
