import type { ChaosEvent } from './types.js';
import { spend } from './time.js';

/** Virtual cost of queueing one deferred free, µs. */
const ENQUEUE_US = 1;
/** Virtual cost of the reclaimer freeing one block, µs. */
const FREE_US = 2;
/** Deferred frees the reclaimer's queue holds. */
const QUEUE_CAPACITY = 32;
/** How long a release may block on a full queue before it gives up, µs. */
const WAIT_BUDGET_US = 1500;
/** Longest injected reclaimer stall, µs (exclusive). */
const MAX_STALL_US = 6000;

/**
 * Drops floor(len × p / 100) of the newest kept blocks (p = 20–80 %) through a deferred-free queue
 * that a reclaimer drains. Fault: the reclaimer stalls for 0–6 ms. Recovery: the queue buffers the
 * frees until the reclaimer resumes; a release with more blocks than the queue holds blocks on the
 * full queue and fails when the stall outlasts its wait budget (the blocks are still freed when the
 * reclaimer resumes, so nothing leaks).
 */
export const memoryRelease: ChaosEvent = {
  name: 'Memory release',
  label: (p) => `Memory release (${p}%)`,
  *run(env, fault) {
    const { heap, blocks, prng, ctx } = env;
    const p = prng.randRange(20, 81);
    const count = Math.floor((blocks.length * p) / 100);
    const stall = fault ? prng.randRange(0, MAX_STALL_US) : 0;
    const release = (): void => {
      for (let i = 0; i < count; i++) heap.free(blocks.pop());
    };
    if (!fault) {
      release();
      yield count * (ENQUEUE_US + FREE_US);
      return { status: 'ok', param: p };
    }
    const fullAt = QUEUE_CAPACITY * ENQUEUE_US;
    if (count > QUEUE_CAPACITY && stall > fullAt + WAIT_BUDGET_US) {
      if (!(yield* spend(ctx, fullAt + WAIT_BUDGET_US))) return { status: 'cancelled', param: p };
      release();
      return { status: 'failed', param: p, reason: 'free queue full, reclaimer stalled' };
    }
    const done = Math.max(stall, count * ENQUEUE_US) + count * FREE_US;
    if (!(yield* spend(ctx, done))) return { status: 'cancelled', param: p };
    release();
    return { status: 'recovered', param: p };
  },
};
