import type { StressContext } from '../types.js';

/** Longest single yield: Ctrl-C is seen within this much virtual time. */
export const SLICE_US = 20_000;

/**
 * One iteration of the real kernel's busy-wait loop under QEMU, in ns. Derived from V2's observed
 * 34–44 counted chaos events/s (reference §2.7): with the 2000–8000-iteration gap and the events'
 * own costs this gives ≈ 40 events per virtual second.
 */
export const SPIN_NS = 3500;

export function spinUs(iterations: number): number {
  return Math.floor((iterations * SPIN_NS) / 1000);
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
