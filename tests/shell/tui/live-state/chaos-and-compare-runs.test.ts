import { describe, expect, test } from '@jest/globals';
import { createOutputParser } from '../../../../shell/parser/index.js';
import { createLiveStore, SeriesSummary } from '../../../../shell/tui/live-state/index.js';
import { createManualClock } from '../../../../uart/index.js';

function storeAfter(text: string) {
  const store = createLiveStore({ clock: createManualClock() });
  const parser = createOutputParser();
  for (const e of [...parser.push(new TextEncoder().encode(text)), ...parser.end()]) store.apply(e);
  return store;
}

const metrics = (events: number, successes: number, failures: number) =>
  `METRIC stress_events=${events}\nMETRIC stress_successes=${successes}\nMETRIC stress_failures=${failures}\n`;

// The model's output for `stresstest chaos --duration 400 --seed 3 --fail-rate 30` (no --verbose).
const CHAOS = [
  'sis> stresstest chaos --duration 400 --seed 3 --fail-rate 30',
  '',
  '=== Chaos Engineering Stress Test (Enhanced) ===',
  'Duration: 400 ms',
  'Failure Rate: 30%',
  'Seed: 3 (profile report)',
  '',
  '[CHAOS] Network partition (33ms)',
  'METRIC stress_progress_pct=28',
  metrics(1, 1, 0) + '[CHAOS] Command burst (21 cmds)',
  '[CHAOS] Prediction storm (31x)',
  'METRIC stress_progress_pct=75',
  metrics(3, 2, 1) + '[CHAOS] Deadline pressure (5205 cycles)',
  '',
].join('\n');

describe('the chaos timeline without --verbose', () => {
  test('each METRIC batch colours the events since the last one: successes, then failures', () => {
    const t = storeAfter(CHAOS).snapshot().test!;
    expect(t.chaos.timeline.map((m) => m.outcome)).toEqual(['ok', 'ok', 'failed', 'unknown']);
    expect(t.chaos).toMatchObject({ total: 4, ok: 2, failed: 1, recovered: 0 });
  });

  test('with outcome lines (--verbose) the counters change nothing', () => {
    const verbose = [
      'sis> stresstest chaos --verbose',
      '',
      '=== Chaos Engineering Stress Test (Enhanced) ===',
      'Duration: 400 ms',
      '',
      '[CHAOS] Command burst (21 cmds)',
      '  -> FAILED after 53413us (command rejected 3 times)',
      metrics(1, 0, 1) + '[CHAOS] Prediction storm (31x)',
      '  -> ok in 775us',
      metrics(2, 1, 1),
    ].join('\n');
    const t = storeAfter(verbose).snapshot().test!;
    expect(t.chaos.timeline.map((m) => m.outcome)).toEqual(['failed', 'ok']);
    expect(t.chaos).toMatchObject({ total: 2, ok: 1, failed: 1 });
  });
});

describe('compare --runs N', () => {
  const RUNS = [
    '[COMPARE] run 1/3 seed=1: off peakPressure=92 avgPressure=70 oomEvents=8 | on peakPressure=74 avgPressure=66 oomEvents=2',
    '[COMPARE] run 2/3 seed=2: off peakPressure=90 avgPressure=72 oomEvents=6 | on peakPressure=72 avgPressure=64 oomEvents=3',
    '[COMPARE] run 3/3 seed=3: off peakPressure=94 avgPressure=71 oomEvents=7 | on peakPressure=73 avgPressure=65 oomEvents=2',
  ];

  test('run lines give runs done, running means and the paired interval, narrowing', () => {
    const clock = createManualClock({ startMs: 1000 });
    const store = createLiveStore({ clock });
    const parser = createOutputParser();
    const feed = (text: string) => {
      for (const e of parser.push(new TextEncoder().encode(text))) store.apply(e);
    };
    feed('sis> stresstest compare memory --runs 3 --seed 1\n');
    expect(store.snapshot().compareRuns).toEqual({
      testType: 'memory',
      runs: 3,
      done: 0,
      lastSeed: null,
      startedMs: 1000,
      runStartedMs: 1000,
      finished: false,
      metrics: [],
    });
    clock.advance(20_000);
    feed(`${RUNS[0]}\n`);
    const one = store.snapshot().compareRuns!;
    expect(one).toMatchObject({ done: 1, lastSeed: '1', runStartedMs: 21_000 });
    expect(one.metrics[0]).toEqual({ key: 'peakPressure', meanOff: 92, meanOn: 74, diff: -18, low: null, high: null, halfWidths: [] });
    clock.advance(20_000);
    feed(`${RUNS[1]}\n${RUNS[2]}\n`);
    const peak = store.snapshot().compareRuns!.metrics[0]!;
    // Paired differences -18, -18, -21: mean -19, sd √3; t(0.975, 2) = 4.303; with 2 runs t(0.975, 1) = 12.706 and sd 0.
    expect(peak.meanOff).toBe(92);
    expect(peak.diff).toBe(-19);
    expect(peak.high! - peak.low!).toBeCloseTo(2 * 4.303 * Math.sqrt(3 / 3), 10);
    expect(peak.halfWidths).toEqual([0, expect.closeTo(4.303, 10)]);
    expect(store.snapshot().compareRuns!.metrics.map((m) => m.key)).toEqual(['peakPressure', 'avgPressure', 'oomEvents']);
    feed('\n=== Paired Comparison (3 runs, seeds 1..3) ===\n  Peak pressure (%): off=92.00 on=73.00 diff=-19.00 ci95=[-23.30,-14.70] significant\n\nsis> ');
    for (const e of parser.end()) store.apply(e);
    expect(store.snapshot().compareRuns).toBeNull();
  });

  test('a compare of one run, or another command, has no runs panel', () => {
    expect(storeAfter('sis> stresstest compare memory --seed 1\n').snapshot().compareRuns).toBeNull();
    expect(storeAfter('sis> stresstest compare memory --runs 1\n').snapshot().compareRuns).toBeNull();
    expect(storeAfter('sis> stresstest memory --runs 5\n').snapshot().compareRuns).toBeNull();
    expect(storeAfter('sis> stresstest compare chaos --runs=4\n').snapshot().compareRuns).toMatchObject({ testType: 'chaos', runs: 4 });
  });
});

describe('SeriesSummary', () => {
  test('keeps every sample while there is room, then merges neighbours in pairs', () => {
    const s = new SeriesSummary(4);
    for (const v of [10, 20, 30, 40]) s.push(v);
    expect(s.means()).toEqual([10, 20, 30, 40]);
    s.push(50);
    expect(s.means()).toEqual([15, 35, 50]);
    expect(s.samplesPerBucket).toBe(2);
    s.push(60);
    s.push(70);
    expect(s.means()).toEqual([15, 35, 55, 70]);
    expect({ min: s.min, max: s.max, last: s.last, samples: s.samples }).toEqual({ min: 10, max: 70, last: 70, samples: 7 });
  });
});
