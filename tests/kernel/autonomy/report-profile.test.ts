import { describe, expect, test } from '@jest/globals';
import { attachWorkload } from '../../../kernel/autonomy/telemetry.js';
import { REPORT_PROFILE } from '../../../kernel/profiles/index.js';
import { Scheduler } from '../../../kernel/scheduler.js';
import { createKernelState } from '../../../kernel/state.js';
import { kernelWithController } from './controller-rig.js';

const MS = 1000;

function rig(enabled: boolean) {
  const state = createKernelState(REPORT_PROFILE);
  state.autonomy.enabled = enabled;
  const clock = new Scheduler();
  state.controller.attach({ clock, print: () => {} });
  const blocks: number[] = [];
  const shed: number[] = [];
  const workload = {
    typicalAllocBytes: 1536,
    largestAllocBytes: 160 * 1024,
    reclaim(ceiling: number) {
      shed.push(ceiling);
      let freedBlocks = 0;
      let freedBytes = 0;
      while (state.heap.pressurePct() > ceiling && blocks.length > 0) {
        const h = blocks.shift()!;
        freedBytes += state.heap.sizeOf(h);
        state.heap.free(h);
        freedBlocks++;
      }
      return { freedBlocks, freedBytes };
    },
  };
  attachWorkload(state.autonomy.telemetry, workload);
  const fillTo = (pct: number) => {
    while (state.heap.pressurePct() < pct) blocks.push(state.heap.alloc(4096));
  };
  return { state, clock, shed, fillTo };
}

describe('autonomy controller, report profile', () => {
  test('forecasts every third decision: 20 decisions in 10 s, 6 memory predictions', () => {
    const { kernel, send } = kernelWithController({ profile: 'report' });
    kernel.advance(kernel.nowUs + 10_000_000);
    send('');
    expect(kernel.view.autonomy.totalDecisions).toBe(20);
    expect(kernel.view.metrics.snapshot().memoryPressurePredictions).toBe(6);
  });

  test('OOMs are watched with autonomy off (no intervention); with autonomy on their mean pressure less 21 points is the ceiling', () => {
    const { state, clock, shed, fillTo } = rig(false);
    const board = state.autonomy.telemetry;
    board.oomPressures.push(90, 92);
    clock.advanceTo(500 * MS);
    expect(state.controller.learnedCeilingPct).toBeNaN(); // two OOMs are not yet trusted
    board.oomPressures.push(94);
    clock.advanceTo(1000 * MS);
    expect(board.oomPressures).toEqual([]);
    expect(state.controller.learnedCeilingPct).toBe(71);
    expect(state.metrics.snapshot().totalInterventions).toBe(0);
    expect(board.pressureCeilingPct).toBe(100);
    state.autonomy.enabled = true;
    fillTo(80);
    clock.advanceTo(1500 * MS);
    expect(board.pressureCeilingPct).toBe(71);
    expect(shed).toEqual([71]);
    expect(state.heap.pressurePct()).toBe(71);
    expect(state.metrics.snapshot().preemptiveOomPreventions).toBe(1);
    fillTo(75); // above the ceiling again at the next decision: shed again, one more prevention
    clock.advanceTo(2000 * MS);
    expect(state.heap.pressurePct()).toBe(71);
    expect(state.metrics.snapshot().preemptiveOomPreventions).toBe(2);
  });

  test('rearm: the first decision falls at the re-arm time, the next one interval later', () => {
    const { state, clock } = rig(true);
    clock.advanceTo(700 * MS); // one decision at 500 ms
    expect(state.autonomy.totalDecisions).toBe(1);
    state.controller.rearm();
    clock.advanceTo(700 * MS + 1);
    expect(state.autonomy.totalDecisions).toBe(2);
    clock.advanceTo(1199 * MS);
    expect(state.autonomy.totalDecisions).toBe(2);
    clock.advanceTo(1200 * MS);
    expect(state.autonomy.totalDecisions).toBe(3);
  });
});

describe('autonomy off: no AI interventions in any test', () => {
  // Chaos is left out: its autonomy-flip event turns autonomy on for its window on purpose.
  test.each(['memory --target-pressure 95 --duration 4000', 'commands --rate 60000 --duration 2000', 'multi --duration 2000', 'learning --episodes 2', 'redteam --duration 2000'])(
    'stresstest %s with autonomy off records none',
    (args) => {
      const { kernel, run } = kernelWithController({ profile: 'report' });
      run('autoctl off\r');
      const before = kernel.view.metrics.snapshot().totalInterventions;
      const out = run(`stresstest ${args} --seed 4\r`);
      expect(out).toMatch(/\n\[STRESS TEST\] [A-Za-z -]+ complete\n/);
      expect(kernel.view.metrics.snapshot().totalInterventions - before).toBe(0);
      expect(kernel.view.autonomy.enabled).toBe(false);
    },
  );

  test('compare learning: zero interventions with autonomy OFF, the agent\'s decisions counted with autonomy ON', () => {
    const { run } = kernelWithController({ profile: 'report' });
    const out = run('stresstest compare learning --episodes 2 --seed 3\r');
    const off = /\nAutonomy OFF:\n(?: {2}.*\n)*? {2}AI interventions: (\d+)\n/.exec(out);
    const on = /\nAutonomy ON:\n(?: {2}.*\n)*? {2}AI interventions: (\d+)\n/.exec(out);
    expect(Number(off![1])).toBe(0);
    expect(Number(on![1])).toBeGreaterThan(0);
  });
});
