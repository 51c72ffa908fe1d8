/**
 * A whole run's samples in at most `capacity` equal buckets (mean of each): while there is room each
 * sample is a bucket; when full, neighbours merge in pairs and each bucket then spans twice as
 * many samples. O(1) amortised per sample, O(capacity) memory however long the run.
 */
export class SeriesSummary {
  private sums: number[] = [];
  private counts: number[] = [];
  /** Samples per full bucket, a power of two. */
  private span = 1;
  private total = 0;
  private lowest: number | null = null;
  private highest: number | null = null;
  private latest: number | null = null;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 2 || capacity % 2 !== 0) throw new RangeError(`capacity must be an even integer >= 2: ${capacity}`);
  }

  push(value: number): void {
    this.total += 1;
    this.latest = value;
    if (this.lowest === null || value < this.lowest) this.lowest = value;
    if (this.highest === null || value > this.highest) this.highest = value;
    const last = this.counts.length - 1;
    if (last >= 0 && this.counts[last]! < this.span) {
      this.sums[last]! += value;
      this.counts[last]! += 1;
      return;
    }
    if (this.counts.length === this.capacity) this.halve();
    this.sums.push(value);
    this.counts.push(1);
  }

  private halve(): void {
    const sums: number[] = [];
    const counts: number[] = [];
    for (let i = 0; i < this.counts.length; i += 2) {
      sums.push(this.sums[i]! + (this.sums[i + 1] ?? 0));
      counts.push(this.counts[i]! + (this.counts[i + 1] ?? 0));
    }
    this.sums = sums;
    this.counts = counts;
    this.span *= 2;
  }

  /** Bucket means, oldest first; the last bucket may hold fewer than `span` samples. */
  means(): number[] {
    return this.sums.map((sum, i) => sum / this.counts[i]!);
  }

  get samplesPerBucket(): number {
    return this.span;
  }

  get samples(): number {
    return this.total;
  }

  get min(): number | null {
    return this.lowest;
  }

  get max(): number | null {
    return this.highest;
  }

  get last(): number | null {
    return this.latest;
  }
}
