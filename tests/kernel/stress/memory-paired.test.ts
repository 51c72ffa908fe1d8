import { describe, expect, test } from '@jest/globals';
import { kernelWithController } from '../autonomy/controller-rig.js';

interface Half {
  readonly peak: number;
  readonly avg: number;
  readonly oom: number;
}

const RUN_LINE =
  /^\[COMPARE\] run \d+\/\d+ seed=(\d+): off peakPressure=(\d+) avgPressure=(\d+) oomEvents=(\d+) \| on peakPressure=(\d+) avgPressure=(\d+) oomEvents=(\d+)$/gm;

/** `stresstest compare memory --runs N`: both halves of every seed, from the per-run progress lines. */
function pairedRuns(args: string, profile = 'report'): Array<{ seed: number; off: Half; on: Half }> {
  const { run } = kernelWithController({ profile });
  const out = run(`stresstest compare memory ${args}\r`);
  return [...out.matchAll(RUN_LINE)].map((m) => {
    const n = m.slice(1).map(Number);
    return { seed: n[0]!, off: { peak: n[1]!, avg: n[2]!, oom: n[3]! }, on: { peak: n[4]!, avg: n[5]!, oom: n[6]! } };
  });
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('stresstest memory: what the autonomy controller changes', () => {
  test('at 90 % target over 30 paired seeds, autonomy ON has fewer OOMs and a lower peak on average', () => {
    const runs = pairedRuns('--duration 3000 --target-pressure 90 --runs 30 --seed 1');
    expect(runs.map((r) => r.seed)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    const offOom = mean(runs.map((r) => r.off.oom));
    const onOom = mean(runs.map((r) => r.on.oom));
    const offPeak = mean(runs.map((r) => r.off.peak));
    const onPeak = mean(runs.map((r) => r.on.peak));
    expect(onOom).toBeLessThan(offOom);
    expect(onPeak).toBeLessThan(offPeak);
    // The fragmentation OOMs come before 100 % pressure.
    expect(runs.some((r) => r.off.oom > 0 && r.off.peak < 100)).toBe(true);
    // Results are the model's, not constants: they vary across seeds.
    for (const half of ['off', 'on'] as const) {
      expect(new Set(runs.map((r) => r[half].peak)).size).toBeGreaterThan(1);
      expect(new Set(runs.map((r) => r[half].avg)).size).toBeGreaterThan(1);
    }
    expect(new Set(runs.map((r) => r.off.oom)).size).toBeGreaterThan(1);
  });

  test('qemu profile, at its default 50 % target the controller has nothing to prevent: the halves agree', () => {
    const runs = pairedRuns('--duration 2000 --runs 5 --seed 1', 'qemu');
    expect(runs).toHaveLength(5);
    for (const r of runs) {
      expect(r.on.oom).toBe(0);
      expect(r.off.oom).toBe(0);
      expect(Math.abs(r.on.peak - r.off.peak)).toBeLessThanOrEqual(1);
    }
  });

  test('compare memory shows the V2 per-side lines and the controller interventions', () => {
    const { run } = kernelWithController();
    const out = run('stresstest compare memory --duration 3000 --target-pressure 90 --seed 3\r');
    expect(out).toMatch(/\nAutonomy OFF:\n {2}Peak pressure: \d+%\n {2}Avg pressure: \d+%\n {2}OOM events: \d+\n {2}Duration: 3000 ms\n {2}AI interventions: 0\n/);
    const on = /\nAutonomy ON:\n {2}Peak pressure: \d+%\n {2}Avg pressure: \d+%\n {2}OOM events: \d+\n {2}Duration: 3000 ms\n {2}AI interventions: (\d+)\n {4}- OOM preventions: (\d+)\n {4}- Memory predictions: (\d+)\n {4}- Proactive compactions: (\d+)\n/.exec(out);
    expect(on).not.toBeNull();
    const [total, preventions, predictions] = on!.slice(1).map(Number);
    expect(preventions).toBeGreaterThan(0);
    expect(predictions).toBeGreaterThan(0);
    expect(total).toBeGreaterThanOrEqual(preventions! + predictions!);
  });

  test('a rise of the average with autonomy ON is explained in one Impact line, and only then', () => {
    let rises = 0;
    for (const seed of [1, 2, 3, 4]) {
      const { run } = kernelWithController({ profile: 'report' });
      const out = run(`stresstest compare memory --target-pressure 90 --duration 10000 --seed ${seed}\r`);
      const avg = /Avg pressure (?:reduced|increased) by \d+% \((\d+)% -> (\d+)%\)|Avg pressure unchanged/.exec(out)!;
      const rose = avg[1] !== undefined && Number(avg[2]) > Number(avg[1]);
      const explained = out.match(/^ {2}\[!\] Avg pressure rises because .*$/gm) ?? [];
      expect(explained).toHaveLength(rose ? 1 : 0);
      if (rose) rises++;
    }
    expect(rises).toBeGreaterThan(0);
  });
});
