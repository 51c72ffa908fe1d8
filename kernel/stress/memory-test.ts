import { attachWorkload, detachWorkload } from '../autonomy/telemetry.js';
import { DURATION_FLAG, percentFlag } from './common-flags.js';
import { MemoryRun, type MemoryParams } from './memory-run.js';
import type { StressTest, TestConfig, TestSummary } from './types.js';
import { CANCEL_SLICE_US } from './context.js';

function params(config: TestConfig): MemoryParams {
  return {
    durationMs: config.duration as number,
    targetPct: config.targetPressure as number,
    oomProbabilityPct: config.oomProbability as number,
    noisePct: config.noise as number,
  };
}

/** `stresstest memory` (reference §2.1, V2 output) on the kernel heap, with the autonomy controller steering when enabled. */
export const memoryTest: StressTest = {
  type: 'memory',
  title: 'Memory Stress Test (Enhanced)',
  summary: 'Hold the heap at a target pressure; count OOMs, compactions and allocation latency',
  flags: [
    DURATION_FLAG,
    percentFlag('--target-pressure', 'heap pressure the test allocates up to', 50),
    percentFlag('--oom-probability', 'chance that an allocation is failed on purpose (also: failures expected)', 0),
    percentFlag('--noise', 'allocation size jitter around 1536 bytes', 10),
  ],
  headerLines(config) {
    const p = params(config);
    const lines = [`Duration: ${p.durationMs} ms`, `Target Pressure: ${p.targetPct}%`, `Noise Level: ${p.noisePct}%`];
    if (p.oomProbabilityPct > 0) lines.push(`OOM Injection: ${p.oomProbabilityPct}%`);
    return lines;
  },
  *run(ctx, config) {
    const p = params(config);
    ctx.heap.reset();
    const run = new MemoryRun(ctx, p);
    attachWorkload(ctx.autonomy.telemetry, run);
    const endUs = ctx.startUs + p.durationMs * 1000;
    let spent = run.prefill();
    while (!ctx.cancelled) {
      const remaining = endUs - ctx.nowUs() - spent;
      if (remaining <= 0) break;
      spent += run.slice(CANCEL_SLICE_US, remaining);
      yield spent;
      spent = 0;
    }
    if (spent > 0 && !ctx.cancelled) yield spent;
    if (!run.reported || !ctx.progressDue()) run.report();
    run.release();
    detachWorkload(ctx.autonomy.telemetry, run);
    const out = {
      peakPct: run.peak,
      avgPct: run.avgPct,
      oomEvents: run.oomEvents,
      compactions: run.compactions,
      durationMs: Math.floor((ctx.nowUs() - ctx.startUs) / 1000),
    };
    const lat = run.latency.report();
    const passed = out.oomEvents < 10 || p.oomProbabilityPct > 0;
    return {
      title: 'Memory test complete',
      fields: [
        ['Peak Pressure', `${out.peakPct}%`],
        ['Avg Pressure', `${out.avgPct}%`],
        ['OOM Events', String(out.oomEvents)],
        ['Compaction Triggers', String(out.compactions)],
        ['Alloc Latency', `p50=${lat.p50}ns p95=${lat.p95}ns p99=${lat.p99}ns`],
      ],
      status: passed ? 'PASS' : 'FAIL',
      shellLine: `[STRESSTEST] Memory completed: peak_pressure=${out.peakPct}% oom_events=${out.oomEvents} compactions=${out.compactions} duration_ms=${out.durationMs}`,
      record: {
        durationMs: out.durationMs,
        actions: 0,
        oomEvents: out.oomEvents,
        figures: {
          peakPressure: out.peakPct,
          avgPressure: out.avgPct,
          oomEvents: out.oomEvents,
          compactions: out.compactions,
          latencyP99Ns: lat.p99,
        },
      },
    } satisfies TestSummary;
  },
  compareLines: (record) => [
    ['Peak pressure', `${record.figures.peakPressure ?? 0}%`],
    ['Avg pressure', `${record.figures.avgPressure ?? 0}%`],
    ['OOM events', String(record.oomEvents)],
  ],
  pairedFigures: [
    ['peakPressure', 'Peak pressure (%)'],
    ['avgPressure', 'Avg pressure (%)'],
    ['oomEvents', 'OOM events'],
  ],
};
