import { DIM, LABEL_NOISE, signedUnit } from './retrain-model.js';
import type { ChaosEvent } from './types.js';

/** Virtual cost of one SGD step, µs. */
const SAMPLE_US = 40;
/** Virtual cost of a validation pass, µs. */
const VALIDATE_US = 80;
/** The model serves stale weights while it retrains; the new ones must be swapped in within this, µs. */
const SWAP_DEADLINE_US = 1100;
/** A retrain is rejected when validation error exceeds max(before × factor, floor). */
const REJECT_FACTOR = 1.2;
const MSE_FLOOR = 0.01;
/** Samples whose residual under the checkpoint exceeds this are dropped by the filtered retrain. */
const RESIDUAL_LIMIT = 0.5;
/** Chance (%) that a feedback sample is poisoned while the feed is faulty. */
const POISON_PCT = 40;

/**
 * Retrains the run's online model on 4–20 feedback samples. Fault: a faulty feed poisons samples
 * (labels shifted by up to ±4). Recovery: validation against the checkpoint; a rejected model is
 * rolled back and retrained on the samples the checkpoint finds plausible; the retrain fails (model
 * rolled back) when that one is rejected too, or when the swap deadline has passed.
 */
export const hotRetrain: ChaosEvent = {
  name: 'Hot retrain',
  label: (n) => `Hot retrain (${n} samples)`,
  *run(env, fault) {
    const { prng, model } = env;
    const n = prng.randRange(4, 21);
    const xs = new Float64Array(n * DIM);
    const ys = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      for (let d = 0; d < DIM; d++) xs[i * DIM + d] = signedUnit(prng);
      ys[i] = model.target(xs, i * DIM) + LABEL_NOISE * signedUnit(prng);
      if (fault && prng.randRange(0, 100) < POISON_PCT) ys[i] = ys[i]! + 4 * signedUnit(prng);
    }
    const checkpoint = Float64Array.from(model.weights);
    const before = model.validationMse();
    const limit = Math.max(before * REJECT_FACTOR, MSE_FLOOR);
    model.train(xs, ys, n);
    let spent = n * SAMPLE_US + 2 * VALIDATE_US;
    if (model.validationMse() <= limit) {
      yield spent;
      return { status: fault ? 'recovered' : 'ok', param: n };
    }
    model.weights.set(checkpoint);
    const keep = new Uint8Array(n);
    let kept = 0;
    for (let i = 0; i < n; i++) {
      if (Math.abs(ys[i]! - model.predict(xs, i * DIM)) <= RESIDUAL_LIMIT) {
        keep[i] = 1;
        kept++;
      }
    }
    model.train(xs, ys, n, keep);
    spent += n * 2 + kept * SAMPLE_US + VALIDATE_US;
    const rejected = model.validationMse() > limit;
    const late = spent > SWAP_DEADLINE_US;
    if (rejected || late) model.weights.set(checkpoint);
    yield late ? SWAP_DEADLINE_US : spent;
    if (late) return { status: 'failed', param: n, reason: 'swap deadline missed' };
    if (rejected) return { status: 'failed', param: n, reason: 'retrain rejected, rolled back' };
    return { status: 'recovered', param: n };
  },
};
