import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createOutputParser, type ParserEvent } from '../../../../shell/parser/index.js';
import { createLiveStore, type LiveSnapshot, type LiveStoreOptions } from '../../../../shell/tui/live-state/index.js';

const FIXTURES = fileURLToPath(new URL('../../../fixtures/conformance/', import.meta.url));

function parse(text: string | Buffer): ParserEvent[] {
  const parser = createOutputParser();
  const bytes = typeof text === 'string' ? Buffer.from(text, 'latin1') : text;
  return [...parser.push(new Uint8Array(bytes)), ...parser.end()];
}

const fixture = (name: string) => parse(readFileSync(FIXTURES + name));

/** Snapshots taken just before each event matching `at` (and one at the end). */
function replay(events: ParserEvent[], at: (e: ParserEvent) => boolean, options: LiveStoreOptions = {}): LiveSnapshot[] {
  const store = createLiveStore(options);
  const shots: LiveSnapshot[] = [];
  for (const e of events) {
    if (at(e)) shots.push(store.snapshot());
    store.apply(e);
  }
  shots.push(store.snapshot());
  return shots;
}

const isType = (type: ParserEvent['type']) => (e: ParserEvent) => e.type === type;

describe('the model fixtures', () => {
  test('memory run with a METRIC batch, then a commands run', () => {
    const [beforeResult, beforeSecondResult, end] = replay(fixture('model-memory-commands.txt'), isType('result'));
    expect(beforeResult!.command).toBe('stresstest memory --duration 2000 --oom-probability 2 --seed 42');
    expect(beforeResult!.test).toEqual({
      testType: 'memory',
      title: 'Memory Stress Test (Enhanced)',
      config: {
        duration_ms: 2000,
        target_pressure: 50,
        noise_level: 10,
        oom_probability: 2,
        seed: '42',
        extra: {},
      },
      command: 'stresstest memory --duration 2000 --oom-probability 2 --seed 42',
      compareSide: null,
      phase: 'running',
      cancelledAfterMs: null,
      progress: { pct: 50, elapsedMs: 1000, durationMs: 2000, etaMs: 1000 },
      pressure: { series: [51], samplesPerPoint: 1, samples: 1, targetPct: 50, lastPct: 51, peakPct: 51, minPct: 51 },
      counters: { oomEvents: 1, compactions: 0, events: 0, successes: 0, failures: 0 },
      chaos: { timeline: [], total: 0, ok: 0, recovered: 0, failed: 0 },
      latency: null,
      episodes: null,
    });
    expect(beforeSecondResult!.test).toMatchObject({
      testType: 'commands',
      title: 'Command Flood Stress Test',
      config: { duration_ms: 1000, rate: 20, seed: '7' },
      progress: { pct: null, elapsedMs: null, durationMs: 1000, etaMs: null },
      pressure: { series: [], targetPct: null, lastPct: null, peakPct: null },
      counters: { oomEvents: null, compactions: null, events: null, successes: null, failures: null },
    });
    expect(end!.test).toBeNull();
    expect(end!.command).toBeNull();
    expect(end!.results.map((r) => [r.id, r.result.testType, r.result.verdict, r.command])).toEqual([
      [0, 'memory', 'PASS', 'stresstest memory --duration 2000 --oom-probability 2 --seed 42'],
      [1, 'commands', 'PASS', 'stresstest commands --duration 1000 --rate 20'],
    ]);
  });

  test('a finished test keeps its latency until the prompt returns', () => {
    const [afterResult] = replay(fixture('model-memory-commands.txt'), (e) => e.type === 'stresstest-line');
    expect(afterResult!.test?.phase).toBe('finished');
    expect(afterResult!.test?.latency).toEqual({ kind: 'alloc', p50Ns: 812, p95Ns: 2403, p99Ns: 5120 });
  });

  test('verbose chaos: timeline by outcome, counters from the tallies', () => {
    const [before, beforeQuiet] = replay(fixture('model-chaos-verbose.txt'), isType('result'));
    const t = before!.test!;
    expect(t.chaos).toEqual({
      timeline: [
        { name: 'Memory spike', outcome: 'recovered' },
        { name: 'Network partition', outcome: 'failed' },
        { name: 'Recovery', outcome: 'ok' },
        { name: 'Command burst', outcome: 'failed' },
        { name: 'Disk I/O stall', outcome: 'recovered' },
        { name: 'Telemetry storm', outcome: 'ok' },
        { name: 'Command burst', outcome: 'recovered' },
      ],
      total: 7,
      ok: 2,
      recovered: 3,
      failed: 2,
    });
    expect(t.counters).toEqual({ oomEvents: null, compactions: null, events: 7, successes: 5, failures: 2 });
    expect(t.config).toMatchObject({ duration_ms: 300, fail_rate: 40, seed: '9' });
    expect(t.progress).toEqual({ pct: null, elapsedMs: null, durationMs: 300, etaMs: null });
    expect(beforeQuiet!.test?.chaos.total).toBe(0);
    expect(beforeQuiet!.test?.config.expect_failures).toBe(true);
  });

  test('cancel: episodes give progress, the cancelled phase holds through the result', () => {
    const events = fixture('model-cancel.txt');
    const [beforeCancel, beforeMemoryCancel] = replay(events, isType('test-cancelled'));
    expect(beforeCancel!.test).toMatchObject({
      testType: 'learning',
      phase: 'running',
      episodes: { current: 2, total: 5, lastReward: 1040 },
      progress: { pct: 40, elapsedMs: null, durationMs: null, etaMs: null },
    });
    expect(beforeMemoryCancel!.results.map((r) => r.result.verdict)).toEqual(['CANCELLED']);
    const shots = replay(events, isType('prompt'));
    const beforeLastPrompt = shots[shots.length - 2]!;
    expect(beforeLastPrompt.test).toMatchObject({
      testType: 'memory',
      phase: 'cancelled',
      cancelledAfterMs: 830,
      latency: { kind: 'alloc', p50Ns: 790, p95Ns: 2210, p99Ns: 4480 },
    });
  });

  test('compare: halves carry their side, autonomy follows the phases', () => {
    const events = fixture('model-compare.txt');
    const phases = replay(events, isType('test-start'));
    expect(phases.slice(0, 2).map((s) => s.autonomy)).toEqual([false, true]);
    const [beforeCompare, , end] = replay(events, isType('compare'));
    expect(beforeCompare!.results.map((r) => r.compareSide)).toEqual(['off', 'on']);
    expect(end!.compares.map((c) => [c.id, c.compare.layout, c.command])).toEqual([
      [0, 'V2', 'stresstest compare memory --duration 1000 --seed 77'],
      [1, 'V2', 'stresstest compare multi --duration 500'],
    ]);
    expect(end!.autonomy).toBeNull();
    expect(end!.results.map((r) => r.compareSide)).toEqual(['off', 'on', 'off', 'on']);
  });

  test('paired compare: four halves and one paired compare', () => {
    const end = replay(fixture('model-compare-paired.txt'), () => false)[0]!;
    expect(end.results.map((r) => `${r.compareSide}:${r.result.config.seed}`)).toEqual([
      'off:100',
      'on:100',
      'off:101',
      'on:101',
    ]);
    expect(end.compares[0]!.compare.paired?.metrics.map((m) => m.significant)).toEqual([false, false, true]);
  });

  test('autonomy from [AUTOCTL] lines and the status block', () => {
    const events = fixture('model-glued.txt');
    const [beforeBootLine, beforeStatus] = replay(events, (e) => e.type === 'autoctl' || e.type === 'autoctl-status');
    expect(beforeBootLine!.autonomy).toBeNull();
    expect(beforeStatus!.autonomy).toBe(true);
    const end = replay(events, () => false)[0]!;
    expect(end.autonomy).toBe(true);
    expect(end.results.map((r) => r.result.testType)).toEqual(['redteam']);
  });
});

describe('hand-written streams', () => {
  const metrics = (pairs: Array<[string, number]>) => pairs.map(([n, v]) => `METRIC ${n}=${v}\n`).join('');

  test('METRIC lines without a header start an anonymous test; ETA from progress', () => {
    const events = parse(
      metrics([
        ['nn_infer_us', 543],
        ['stress_progress_pct', 25],
        ['stress_elapsed_ms', 3000],
        ['stress_duration_ms', 10000],
        ['stress_pressure_pct', 40],
        ['stress_pressure_pct', 62],
        ['stress_pressure_pct', 55],
        ['stress_target_pct', 60],
      ]),
    );
    const store = createLiveStore();
    expect(events.map((e) => store.apply(e))).toEqual([false, true, true, true, true, true, true, true]);
    const t = store.snapshot().test!;
    expect(t.testType).toBeNull();
    expect(t.progress).toEqual({ pct: 25, elapsedMs: 3000, durationMs: 10000, etaMs: 9000 });
    expect(t.pressure).toEqual({ series: [40, 62, 55], samplesPerPoint: 1, samples: 3, targetPct: 60, lastPct: 55, peakPct: 62, minPct: 40 });
  });

  test('ETA from the duration while progress is 0, and 0 at 100 %', () => {
    const store = createLiveStore();
    for (const e of parse(metrics([['stress_progress_pct', 0], ['stress_elapsed_ms', 40], ['stress_duration_ms', 1000]]))) {
      store.apply(e);
    }
    expect(store.snapshot().test!.progress.etaMs).toBe(960);
    for (const e of parse(metrics([['stress_progress_pct', 100], ['stress_elapsed_ms', 1001]]))) store.apply(e);
    expect(store.snapshot().test!.progress.etaMs).toBe(0);
  });

  test('chaos events alone (a board without headers or --verbose)', () => {
    const store = createLiveStore();
    for (const e of parse('[CHAOS] Memory spike (3 allocs)\n[CHAOS] Recovery\n')) store.apply(e);
    const t = store.snapshot().test!;
    expect(t.testType).toBe('chaos');
    expect(t.chaos.timeline.map((m) => m.outcome)).toEqual(['unknown', 'unknown']);
    expect(t.counters).toEqual({ oomEvents: null, compactions: null, events: 2, successes: null, failures: null });
  });

  test('only a final result: a result entry and no live test', () => {
    const store = createLiveStore();
    const text = '\n[STRESS TEST] Red team test complete\n  Attacks Survived: 4\n  Status: FAIL\n';
    for (const e of parse(text)) store.apply(e);
    const s = store.snapshot();
    expect(s.test).toBeNull();
    expect(s.results.map((r) => [r.result.testType, r.result.verdict])).toEqual([['redteam', 'FAIL']]);
  });

  test('compare restores the autonomy seen before it', () => {
    const text =
      '[AUTOCTL] Autonomous mode DISABLED\n\n[COMPARE] Running with autonomy DISABLED...\n\n' +
      '[COMPARE] Running with autonomy ENABLED...\n\n=== Comparative Results ===\n\nAutonomy OFF:\n  OOM events: 1\n\n' +
      'Autonomy ON:\n  OOM events: 0\n\nImpact:\n  - No change\n\nsis> ';
    const shots = replay(parse(text), (e) => e.type === 'compare-phase' || e.type === 'compare');
    expect(shots.map((s) => s.autonomy)).toEqual([false, false, true, false]);
  });

  test('the mini shell and autoctl on/off lines', () => {
    const store = createLiveStore();
    const seen: Array<boolean | null> = [];
    for (const line of ['\n=== Autonomous Control Status ===\n  Mode: DISABLED\n', 'Autonomy: ENABLED', 'Autonomy status: DISABLED, safe_mode=OFF, decisions=(n)', "[AUTOCTL] Already enabled; skip re-arm (use 'autoctl reset' to force)", '[AUTOCTL] Decision interval set to 200 ms']) {
      for (const e of parse(line + '\n')) store.apply(e);
      seen.push(store.snapshot().autonomy);
    }
    expect(seen).toEqual([false, true, false, true, true]);
  });

  test('memory stays bounded: the whole run in the series, timeline and result list', () => {
    const store = createLiveStore({ seriesCapacity: 200, chaosCapacity: 60, resultCapacity: 3 });
    for (let i = 0; i < 1000; i++) store.apply({ type: 'metric', name: 'stress_pressure_pct', value: i % 101, raw: '' });
    for (let i = 0; i < 100; i++) {
      const outcome = i % 2 === 0 ? ({ status: 'ok', us: 1 } as const) : null;
      store.apply({ type: 'chaos-event', kind: 'recovery', name: `e${i}`, param: null, outcome });
    }
    const t = store.snapshot().test!;
    // 1000 samples: the 200 points merged in pairs three times, 8 samples a point (the mean of each).
    expect(t.pressure.series).toHaveLength(125);
    expect(t.pressure.samplesPerPoint).toBe(8);
    expect(t.pressure.series[0]).toBe((0 + 1 + 2 + 3 + 4 + 5 + 6 + 7) / 8);
    expect(t.pressure.series[124]).toBe((83 + 84 + 85 + 86 + 87 + 88 + 89 + 90) / 8);
    expect(t.pressure).toMatchObject({ samples: 1000, peakPct: 100, minPct: 0, lastPct: 90 });
    expect(t.chaos.timeline.map((m) => m.name)).toEqual(Array.from({ length: 60 }, (_, i) => `e${i + 40}`));
    expect(t.chaos).toMatchObject({ total: 100, ok: 50, failed: 0 });
    for (const e of fixture('model-memory-commands.txt')) store.apply(e);
    for (const e of fixture('model-memory-commands.txt')) store.apply(e);
    expect(store.snapshot().results.map((r) => r.id)).toEqual([1, 2, 3]);
  });

  test('snapshots are new objects, untouched by later events', () => {
    const store = createLiveStore();
    store.apply({ type: 'metric', name: 'stress_pressure_pct', value: 10, raw: '10' });
    const first = store.snapshot();
    store.apply({ type: 'metric', name: 'stress_pressure_pct', value: 20, raw: '20' });
    expect(first.test!.pressure.series).toEqual([10]);
    expect(store.snapshot().test!.pressure.series).toEqual([10, 20]);
  });
});
