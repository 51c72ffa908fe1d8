import { describe, expect, test } from '@jest/globals';
import { pairedDifference, tQuantile975 } from '../../../kernel/stress/paired-stats.js';

describe('paired difference with a 95% t-interval', () => {
  test('hand-computed example', () => {
    // diffs = [-2, -4, -3, -5, -1]: mean -3, sample sd sqrt(2.5), se sqrt(0.5), t(4) = 2.776
    const result = pairedDifference([10, 12, 11, 15, 9], [8, 8, 8, 10, 8]);
    expect(result.meanOff).toBeCloseTo(11.4, 10);
    expect(result.meanOn).toBeCloseTo(8.4, 10);
    expect(result.diff).toBeCloseTo(-3, 10);
    const half = 2.776 * Math.sqrt(0.5);
    expect(result.low).toBeCloseTo(-3 - half, 10);
    expect(result.high).toBeCloseTo(-3 + half, 10);
    expect(result.significant).toBe(true);
  });

  test('an interval that contains 0 is not significant', () => {
    expect(pairedDifference([1, 2, 3], [2, 1, 3]).significant).toBe(false);
  });

  test('identical differences: zero-width interval, significant unless the difference is 0', () => {
    expect(pairedDifference([1, 1], [3, 3])).toEqual({ meanOff: 1, meanOn: 3, diff: 2, low: 2, high: 2, significant: true });
    expect(pairedDifference([1, 1], [1, 1]).significant).toBe(false);
  });

  test('t quantiles', () => {
    expect(tQuantile975(1)).toBe(12.706);
    expect(tQuantile975(29)).toBe(2.045);
    expect(tQuantile975(1000)).toBe(1.98);
  });
});
