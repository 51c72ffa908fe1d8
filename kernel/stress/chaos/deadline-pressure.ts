import type { ChaosEvent } from './types.js';
import { spend, spinUs } from './time.js';

/** Cost of the priority boost after a miss, µs. */
const BOOST_US = 50;

/**
 * A deadline task of 5000–19999 busy-loop iterations (W µs of work) with a deadline of 1.25 W,
 * preempted by interference spread over its run: natural jitter below 0.1 W. Fault: a preemption
 * storm of 0.1–0.6 W. Recovery: a task that misses its deadline is boosted (no more interference)
 * and must finish its remaining work within a grace period of 0.1 W; otherwise it fails there.
 */
export const deadlinePressure: ChaosEvent = {
  name: 'Deadline pressure',
  label: (n) => `Deadline pressure (${n} cycles)`,
  *run(env, fault) {
    const { prng, ctx } = env;
    const n = prng.randRange(5000, 20001);
    const work = spinUs(n, ctx.profile.chaos.spinNs);
    const deadline = work + Math.floor(work / 4);
    const grace = Math.floor(work / 10);
    const interference = fault ? prng.randRange(grace, Math.floor((work * 4) / 5)) : prng.randRange(0, grace);
    if (work + interference <= deadline) {
      if (!(yield* spend(ctx, work + interference))) return { status: 'cancelled', param: n };
      return { status: fault ? 'recovered' : 'ok', param: n };
    }
    if (!(yield* spend(ctx, deadline))) return { status: 'cancelled', param: n };
    const done = Math.floor((deadline * work) / (work + interference));
    const finish = work - done + BOOST_US;
    if (finish > grace) {
      if (!(yield* spend(ctx, grace))) return { status: 'cancelled', param: n };
      return { status: 'failed', param: n, reason: 'deadline missed after boost' };
    }
    if (!(yield* spend(ctx, finish))) return { status: 'cancelled', param: n };
    return { status: 'recovered', param: n };
  },
};
