/** Two-sided 95 % Student-t quantiles t(0.975, df) for df 1..30, then 40, 60, 120, ∞. */
const T_975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

export function tQuantile975(df: number): number {
  if (df <= 30) return T_975[Math.max(1, df) - 1]!;
  if (df < 40) return 2.042;
  if (df < 60) return 2.021;
  if (df < 120) return 2.0;
  return 1.98;
}

export interface PairedDifference {
  meanOff: number;
  meanOn: number;
  /** mean(on − off) */
  diff: number;
  low: number;
  high: number;
  /** The 95 % interval of the mean difference excludes 0. */
  significant: boolean;
}

/** Mean paired difference with its 95 % t-interval. Needs at least two pairs. */
export function pairedDifference(off: readonly number[], on: readonly number[]): PairedDifference {
  const n = off.length;
  const diffs = off.map((value, i) => on[i]! - value);
  const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
  const diff = mean(diffs);
  const variance = diffs.reduce((sum, d) => sum + (d - diff) ** 2, 0) / (n - 1);
  const half = tQuantile975(n - 1) * Math.sqrt(variance / n);
  const low = diff - half;
  const high = diff + half;
  return { meanOff: mean(off), meanOn: mean(on), diff, low, high, significant: low > 0 || high < 0 };
}
