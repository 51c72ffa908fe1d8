import type { StressContext } from '../types.js';
import { CANCEL_SLICE_US } from '../context.js';


/** Virtual µs of `iterations` busy-loop iterations of `spinNs` ns each (the profile's). */
export function spinUs(iterations: number, spinNs: number): number {
  return Math.floor((iterations * spinNs) / 1000);
}

/** Spends `us` of virtual time in slices of at most CANCEL_SLICE_US; false as soon as Ctrl-C is seen. */
export function* spend(ctx: StressContext, us: number): Generator<number, boolean, void> {
  let left = us;
  while (left > 0) {
    const step = left > CANCEL_SLICE_US ? CANCEL_SLICE_US : left;
    yield step;
    left -= step;
    if (ctx.cancelled) return false;
  }
  return !ctx.cancelled;
}
