import type { StressContext } from '../types.js';

/** Longest single yield: Ctrl-C is seen within this much virtual time. */
export const SLICE_US = 20_000;

/** Virtual µs of `iterations` busy-loop iterations of `spinNs` ns each (the profile's). */
export function spinUs(iterations: number, spinNs: number): number {
  return Math.floor((iterations * spinNs) / 1000);
}

/** Spends `us` of virtual time in slices of at most SLICE_US; false as soon as Ctrl-C is seen. */
export function* spend(ctx: StressContext, us: number): Generator<number, boolean, void> {
  let left = us;
  while (left > 0) {
    const step = left > SLICE_US ? SLICE_US : left;
    yield step;
    left -= step;
    if (ctx.cancelled) return false;
  }
  return !ctx.cancelled;
}
