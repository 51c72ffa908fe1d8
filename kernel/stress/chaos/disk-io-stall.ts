import type { ChaosEvent } from './types.js';
import { spend } from './time.js';

/** The device serves one 4 KiB request in this, µs. */
const SERVICE_US = 250;
/** A request not completed within this is aborted and resubmitted, µs. */
const TIMEOUT_US = 25_000;
/** Resubmissions before the queue gives up. */
const MAX_RETRIES = 2;

/**
 * A block queue of 4–12 requests whose device stalls for 2–20 ms (the parameter, in ms). Fault:
 * stuck I/O, a stall of 20–160 ms. Recovery: the head request times out after TIMEOUT_US and is
 * resubmitted, up to MAX_RETRIES times; the event fails when the last attempt times out too.
 */
export const diskIoStall: ChaosEvent = {
  name: 'Disk I/O stall',
  label: (ms) => `Disk I/O stall (${ms}ms)`,
  *run(env, fault) {
    const { prng, ctx } = env;
    const requests = prng.randRange(4, 13);
    const ms = fault ? prng.randRange(20, 161) : prng.randRange(2, 21);
    const stallUs = ms * 1000;
    let submittedAt = 0;
    for (let attempt = 0; ; attempt++) {
      const timeoutAt = submittedAt + TIMEOUT_US;
      if (stallUs + SERVICE_US <= timeoutAt) break;
      if (!(yield* spend(ctx, TIMEOUT_US))) return { status: 'cancelled', param: ms };
      if (attempt === MAX_RETRIES) return { status: 'failed', param: ms, reason: `I/O timed out ${MAX_RETRIES + 1} times` };
      submittedAt = timeoutAt;
    }
    if (!(yield* spend(ctx, stallUs + requests * SERVICE_US - submittedAt))) return { status: 'cancelled', param: ms };
    return { status: fault ? 'recovered' : 'ok', param: ms };
  },
};
