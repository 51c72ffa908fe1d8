import { describe, expect, test } from '@jest/globals';
import { compareKeyMetrics, runKeyMetrics } from '../../../shell/results/history/index.js';
import { formatNs, formatSignedNs, type CompareRecord, type TestRun } from '../../../shell/results/index.js';
import { formatNs as viewsFormatNs } from '../../../shell/tui/views/index.js';

describe('one duration format', () => {
  test('three significant digits from ns to s', () => {
    expect([812, 2400, 5120, 97_000, 45_210_000, 75_235_328, 120_000_000, 1_500_000_000, 0].map(formatNs)).toEqual([
      '812ns',
      '2.40µs',
      '5.12µs',
      '97.0µs',
      '45.2ms',
      '75.2ms',
      '120ms',
      '1.50s',
      '0ns',
    ]);
    expect([999_600, -2400, 4_200_000_000_000].map(formatNs)).toEqual(['1.00ms', '-2.40µs', '4200s']);
    expect([1_200_000, -450, 0].map(formatSignedNs)).toEqual(['+1.20ms', '-450ns', '0ns']);
  });

  test('the cards and the text outputs use the same function', () => {
    expect(viewsFormatNs).toBe(formatNs);
  });

  const run = (metrics: TestRun['metrics'], cancelled: number | null = null): TestRun =>
    ({ index: 0, type: 'memory', verdict: 'PASS', config: { extra: {} }, metrics, cancelled_after_ms: cancelled, compare: null }) as unknown as TestRun;

  test('run, parse and history key metrics: latency as cards show it', () => {
    expect(runKeyMetrics(run({ peak_pressure: 54, latency_p99_ns: 75_235_328 }))).toBe('peak=54% p99=75.2ms');
    expect(runKeyMetrics(run({ commands_sent: 20, latency_p99_ns: 97_000 }))).toBe('sent=20 p99=97.0µs');
    expect(runKeyMetrics(run({ oom_events: 0 }, 830))).toBe('oom=0 cancelled_after=830ms');
  });

  const compare = (change: Partial<CompareRecord>): CompareRecord => ({
    index: 0,
    type: 'chaos',
    layout: 'V4',
    command: null,
    runs: { off: [], on: [] },
    test_seconds: null,
    metrics: [],
    interventions: { off: null, on: null },
    impact: [],
    paired: null,
    extra: {},
    ...change,
  }) as CompareRecord;

  test('compare key metrics: nanosecond pairs and paired differences formatted, others as printed', () => {
    const pairs = compare({
      metrics: [
        { name: 'Chaos events', key: 'chaos_events', off: 10, on: 10 },
        { name: 'Success rate', key: 'success_rate', off: 90, on: 100 },
        { name: 'Recovery p99', key: 'recovery_p99_ns', off: 378_526_000, on: 64_400_000 },
      ],
    });
    expect(compareKeyMetrics(pairs)).toBe('chaos_events 10->10 success_rate 90->100 recovery_p99_ns 379ms->64.4ms');
    const paired = compare({
      paired: {
        runs: 3,
        seed_first: '1',
        seed_last: '3',
        metrics: [
          { name: 'Success rate (%)', key: 'success_rate', off_mean: 90, on_mean: 100, diff: 10, ci95_low: 1, ci95_high: 19, significant: true },
          { name: 'Recovery p99 (ns)', key: 'recovery_p99_ns', off_mean: 70e6, on_mean: 64.4e6, diff: -5.6e6, ci95_low: -9e6, ci95_high: -1e6, significant: true },
        ],
      },
    } as Partial<CompareRecord>);
    expect(compareKeyMetrics(paired)).toBe('runs=3 success_rate diff=10.00 (significant) recovery_p99_ns diff=-5.60ms (significant)');
  });
});
