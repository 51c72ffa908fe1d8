import type { ChaosEvent, EventOutcome } from './types.js';

const BLOCK_BYTES = 8 * 1024;
/** Virtual cost of one allocator call (alloc or free), µs. */
const HEAP_OP_US = 2;
/** Oldest blocks one spike may free to make room before it gives up. */
const RECLAIM_LIMIT = 16;

/**
 * 20–100 allocations of 8 KiB, kept in the run's block list. Fault: a competing allocation takes
 * the largest free block but for room for 0..n-1 of the spike's blocks, so later requests really
 * fail. Recovery: free the oldest kept blocks (up to RECLAIM_LIMIT) and retry; the spike fails when
 * a request still fails with the reclaim budget spent or the list empty.
 */
export const memorySpike: ChaosEvent = {
  name: 'Memory spike',
  label: (n) => `Memory spike (${n} allocs)`,
  *run(env, fault) {
    const { heap, blocks, prng } = env;
    const n = prng.randRange(20, 101);
    let ballast = -1;
    if (fault) {
      const size = heap.largestFreeBlock - prng.randRange(0, n) * BLOCK_BYTES;
      if (size > 0) ballast = heap.alloc(size);
    }
    let cost = 0;
    let reclaimed = 0;
    let outcome: EventOutcome | undefined;
    for (let i = 0; i < n && !outcome; i++) {
      let handle = heap.alloc(BLOCK_BYTES);
      cost += HEAP_OP_US;
      while (handle < 0) {
        env.allocFailures++;
        if (reclaimed >= RECLAIM_LIMIT || blocks.length === 0) {
          outcome = { status: 'failed', param: n, reason: 'heap exhausted, reclaim budget spent' };
          break;
        }
        heap.free(blocks.shift());
        reclaimed++;
        handle = heap.alloc(BLOCK_BYTES);
        cost += 2 * HEAP_OP_US;
      }
      if (handle >= 0) blocks.push(handle);
    }
    if (ballast >= 0) heap.free(ballast);
    yield cost;
    return outcome ?? { status: fault || reclaimed > 0 ? 'recovered' : 'ok', param: n };
  },
};
