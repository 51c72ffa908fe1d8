import { describe, expect, test } from '@jest/globals';
import type { CommandContext } from '../../../kernel/index.js';
import { Prng, Scheduler } from '../../../kernel/index.js';
import { createKernelState } from '../../../kernel/state.js';
import { formatCompare, formatPaired, type CompareSide } from '../../../kernel/stress/compare-format.js';
import { formatReport } from '../../../kernel/stress/history.js';
import { runStressTest } from '../../../kernel/stress/runner.js';
import type { StressTest, TestSummary } from '../../../kernel/stress/types.js';

/** A minimal test: one PRNG draw per 10 ms step until the duration ends. */
const tickTest: StressTest = {
  type: 'multi',
  title: 'Tick Test',
  summary: 'ticks',
  flags: [],
  headerLines: (config) => [`Duration: ${config.duration} ms`],
  *run(ctx) {
    let ticks = 0;
    let sum = 0;
    while (!ctx.cancelled && ctx.nowUs() < ctx.startUs + ctx.durationMs * 1000) {
      sum += ctx.prng.randRange(0, 100);
      ticks++;
      ctx.event(`[TICK] ${ticks}`);
      if (ctx.progressDue()) ctx.progress({ events: ticks });
      yield 10_000;
    }
    return {
      title: 'Tick test complete',
      fields: [['Ticks', String(ticks)], ['Sum', String(sum)]],
      status: 'PASS',
      shellLine: `[STRESSTEST] Ticks completed: ticks=${ticks}`,
      record: { durationMs: ctx.durationMs, actions: ticks, oomEvents: 0, figures: { ticks } },
    } satisfies TestSummary;
  },
  compareLines: (record) => [['Ticks', String(record.figures.ticks)]],
  pairedFigures: [['ticks', 'Ticks']],
};

function fakeContext() {
  let out = '';
  let cancelled = false;
  const clock = new Scheduler();
  clock.advanceTo(5_000_000);
  const ctx: CommandContext = {
    print: (text) => (out += text),
    clock,
    prng: new Prng(),
    state: createKernelState(),
    commands: [],
    get cancelled() {
      return cancelled;
    },
    interpret: () => true,
    feedShell: () => 0,
  };
  const drive = (gen: Generator<number, TestSummary, void>, cancelAtUs = Infinity): TestSummary => {
    for (;;) {
      if (clock.nowUs >= cancelAtUs) cancelled = true;
      const step = gen.next();
      if (step.done) return step.value;
      clock.spend(step.value);
    }
  };
  return { ctx, drive, output: () => out };
}

describe('stress-test runner', () => {
  test('header with seed, events, final progress batch, summary and shell line', () => {
    const { ctx, drive, output } = fakeContext();
    ctx.state.metricsEnabled = false;
    const summary = drive(runStressTest(tickTest, ctx, { duration: 30, seed: 3n, quiet: false, verbose: false }));
    expect(summary.status).toBe('PASS');
    const prng = new Prng(3n);
    const expectedSum = prng.randRange(0, 100) + prng.randRange(0, 100) + prng.randRange(0, 100);
    expect(output()).toBe(
      '\n=== Tick Test ===\nDuration: 30 ms\nSeed: 3 (profile report)\n\n' +
        '[TICK] 1\n[TICK] 2\n[TICK] 3\n' +
        `\n[STRESS TEST] Tick test complete\n  Ticks: 3\n  Sum: ${expectedSum}\n  Status: PASS\n` +
        '\n[STRESSTEST] Ticks completed: ticks=3\n',
    );
    expect(ctx.state.history.list()).toHaveLength(1);
  });

  test('METRIC batches about every 100 ms of virtual time, then a final 100% batch', () => {
    const { ctx, drive, output } = fakeContext();
    drive(runStressTest(tickTest, ctx, { duration: 250, seed: 1n, quiet: false, verbose: false }));
    const batches = output().match(/METRIC stress_progress_pct=\d+/g);
    expect(batches).toEqual([
      'METRIC stress_progress_pct=40',
      'METRIC stress_progress_pct=80',
      'METRIC stress_progress_pct=100',
    ]);
    expect(output()).toContain(
      'METRIC stress_progress_pct=40\nMETRIC stress_elapsed_ms=100\nMETRIC stress_duration_ms=250\nMETRIC stress_events=11\n',
    );
  });

  test('--quiet: header and summary only, no METRIC lines', () => {
    const { ctx, drive, output } = fakeContext();
    drive(runStressTest(tickTest, ctx, { duration: 250, seed: 1n, quiet: true, verbose: false }));
    expect(output()).not.toContain('[TICK]');
    expect(output()).not.toContain('METRIC');
    expect(output()).toContain('[STRESS TEST] Tick test complete');
  });

  test('without a seed the run seeds from the µs clock', () => {
    const { ctx, drive, output } = fakeContext();
    drive(runStressTest(tickTest, ctx, { duration: 10, quiet: true, verbose: false }));
    expect(output()).toContain('Seed: 5000000 (profile report)\n');
  });

  test('a cancelled run prints the cancel line and Status: CANCELLED, no shell line', () => {
    const { ctx, drive, output } = fakeContext();
    const summary = drive(runStressTest(tickTest, ctx, { duration: 10_000, seed: 1n, quiet: true, verbose: false }), 5_050_000);
    expect(summary.status).toBe('CANCELLED');
    expect(output()).toMatch(/\n\[STRESS TEST\] Cancelled after 50 ms\n\n\[STRESS TEST\] Tick test complete\n  Ticks: 5\n  Sum: \d+\n  Status: CANCELLED\n$/);
  });
});

describe('compare and report formatting', () => {
  const side = (ticks: number, total: number): CompareSide => ({
    summary: {
      title: 't',
      fields: [],
      record: { durationMs: 1000, actions: ticks, oomEvents: 0, figures: { ticks } },
    },
    interventions: {
      proactiveCompactions: 0,
      preemptiveOomPreventions: total,
      memoryPressurePredictions: 0,
      deadlineAdjustments: 0,
      priorityBoosts: 0,
      workloadRebalancing: 0,
      policyUpdates: 0,
      explorationActions: 0,
      exploitationActions: 0,
      totalInterventions: total,
      interventionSuccessCount: 0,
    },
  });

  test('V2 comparative block', () => {
    expect(formatCompare(tickTest, side(10, 0), side(12, 3))).toBe(
      [
        '',
        '=== Comparative Results ===',
        '',
        'Autonomy OFF:',
        '  Ticks: 10',
        '  Duration: 1000 ms',
        '  AI interventions: 0',
        '',
        'Autonomy ON:',
        '  Ticks: 12',
        '  Duration: 1000 ms',
        '  AI interventions: 3',
        '    - OOM preventions: 3',
        '    - Memory predictions: 0',
        '    - Proactive compactions: 0',
        '',
        'Impact:',
        '  Ticks: 10 -> 12',
        '  [+] 3 AI interventions (3 early, 0 reactive)',
        '',
        '',
      ].join('\n'),
    );
  });

  test('paired block', () => {
    const pairs: Array<[CompareSide, CompareSide]> = [
      [side(10, 0), side(12, 2)],
      [side(10, 0), side(14, 2)],
    ];
    expect(formatPaired(tickTest, pairs, 7n)).toBe(
      '\n=== Paired Comparison (2 runs, seeds 7..8) ===\n' +
        '  Ticks: off=10.00 on=13.00 diff=3.00 ci95=[-9.71,15.71] not significant\n' +
        '  AI interventions: off=0.00 on=2.00 diff=2.00 ci95=[2.00,2.00] significant\n\n',
    );
  });

  test('report: empty, last 5, all', () => {
    const { ctx } = fakeContext();
    expect(formatReport(ctx.state.history, false)).toBe('\n=== Stress Test History (last 5) ===\n  (no history)\n');
    for (let i = 1; i <= 18; i++) {
      ctx.state.history.push({ type: 'chaos', autonomyAtEnd: false, record: { durationMs: i, actions: i * 2, oomEvents: i % 3, figures: {} } });
    }
    expect(formatReport(ctx.state.history, false)).toBe(
      '\n=== Stress Test History (last 5) ===\n' +
        [14, 15, 16, 17, 18].map((i) => `  Type: chaos | Duration: ${i} ms | Actions: ${i * 2} | OOM: ${i % 3}`).join('\n') +
        '\n',
    );
    const all = formatReport(ctx.state.history, true).split('\n');
    expect(all[1]).toBe('=== Stress Test History (all entries) ===');
    expect(all).toHaveLength(2 + 16 + 1);
    expect(all[2]).toBe('  Type: chaos | Duration: 3 ms | Actions: 6 | OOM: 0');
  });
});
