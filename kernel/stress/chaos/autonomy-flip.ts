import { PREDICT_US } from './predictor.js';
import type { ChaosEnv, ChaosEvent, EventOutcome } from './types.js';
import { spend } from './time.js';

/** Attempts to get the mode change applied within the flip's window. */
const MAX_ATTEMPTS = 2;

/**
 * Turns autonomy on for 100–2000 µs, running memory predictions while it is on, then restores the
 * previous value (the autonomy controller reads the flag itself). Fault: the mode change is applied
 * only after a lag of 0 to 2× the window. Recovery: a change that did not land within its window is
 * issued again, once; the flip fails when neither lands.
 */
export const autonomyFlip: ChaosEvent = {
  name: 'Autonomy flip',
  label: (us) => `Autonomy flip (${us}us)`,
  *run(env, fault) {
    const us = env.prng.randRange(100, 2001);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const lag = fault ? env.prng.randRange(0, 4 * us) : 0;
      if (lag >= us) {
        if (!(yield* spend(env.ctx, us))) return { status: 'cancelled', param: us };
        continue;
      }
      if (lag > 0 && !(yield* spend(env.ctx, lag))) return { status: 'cancelled', param: us };
      const outcome = yield* enabledFor(env, us - lag, us);
      return outcome ?? { status: fault ? 'recovered' : 'ok', param: us };
    }
    return { status: 'failed', param: us, reason: 'mode change not applied' };
  },
};

/** Autonomy on for `window` µs, one memory prediction per PREDICT_US, previous value restored. */
function* enabledFor(env: ChaosEnv, window: number, param: number): Generator<number, EventOutcome | undefined, void> {
  const autonomy = env.ctx.autonomy;
  const previous = autonomy.enabled;
  autonomy.enabled = true;
  try {
    for (let t = 0; t + PREDICT_US <= window; t += PREDICT_US) env.predictor.predictMemory(env.heap);
    if (!(yield* spend(env.ctx, window))) return { status: 'cancelled', param };
    return undefined;
  } finally {
    autonomy.enabled = previous;
  }
}
