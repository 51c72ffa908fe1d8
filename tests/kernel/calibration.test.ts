import { describe, expect, test } from '@jest/globals';
import { figures, measureProfile, runOnce } from '../../scripts/calibrate/measure.js';
import { ROWS } from '../../scripts/calibrate/rows.js';
import { pairedDifference } from '../../kernel/stress/paired-stats.js';

/** Fixed seeds 1..30: the figures are a pure function of them, so this cannot flake. */
const SEEDS = 30;

describe.each(['report', 'qemu'])('calibration profile %s', (profile) => {
  test('every row: the model mean over 30 seeds lies in the reference range, and runs vary', () => {
    for (const r of measureProfile(profile, ROWS[profile]!, SEEDS)) {
      expect({ row: r.row.label, mean: r.mean, inside: r.inside }).toEqual({ row: r.row.label, mean: r.mean, inside: true });
      expect(r.values.every(Number.isFinite)).toBe(true);
    }
  });
});

describe('compare memory (report profile): autonomy improves peak and OOMs significantly', () => {
  test('paired 95 % intervals of ON - OFF exclude zero', () => {
    const pairs = Array.from({ length: SEEDS }, (_, i) => figures(runOnce('report', 'stresstest compare memory --duration 20000', i + 1)));
    for (const key of ['Peak pressure', 'OOM events']) {
      const d = pairedDifference(pairs.map((f) => f.get(`OFF ${key}`)!), pairs.map((f) => f.get(`ON ${key}`)!));
      expect(d.high).toBeLessThan(0);
      expect(d.significant).toBe(true);
    }
  });
});

describe('stresstest commands verdict (more than 5 % deadline misses FAIL)', () => {
  const verdicts = (rate: number) =>
    Array.from({ length: 20 }, (_, i) => /Status: (PASS|FAIL)/.exec(runOnce('report', `stresstest commands --duration 100 --rate ${rate}`, i + 1))![1]);
  test('help stresstest states the share', () => {
    expect(runOnce('report', 'help stresstest', 1)).toContain('FAIL when more than 5% of the commands miss their deadline (one interval)');
  });

  test('the default rate passes, an overload fails, near the limit seeds show both', () => {
    expect(new Set(verdicts(50))).toEqual(new Set(['PASS']));
    expect(new Set(verdicts(100000))).toEqual(new Set(['FAIL']));
    expect(new Set(verdicts(52000))).toEqual(new Set(['PASS', 'FAIL']));
  });
});

describe('compare halves are paired exactly', () => {
  test.each(['report', 'qemu'])('profile %s: the OFF half is byte-identical to a plain autonomy-off run with the same seed', (profile) => {
    for (const seed of [3, 11]) {
      const compare = runOnce(profile, 'stresstest compare memory --duration 3000', seed);
      const start = compare.indexOf('\n=== Memory');
      const end = compare.indexOf('\n[COMPARE] Running with autonomy ENABLED');
      const plain = runOnce(profile, 'autoctl off\rmetricsctl off\rstresstest memory --duration 3000', seed);
      const plainRun = plain.slice(plain.indexOf('\n=== Memory'), plain.indexOf('\n[STRESSTEST]'));
      expect(compare.slice(start, end)).toBe(plainRun);
    }
  });
});
