/** Outcomes of the controller's pressure predictions, the newest 500 kept, for `autoctl status`. */
export class PredictionLog {
  static readonly CAPACITY = 500;
  private readonly hits = new Uint8Array(PredictionLog.CAPACITY);
  private next = 0;
  private size = 0;

  get count(): number {
    return this.size;
  }

  record(hit: boolean): void {
    this.hits[this.next] = hit ? 1 : 0;
    this.next = (this.next + 1) % PredictionLog.CAPACITY;
    if (this.size < PredictionLog.CAPACITY) this.size++;
  }

  /** floor(100 × hits / n) over the newest n = min(last, count) outcomes; undefined when there are none. */
  accuracyPct(last: number): number | undefined {
    const n = Math.min(last, this.size);
    if (n === 0) return undefined;
    let hits = 0;
    for (let i = 1; i <= n; i++) hits += this.hits[(this.next - i + PredictionLog.CAPACITY) % PredictionLog.CAPACITY]!;
    return Math.floor((hits * 100) / n);
  }

  /** Misses among the newest `last` outcomes. */
  recentMisses(last: number): number {
    const n = Math.min(last, this.size);
    let misses = 0;
    for (let i = 1; i <= n; i++) misses += 1 - this.hits[(this.next - i + PredictionLog.CAPACITY) % PredictionLog.CAPACITY]!;
    return misses;
  }

  clear(): void {
    this.next = 0;
    this.size = 0;
  }
}
