import { CACHED_PREDICT_US, PREDICT_US } from './predictor.js';
import type { ChaosEvent } from './types.js';
import { spend } from './time.js';

/** Every request of the storm must be answered within this of its arrival, µs. */
const REQUEST_DEADLINE_US = 1000;
/** Requests the cached-forecast fallback answers per storm. */
const FALLBACK_BUDGET = 8;

/**
 * 10–40 memory-pressure predictions requested at once and served in order, PREDICT_US each.
 * Fault: the predictor slows down 2–8×, so the tail of the storm misses its deadline. Recovery:
 * requests past the deadline are answered from the cached forecast, up to FALLBACK_BUDGET; the
 * storm fails when more requests miss than the fallback can answer.
 */
export const predictionStorm: ChaosEvent = {
  name: 'Prediction storm',
  label: (n) => `Prediction storm (${n}x)`,
  *run(env, fault) {
    const { prng, ctx, predictor, heap } = env;
    const n = prng.randRange(10, 41);
    const service = PREDICT_US * (fault ? prng.randRange(2, 9) : 1);
    let served = 0;
    while (served < n && (served + 1) * service <= REQUEST_DEADLINE_US) {
      predictor.predictMemory(heap);
      served++;
    }
    const missed = n - served;
    if (missed === 0) {
      if (!(yield* spend(ctx, n * service))) return { status: 'cancelled', param: n };
      return { status: fault ? 'recovered' : 'ok', param: n };
    }
    const answered = Math.min(missed, FALLBACK_BUDGET);
    for (let i = 0; i < answered; i++) predictor.cachedMemory();
    if (!(yield* spend(ctx, REQUEST_DEADLINE_US + answered * CACHED_PREDICT_US))) return { status: 'cancelled', param: n };
    if (missed > FALLBACK_BUDGET) return { status: 'failed', param: n, reason: `${missed} predictions missed their deadline` };
    return { status: 'recovered', param: n };
  },
};
