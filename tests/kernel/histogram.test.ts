import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { LatencyHistogram, nearestRank } from '../../kernel/histogram.js';

/** Nearest rank in exact rational arithmetic: p is taken as the decimal it was written as. */
function exactRank(p: number, count: number): number {
  const [whole, frac = ''] = String(p).split('.');
  const scale = 10n ** BigInt(frac.length);
  const numerator = BigInt(whole! + frac) * BigInt(count);
  const denominator = 100n * scale;
  const rank = (numerator + denominator - 1n) / denominator;
  return Math.max(1, Number(rank));
}

function exactNearestRank(sorted: readonly number[], p: number): number {
  return sorted[exactRank(p, sorted.length) - 1]!;
}

function filled(values: readonly number[]): LatencyHistogram {
  const h = new LatencyHistogram();
  for (const v of values) h.record(v);
  return h;
}

/** Integers spread evenly over the powers of two from 1 to 1e11. */
const logUniformValue = fc
  .tuple(fc.integer({ min: 0, max: 36 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }))
  .map(([e, m]) => Math.min(1e11, 2 ** e + Math.floor((m / 2 ** 31) * 2 ** e)));
const sampleValue = fc.oneof(logUniformValue, fc.constantFrom(1, 127, 128, 255, 256, 1e11), fc.integer({ min: 1, max: 2000 }));

describe('LatencyHistogram', () => {
  test('an empty histogram reports zeros', () => {
    const h = new LatencyHistogram();
    expect(h.count).toBe(0);
    expect(h.percentile(50)).toBe(0);
    expect(h.report()).toEqual({ p50: 0, p95: 0, p99: 0, min: 0, max: 0, avg: 0, count: 0 });
  });

  test('a single value is reported exactly', () => {
    const h = filled([1_234_567]);
    expect(h.report()).toEqual({ p50: 1_234_567, p95: 1_234_567, p99: 1_234_567, min: 1_234_567, max: 1_234_567, avg: 1_234_567, count: 1 });
  });

  test('zero is recorded as zero', () => {
    const h = filled([0, 0, 0]);
    expect(h.report()).toEqual({ p50: 0, p95: 0, p99: 0, min: 0, max: 0, avg: 0, count: 3 });
    h.record(5000);
    expect(h.percentile(75)).toBe(0);
    expect(h.percentile(76)).toBe(5000);
  });

  test('values below 256 are exact and percentiles use the nearest rank', () => {
    const h = filled(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(h.report()).toEqual({ p50: 50, p95: 95, p99: 99, min: 1, max: 100, avg: 50, count: 100 });
    const q = filled([10, 20, 30, 40]);
    expect([q.percentile(0), q.percentile(25), q.percentile(50), q.percentile(75), q.percentile(76), q.percentile(100)]).toEqual([
      10, 10, 20, 30, 40, 40,
    ]);
    expect(filled([255, 254, 200]).percentile(50)).toBe(254);
  });

  test('the rank is exact for decimal percentiles', () => {
    expect([nearestRank(99.9, 41_000), nearestRank(99.9, 1000), nearestRank(50, 1), nearestRank(0, 10), nearestRank(100, 7)]).toEqual([
      40_959, 999, 1, 1, 7,
    ]);
    fc.assert(
      fc.property(fc.constantFrom(50, 90, 95, 99, 99.9, 99.99, 12.5, 0.1), fc.integer({ min: 1, max: 1e9 }), (p, count) => {
        expect(nearestRank(p, count)).toBe(exactRank(p, count));
      }),
      { numRuns: 2000 },
    );
  });

  test('a larger value is reported as the mid-point of its bucket', () => {
    // 1000 = 2^9 * (1 + 122/128): bucket [1000, 1004), mid-point 1002.
    const h = filled([1, 1000, 1003, 1e9]);
    expect(h.percentile(50)).toBe(1002);
    expect(h.percentile(75)).toBe(1002);
    expect(h.percentile(100)).toBe(1e9);
  });

  test('values above the top are clamped into the top bucket but max stays exact', () => {
    const h = new LatencyHistogram({ highestNs: 1000 });
    for (const v of [1000, 1e6, 1e9]) h.record(v);
    expect(h.report()).toEqual({ p50: 1002, p95: 1002, p99: 1002, min: 1000, max: 1e9, avg: 333_667_000, count: 3 });
  });

  test('avg is the floored mean and stays exact beyond 2^53', () => {
    expect(filled([1, 2]).report().avg).toBe(1);
    const h = new LatencyHistogram();
    for (let i = 0; i < 100_000; i++) h.record(1e11);
    h.record(3);
    // sum = 1e16 + 3 > 2^53; floor((1e16 + 3) / 100001) = 99999000009
    expect(h.report().avg).toBe(99_999_000_009);
    expect(h.report().max).toBe(1e11);
    expect(h.report().min).toBe(3);
  });

  test('reset empties the histogram', () => {
    const h = filled([5, 6e9, 7]);
    h.reset();
    expect(h.report()).toEqual({ p50: 0, p95: 0, p99: 0, min: 0, max: 0, avg: 0, count: 0 });
    h.record(42);
    expect(h.report()).toEqual({ p50: 42, p95: 42, p99: 42, min: 42, max: 42, avg: 42, count: 1 });
  });

  test('bad input is rejected', () => {
    const h = new LatencyHistogram();
    expect(() => h.record(-1)).toThrow(RangeError);
    expect(() => h.record(Number.NaN)).toThrow(RangeError);
    expect(() => h.record(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => h.percentile(101)).toThrow(RangeError);
    expect(() => new LatencyHistogram({ highestNs: 0 })).toThrow(RangeError);
    expect(h.count).toBe(0);
  });

  test('p50/p95/p99 are within 1 % of the exact nearest-rank percentiles (1000 runs)', () => {
    fc.assert(
      fc.property(fc.array(sampleValue, { minLength: 1, maxLength: 400 }), (values) => {
        const h = filled(values);
        const sorted = [...values].sort((a, b) => a - b);
        const report = h.report();
        for (const [p, got] of [[50, report.p50], [95, report.p95], [99, report.p99]] as const) {
          const exact = exactNearestRank(sorted, p);
          expect(Math.abs(got - exact)).toBeLessThanOrEqual(exact * 0.01);
        }
        expect(report.min).toBe(sorted[0]);
        expect(report.max).toBe(sorted[sorted.length - 1]);
        expect(report.count).toBe(values.length);
      }),
      { numRuns: 1000 },
    );
  });

  test('any percentile is within 1 % of the exact one, zeros included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(sampleValue, fc.constant(0)), { minLength: 1, maxLength: 200 }),
        fc.integer({ min: 0, max: 10_000 }).map((x) => x / 100),
        (values, p) => {
          const sorted = [...values].sort((a, b) => a - b);
          const exact = exactNearestRank(sorted, p);
          expect(Math.abs(filled(values).percentile(p) - exact)).toBeLessThanOrEqual(exact * 0.01);
        },
      ),
      { numRuns: 500 },
    );
  });
});
