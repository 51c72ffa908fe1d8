import { DURATION_FLAG } from './common-flags.js';
import type { StressTest, TestSummary } from './types.js';
import { CANCEL_SLICE_US } from './context.js';

export const TICK_US = 10_000;
export const ALLOCS_PER_TICK = 4;
export const BLOCK_BYTES = 1024;
/** Blocks held at most; beyond that the oldest is freed first. */
export const MAX_BLOCKS = 256;
export const PREDICTION_COMMAND = 'help --multi';

/**
 * `stresstest multi` (reference §2.3): every 10 ms tick, four 1 KiB allocations from the kernel
 * heap (at most 256 held, oldest freed), a pressure sample, and one command prediction through the
 * interpreter. Ticks fall on the 10 ms grid from the start, so a D ms run makes ceil(D/10) − 1.
 */
export const multiTest: StressTest = {
  type: 'multi',
  title: 'Multi-Subsystem Stress Test',
  summary: 'Memory, prediction and command subsystems together, one tick per 10 ms',
  flags: [DURATION_FLAG],
  headerLines: (config) => [`Duration: ${config.duration} ms`],
  *run(ctx) {
    const heap = ctx.heap;
    heap.reset();
    const endUs = ctx.startUs + ctx.durationMs * 1000;
    const blocks = new Int32Array(MAX_BLOCKS);
    let first = 0;
    let held = 0;
    let peak = heap.pressurePct();
    let actions = 0;
    let failedTicks = 0;
    let failedAllocs = 0;
    let pressure = peak;
    let capNoted = false;
    let nextTickUs = ctx.startUs + TICK_US;
    while (!ctx.cancelled && nextTickUs < endUs) {
      if (ctx.nowUs() < nextTickUs) {
        yield nextTickUs - ctx.nowUs();
        continue;
      }
      nextTickUs += TICK_US;
      let workNs = 0;
      let failed = 0;
      for (let i = 0; i < ALLOCS_PER_TICK; i++) {
        if (held === MAX_BLOCKS) {
          heap.free(blocks[first]!);
          first = (first + 1) % MAX_BLOCKS;
          held--;
          workNs += 600;
          if (!capNoted) {
            capNoted = true;
            ctx.detail(`[MULTI] tick ${actions + 1}: block list full (${MAX_BLOCKS}), freeing oldest from now on`);
          }
        }
        const handle = heap.alloc(BLOCK_BYTES);
        workNs += 800 + ctx.prng.randRange(0, 1200);
        if (handle < 0) {
          failed++;
          continue;
        }
        blocks[(first + held) % MAX_BLOCKS] = handle;
        held++;
      }
      pressure = heap.pressurePct();
      if (pressure > peak) {
        peak = pressure;
        ctx.detail(`[MULTI] tick ${actions + 1}: new peak pressure ${peak}% (${held} blocks held)`);
      }
      ctx.interpret(PREDICTION_COMMAND);
      workNs += 6_000 + ctx.prng.randRange(0, 6_000);
      if (failed > 0) {
        failedTicks++;
        failedAllocs += failed;
        ctx.detail(`[MULTI] tick ${actions + 1}: ${failed} of ${ALLOCS_PER_TICK} allocations failed (pressure ${pressure}%)`);
      }
      actions++;
      if (ctx.progressDue()) {
        ctx.progress({ pressurePct: pressure, events: actions, successes: actions - failedTicks, failures: failedTicks });
      }
      yield Math.ceil(workNs / 1000);
    }
    ctx.progress({ pressurePct: pressure, events: actions, successes: actions - failedTicks, failures: failedTicks });
    while (!ctx.cancelled && ctx.nowUs() < endUs) yield Math.min(CANCEL_SLICE_US, endUs - ctx.nowUs());
    for (; held > 0; held--) {
      heap.free(blocks[first]!);
      first = (first + 1) % MAX_BLOCKS;
    }
    if (failedAllocs > 0) ctx.detail(`[MULTI] ${failedAllocs} allocations failed in ${failedTicks} ticks`);
    const durationMs = Math.floor((ctx.nowUs() - ctx.startUs) / 1000);
    const summary: TestSummary = {
      title: 'Multi-subsystem complete',
      fields: [
        ['Peak Pressure', `${peak}%`],
        ['Actions', String(actions)],
      ],
      record: { durationMs, actions, oomEvents: 0, figures: { peakPressure: peak, actions } },
    };
    return summary;
  },
  compareLines: (record) => [
    ['Peak pressure', `${record.figures.peakPressure ?? 0}%`],
    ['Actions', String(record.actions)],
  ],
  pairedFigures: [
    ['actions', 'Actions'],
    ['peakPressure', 'Peak pressure (%)'],
  ],
};
