import type { LiveCompareMetric, LiveCompareRuns } from './types.js';

const COMMAND = /^stresstest\s+compare\s+(\S+)(?=.*\s--runs[\s=]+(\d+)\b)/;
const RUN_LINE = /^\[COMPARE\] run (\d+)\/(\d+) seed=(\S+): off (.*?) \| on (.*)$/;
const FIGURE = /([A-Za-z_]\w*)=(-?\d+(?:\.\d+)?)/g;

/** Two-sided 95 % Student-t quantiles t(0.975, df) for df 1..30; beyond, the normal-ish tail. */
const T_975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

function tQuantile(df: number): number {
  if (df <= 30) return T_975[Math.max(1, df) - 1]!;
  return df < 40 ? 2.042 : df < 60 ? 2.021 : df < 120 ? 2.0 : 1.98;
}

function figures(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of text.matchAll(FIGURE)) out.set(m[1]!, Number(m[2]));
  return out;
}

/**
 * `stresstest compare TYPE --runs N` runs silently, printing one `[COMPARE] run k/N` line per
 * paired run: this folds those lines into the running means of each figure and the paired
 * difference's 95 % interval (as the kernel computes it at the end), narrowing run by run.
 */
export class CompareRunsTracker {
  private readonly pairs: Array<{ off: Map<string, number>; on: Map<string, number> }> = [];
  private readonly halfWidths = new Map<string, number[]>();
  private lastSeed: string | null = null;
  private runStartedMs: number;
  finished = false;

  private constructor(
    private readonly testType: string,
    private readonly runs: number,
    private readonly startedMs: number,
  ) {
    this.runStartedMs = startedMs;
  }

  /** A tracker when `command` is a compare with `--runs` above 1; null otherwise. */
  static fromCommand(command: string, nowMs: number): CompareRunsTracker | null {
    const m = COMMAND.exec(command.trim());
    const runs = m ? Number(m[2]) : 0;
    return m && runs > 1 ? new CompareRunsTracker(m[1]!, runs, nowMs) : null;
  }

  /** Applies a line of output; true when it was a run line. */
  line(text: string, nowMs: number): boolean {
    const m = RUN_LINE.exec(text.trim());
    if (!m) return false;
    const pair = { off: figures(m[4]!), on: figures(m[5]!) };
    this.pairs.push(pair);
    this.lastSeed = m[3]!;
    this.runStartedMs = nowMs;
    if (this.pairs.length >= 2) {
      for (const metric of this.metrics()) {
        const list = this.halfWidths.get(metric.key) ?? [];
        if (metric.high !== null && metric.low !== null) list.push((metric.high - metric.low) / 2);
        this.halfWidths.set(metric.key, list);
      }
    }
    return true;
  }

  private metrics(): LiveCompareMetric[] {
    const keys = this.pairs.length === 0 ? [] : [...this.pairs[0]!.off.keys()];
    const n = this.pairs.length;
    return keys.map((key) => {
      const off = this.pairs.map((p) => p.off.get(key) ?? 0);
      const on = this.pairs.map((p) => p.on.get(key) ?? 0);
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      const diffs = on.map((v, i) => v - off[i]!);
      const diff = mean(diffs);
      let low: number | null = null;
      let high: number | null = null;
      if (n >= 2) {
        const variance = diffs.reduce((sum, d) => sum + (d - diff) ** 2, 0) / (n - 1);
        const half = tQuantile(n - 1) * Math.sqrt(variance / n);
        low = diff - half;
        high = diff + half;
      }
      return { key, meanOff: mean(off), meanOn: mean(on), diff, low, high, halfWidths: [...(this.halfWidths.get(key) ?? [])] };
    });
  }

  view(): LiveCompareRuns {
    return {
      testType: this.testType,
      runs: this.runs,
      done: this.pairs.length,
      lastSeed: this.lastSeed,
      startedMs: this.startedMs,
      runStartedMs: this.runStartedMs,
      finished: this.finished,
      metrics: this.metrics(),
    };
  }
}
