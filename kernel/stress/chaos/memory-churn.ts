import type { ChaosEvent, EventOutcome } from './types.js';

const BLOCK_BYTES = 2 * 1024;
/** Virtual cost of one churn cycle (an allocation and maybe a free), µs. */
const CYCLE_US = 4;
/** Cycles between two heap audits (and after the last cycle). */
const AUDIT_EVERY = 8;
/** Virtual cost of an audit, µs. */
const AUDIT_US = 20;
/** Leaked bytes an audit tolerates (they are reclaimed); more fails the churn. */
const LEAK_BUDGET_BYTES = 12 * 1024;
/** Chance (%) that a free is lost while the allocator path is faulty. */
const LOST_FREE_PCT = 50;

/**
 * 20–50 cycles: allocate 2 KiB into the block list, then with probability 0.5 free the oldest kept
 * block. Fault: frees get lost (the block stays allocated but unreferenced). Recovery: every
 * AUDIT_EVERY cycles an audit compares the heap's allocated bytes with the churn's own accounting
 * and reclaims what leaked through the allocator's trace of lost blocks; the churn fails when one
 * audit finds more than LEAK_BUDGET_BYTES leaked.
 */
export const memoryChurn: ChaosEvent = {
  name: 'Memory churn',
  label: (n) => `Memory churn (${n}x)`,
  *run(env, fault) {
    const { heap, blocks, prng } = env;
    const n = prng.randRange(20, 51);
    const lost: number[] = [];
    let expected = heap.allocatedBytes;
    let cost = 0;
    let outcome: EventOutcome | undefined;
    for (let i = 0; i < n && !outcome; i++) {
      const handle = heap.alloc(BLOCK_BYTES);
      if (handle < 0) env.allocFailures++;
      else {
        blocks.push(handle);
        expected += heap.sizeOf(handle);
      }
      if (blocks.length > 0 && prng.randBool(0.5)) {
        const victim = blocks.shift();
        expected -= heap.sizeOf(victim);
        if (fault && prng.randRange(0, 100) < LOST_FREE_PCT) lost.push(victim);
        else heap.free(victim);
      }
      cost += CYCLE_US;
      if ((i + 1) % AUDIT_EVERY === 0 || i === n - 1) {
        cost += AUDIT_US;
        const leaked = heap.allocatedBytes - expected;
        for (const block of lost) heap.free(block);
        lost.length = 0;
        if (leaked > LEAK_BUDGET_BYTES) outcome = { status: 'failed', param: n, reason: `${leaked} bytes leaked between audits` };
      }
    }
    yield cost;
    return outcome ?? { status: fault ? 'recovered' : 'ok', param: n };
  },
};
