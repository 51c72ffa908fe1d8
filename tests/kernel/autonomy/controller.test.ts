import { describe, expect, test } from '@jest/globals';
import { AutonomyController } from '../../../kernel/autonomy/controller.js';
import { attachWorkload, type ControllerEvent, type Workload } from '../../../kernel/autonomy/telemetry.js';
import { Scheduler } from '../../../kernel/scheduler.js';
import { QEMU_PROFILE, type KernelProfile } from '../../../kernel/profiles/index.js';
import { createKernelState } from '../../../kernel/state.js';

const MS = 1000;

/**
 * A kernel state with its controller attached to a fresh clock; console lines collected. The
 * `qemu` profile: a forecast every tick, compactions 1.5 s apart, no learned ceiling.
 */
function rig(options: { enabled?: boolean; profile?: KernelProfile } = {}) {
  const state = createKernelState(options.profile ?? QEMU_PROFILE);
  state.autonomy.enabled = options.enabled ?? true;
  const clock = new Scheduler();
  let out = '';
  const controller: AutonomyController = state.controller;
  controller.attach({ clock, print: (t) => (out += t) });
  const take = (): string => {
    const text = out;
    out = '';
    return text;
  };
  return { state, clock, controller, take };
}

/** Allocates `count` blocks of `size` bytes, then frees every `every`-th one: free space in many small holes. */
function fragment(state: ReturnType<typeof createKernelState>, count: number, size: number, every: number): number[] {
  const handles: number[] = [];
  for (let i = 0; i < count; i++) handles.push(state.heap.alloc(size));
  const kept: number[] = [];
  handles.forEach((h, i) => (i % every === 0 ? state.heap.free(h) : kept.push(h)));
  return kept;
}

function fakeWorkload(overrides: Partial<Workload> = {}): Workload & { events: ControllerEvent[]; calls: string[] } {
  const events: ControllerEvent[] = [];
  const calls: string[] = [];
  return {
    typicalAllocBytes: 1536,
    largestAllocBytes: 1536,
    events,
    calls,
    notify: (e) => void events.push(e),
    ...overrides,
  };
}

describe('autonomy controller: timer', () => {
  test('decides once per interval and follows interval changes', () => {
    const { state, clock } = rig();
    clock.advanceTo(2000 * MS);
    expect(state.autonomy.totalDecisions).toBe(4);
    state.autonomy.intervalMs = 250;
    clock.advanceTo(2500 * MS); // the tick at 2500 ms re-arms with 250 ms
    expect(state.autonomy.totalDecisions).toBe(5);
    clock.advanceTo(3500 * MS);
    expect(state.autonomy.totalDecisions).toBe(9);
  });

  test('disabled: no decisions, but the timer keeps running for whoever enables it directly', () => {
    const { state, clock } = rig({ enabled: false });
    clock.advanceTo(5000 * MS);
    expect(state.autonomy.totalDecisions).toBe(0);
    expect(state.metrics.snapshot().totalInterventions).toBe(0);
    state.autonomy.enabled = true; // as compare's ON half or a chaos flip does
    clock.advanceTo(6000 * MS);
    expect(state.autonomy.totalDecisions).toBe(2);
    state.autonomy.enabled = false;
    clock.advanceTo(9000 * MS);
    expect(state.autonomy.totalDecisions).toBe(2);
  });

  test('arm() restarts the timer phase from now', () => {
    const { state, clock, controller } = rig();
    clock.advanceTo(700 * MS); // ticked at 500
    controller.arm();
    clock.advanceTo(1100 * MS);
    expect(state.autonomy.totalDecisions).toBe(1);
    clock.advanceTo(1200 * MS); // 700 + 500
    expect(state.autonomy.totalDecisions).toBe(2);
  });

  test('attach is idempotent', () => {
    const { state, clock, controller } = rig();
    controller.attach({ clock, print: () => {} });
    clock.advanceTo(1000 * MS);
    expect(state.autonomy.totalDecisions).toBe(2);
  });
});

describe('autonomy controller: actions and their metrics', () => {
  test('proactive compaction really compacts, at most once per 1.5 s', () => {
    const { state, clock } = rig();
    fragment(state, 5000, 1536, 4); // 69 % pressure, free space 73 % fragmented
    expect(state.heap.pressurePct()).toBe(69);
    const holesBefore = state.heap.freeBlockCount;
    clock.advanceTo(500 * MS);
    expect(state.metrics.snapshot().proactiveCompactions).toBe(1);
    expect(state.heap.freeBlockCount).toBe(1);
    expect(state.heap.largestFreeBlock).toBe(state.heap.freeBytes);
    expect(holesBefore).toBeGreaterThan(1000);
    // Fragment again right away: the ticks at 1.0 s and 1.5 s are inside the cooldown.
    state.heap.reset();
    fragment(state, 5000, 1536, 4);
    clock.advanceTo(1500 * MS);
    expect(state.metrics.snapshot().proactiveCompactions).toBe(1);
    expect(state.heap.freeBlockCount).toBeGreaterThan(1000);
    clock.advanceTo(2000 * MS);
    expect(state.metrics.snapshot().proactiveCompactions).toBe(2);
    expect(state.heap.freeBlockCount).toBe(1);
  });

  test('no compaction below 46 % pressure or without fragmentation', () => {
    const { state, clock } = rig();
    fragment(state, 4000, 1536, 2); // 37 %: fragmented but low
    expect(state.heap.fragmentationPct()).toBeGreaterThan(50);
    clock.advanceTo(1000 * MS);
    state.heap.reset();
    state.heap.alloc(5_000_000); // 60 %, the free space in one block at the top
    clock.advanceTo(3000 * MS);
    expect(state.metrics.snapshot().proactiveCompactions).toBe(0);
  });

  test('predicted pressure over the watermark: a reclaim to a ceiling, recorded as an OOM prevention', () => {
    const { state, clock } = rig();
    const blocks: number[] = [];
    const workload = fakeWorkload({
      reclaim(ceiling) {
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
    });
    attachWorkload(state.autonomy.telemetry, workload);
    const fillTo = (pct: number) => {
      while (state.heap.pressurePct() < pct) blocks.push(state.heap.alloc(4096));
    };
    fillTo(60);
    clock.advanceTo(500 * MS); // one sample: no trend yet
    fillTo(76);
    clock.advanceTo(1000 * MS); // 59.x -> 75.x %: 91 % predicted
    const board = state.autonomy.telemetry;
    expect(board.pressureCeilingPct).toBe(86);
    expect(state.metrics.snapshot().preemptiveOomPreventions).toBe(1);
    expect(workload.events.map((e) => e.action.kind)).toEqual(['reclaim']);
    expect(state.heap.pressurePct()).toBe(76); // below the ceiling already: nothing to free
    fillTo(92);
    clock.advanceTo(1500 * MS); // measured 92 %: shed below the pressure it saw
    expect(board.pressureCeilingPct).toBe(86);
    expect(state.heap.pressurePct()).toBe(86);
    expect(state.metrics.snapshot().preemptiveOomPreventions).toBe(2);
    const reclaim = workload.events[1]!.action;
    expect(reclaim.kind === 'reclaim' && reclaim.freedBlocks).toBeGreaterThan(0);
  });

  test('calm ticks raise the ceiling step by step (policy updates), never to a risky level', () => {
    const { state, clock } = rig();
    const workload = fakeWorkload({ reclaim: () => ({ freedBlocks: 0, freedBytes: 0 }) });
    attachWorkload(state.autonomy.telemetry, workload);
    const board = state.autonomy.telemetry;
    board.pressureCeilingPct = 70;
    clock.advanceTo(4000 * MS); // 8 calm ticks at 0 % pressure: +2 every second tick
    expect(board.pressureCeilingPct).toBe(78);
    expect(state.metrics.snapshot().policyUpdates).toBe(4);
    board.pressureCeilingPct = 86;
    clock.advanceTo(6000 * MS);
    expect(board.pressureCeilingPct).toBe(88); // 90 would itself be at the reclaim level
  });

  test('deadline misses and queue imbalance reach the workload actuators, each with its metric', () => {
    const { state, clock } = rig();
    const workload = fakeWorkload();
    workload.adjustDeadlines = () => (workload.calls.push('deadlines'), true);
    workload.boostPriority = (q) => (workload.calls.push(`boost ${q}`), true);
    workload.rebalance = () => (workload.calls.push('rebalance'), true);
    attachWorkload(state.autonomy.telemetry, workload);
    const board = state.autonomy.telemetry;
    board.deadlineMisses = 7;
    board.queueDepths = [2, 12, 3];
    clock.advanceTo(500 * MS);
    expect(workload.calls).toEqual(['deadlines', 'boost 1', 'rebalance']);
    const m = state.metrics.snapshot();
    expect([m.deadlineAdjustments, m.priorityBoosts, m.workloadRebalancing]).toEqual([1, 1, 1]);
    // Next tick: no new misses, queues level: the three actions succeeded.
    board.queueDepths = [4, 5, 4];
    clock.advanceTo(1000 * MS);
    expect(workload.calls).toHaveLength(3);
    expect(state.metrics.snapshot().interventionSuccessCount).toBe(3);
  });

  test('an actuator the workload does not offer is not used and not counted', () => {
    const { state, clock } = rig();
    attachWorkload(state.autonomy.telemetry, fakeWorkload());
    state.autonomy.telemetry.deadlineMisses = 5;
    state.autonomy.telemetry.queueDepths = [0, 20];
    clock.advanceTo(500 * MS);
    const m = state.metrics.snapshot();
    expect(m.deadlineAdjustments + m.priorityBoosts + m.workloadRebalancing).toBe(0);
  });

  test('a memory prediction per decision once there is a trend, scored for accuracy', () => {
    const { state, clock, controller } = rig();
    clock.advanceTo(500 * MS);
    expect(state.metrics.snapshot().memoryPressurePredictions).toBe(0);
    expect(controller.accuracyPct(100)).toBeUndefined();
    clock.advanceTo(2000 * MS);
    expect(state.metrics.snapshot().memoryPressurePredictions).toBe(3);
    expect(controller.accuracyPct(100)).toBe(100); // flat 0 % predicted, 0 % seen
    while (state.heap.pressurePct() < 50) state.heap.alloc(65536);
    clock.advanceTo(2500 * MS);
    expect(controller.accuracyPct(100)).toBe(66); // 2 hits, 1 miss
  });

  test('disabling lifts the ceiling directive', () => {
    const { state, clock } = rig();
    state.autonomy.telemetry.pressureCeilingPct = 80;
    state.autonomy.enabled = false;
    clock.advanceTo(500 * MS);
    expect(state.autonomy.telemetry.pressureCeilingPct).toBe(100);
  });
});

describe('autonomy controller: console lines', () => {
  const tickLines = (n: number, us: number, pressure = 0, directive = -1000, confidence = 300, extra = '') =>
    [
      ...(n === 1 ? ["[TIMER] Timer running silently (use 'autoctl status' to check)", '[TIMER] Timer freq=62500000 Hz'] : []),
      n <= 3 ? '[TIMER] Rearming with 500ms interval (31250000 cycles)' : `[TIMER] Tick ${n} rearmed`,
      ...(n === 4 ? ['[TIMER] Tick 4 CTL=5 (bit0=enable, bit1=mask, bit2=istatus)'] : []),
      '[TIMER] Calling autonomous_decision_tick()',
      `[AUTONOMY] Starting decision tick at timestamp ${us}`,
      `[AUTONOMY] Telemetry: mem_pressure=${pressure} deadline_misses=0`,
      `[AUTONOMY] Meta-agent directives: [${directive}, 0, 0] confidence=${confidence}`,
      extra || '[AUTONOMY] No action needed',
      '',
    ].join('\n');

  test('the first five ticks after boot are printed, the sixth says it runs silently, then nothing', () => {
    const { clock, take } = rig();
    clock.advanceTo(500 * MS);
    expect(take()).toBe(tickLines(1, 500_000));
    clock.advanceTo(1000 * MS);
    expect(take()).toBe(tickLines(2, 1_000_000, 0, -1000, 600));
    clock.advanceTo(2500 * MS);
    expect(take()).toBe(
      tickLines(3, 1_500_000, 0, -1000, 900) + tickLines(4, 2_000_000, 0, -1000, 1000) + tickLines(5, 2_500_000, 0, -1000, 1000),
    );
    clock.advanceTo(3000 * MS);
    expect(take()).toBe("[AUTONOMY] Running silently (use 'autoctl status' to check)\n");
    clock.advanceTo(10_000 * MS);
    expect(take()).toBe('');
  });

  test('direct flips of the flag print nothing; arm() (autoctl on/reset) prints the first ticks again', () => {
    const { state, clock, controller, take } = rig({ enabled: false });
    clock.advanceTo(1000 * MS);
    state.autonomy.enabled = true;
    clock.advanceTo(3000 * MS);
    expect(take()).toBe('');
    controller.arm();
    clock.advanceTo(3500 * MS);
    expect(take()).toContain("[TIMER] Timer running silently (use 'autoctl status' to check)\n");
    controller.silence();
    clock.advanceTo(4000 * MS);
    expect(take()).toBe('');
  });
});
