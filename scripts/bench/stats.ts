/** Median and spread of repeated measurements, so every figure shows the machine's noise. */
export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly runs: number;
}

export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0]!, max: sorted[sorted.length - 1]!, runs: sorted.length };
}

/** Runs `measure` `runs` times (after one warm-up) and returns the spread of its results. */
export async function repeat(runs: number, measure: () => number | Promise<number>): Promise<Spread> {
  await measure();
  const values: number[] = [];
  for (let i = 0; i < runs; i++) values.push(await measure());
  return spread(values);
}

/** `1234 (1200–1300, n=5)` with the given formatter. */
export function formatSpread(s: Spread, format: (x: number) => string): string {
  return `${format(s.median)} (${format(s.min)}–${format(s.max)}, n=${s.runs})`;
}
