import type { BoolFlagSpec } from '../../commands/types.js';
import { DURATION_FLAG, percentFlag } from '../common-flags.js';
import type { RunRecord, StressTest, TestConfig } from '../types.js';
import { CHAOS_EVENTS, createChaosEnv } from './env.js';
import { RecoveryWorker } from './recovery-worker.js';
import { ChaosTally } from './tally.js';
import { spend, spinUs } from './time.js';
import type { EventOutcome } from './types.js';

const FAIL_RATE_FLAG = percentFlag('--fail-rate', 'chance that an event is faulted', 0, ['--failure-rate']);
const EXPECT_FAILURES_FLAG: BoolFlagSpec = {
  name: '--expect-failures',
  kind: 'bool',
  help: 'failures are expected: PASS at >= 50% success, FAIL below',
};

/** `stresstest chaos`: one random event per iteration, each a sub-model with fault injection and recovery. */
export const chaosTest: StressTest = {
  type: 'chaos',
  title: 'Chaos Engineering Stress Test (Enhanced)',
  summary: 'Random chaos events with failure injection and recovery',
  flags: [DURATION_FLAG, FAIL_RATE_FLAG, EXPECT_FAILURES_FLAG],
  headerLines(config) {
    const lines = [`Duration: ${config.duration} ms`, `Failure Rate: ${config.failRate}%`];
    if (config.expectFailures === true) lines.push('Expect Failures: yes');
    return lines;
  },
  *run(ctx, config) {
    const { durationMs, failRate, expectFailures } = chaosConfig(config);
    ctx.heap.reset();
    const env = createChaosEnv(ctx);
    const prng = ctx.prng;
    const tally = new ChaosTally(CHAOS_EVENTS);
    const model = ctx.profile.chaos;
    const worker = model.recovery ? new RecoveryWorker(model.recovery, prng) : undefined;
    const endUs = ctx.startUs + durationMs * 1000;
    while (ctx.nowUs() < endUs && !ctx.cancelled) {
      const kind = prng.randRange(0, CHAOS_EVENTS.length);
      const fault = prng.randRange(0, 100) < failRate;
      const event = CHAOS_EVENTS[kind]!;
      const startUs = ctx.nowUs();
      const outcome = yield* event.run(env, fault);
      if (outcome.status === 'cancelled') break;
      let latencyUs = ctx.nowUs() - startUs;
      if (worker) {
        // Recovery latency: from the fault to the end of its recovery work; clean events add none.
        const faulted = outcome.status !== 'ok';
        tally.record(kind, outcome.status, faulted ? (latencyUs = worker.recover(startUs, ctx.nowUs())) : undefined);
      } else {
        tally.record(kind, outcome.status, latencyUs);
      }
      if (!ctx.quiet) {
        ctx.event(`[CHAOS] ${event.label(outcome.param)}`);
        if (ctx.verbose) ctx.detail(outcomeLine(outcome, latencyUs));
      }
      let pauseUs = spinUs(prng.randRange(2000, 8000), model.spinNs);
      if (model.gapUs[1] > model.gapUs[0]) pauseUs += prng.randRange(model.gapUs[0], model.gapUs[1]);
      if (!(yield* spend(ctx, pauseUs))) break;
      if (ctx.progressDue()) ctx.progress(progressValues(env.heap.pressurePct(), tally));
    }
    env.blocks.freeAll(env.heap);
    // Not due at this point (checked at this same virtual time above): only stores the values the
    // runner's closing batch prints. After Ctrl-C there is no closing batch.
    if (!ctx.cancelled) ctx.progress(progressValues(env.heap.pressurePct(), tally));
    return tally.summary({
      durationMs: Math.floor((ctx.nowUs() - ctx.startUs) / 1000),
      expectFailures,
      verbose: ctx.verbose,
      allocFailures: env.allocFailures,
    });
  },
  compareLines: (record: RunRecord) => [
    ['Chaos events', `${record.figures.events ?? 0}`],
    ['Success rate', `${record.figures.successRate ?? 0}%`],
    ['Failed recoveries', `${record.figures.failures ?? 0}`],
    ['Recovery p99', `${record.figures.recoveryP99Ns ?? 0}ns`],
  ],
  pairedFigures: [
    ['successRate', 'Success rate (%)'],
    ['failures', 'Failed recoveries'],
    ['recoveryP99Ns', 'Recovery p99 (ns)'],
  ],
};

function chaosConfig(config: TestConfig): { durationMs: number; failRate: number; expectFailures: boolean } {
  return {
    durationMs: typeof config.duration === 'number' ? config.duration : (DURATION_FLAG.default ?? 0),
    failRate: typeof config.failRate === 'number' ? config.failRate : 0,
    expectFailures: config.expectFailures === true,
  };
}

function progressValues(pressurePct: number, tally: ChaosTally) {
  return { pressurePct, events: tally.events, successes: tally.successes, failures: tally.failures };
}

/** The verbose line after an event: `  -> recovered in {us}us` and the like. */
export function outcomeLine(outcome: EventOutcome, latencyUs: number): string {
  if (outcome.status === 'failed') return `  -> FAILED after ${latencyUs}us (${outcome.reason ?? 'unknown'})`;
  return outcome.status === 'recovered' ? `  -> recovered in ${latencyUs}us` : `  -> ok in ${latencyUs}us`;
}
