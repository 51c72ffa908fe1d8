import type { ChaosEvent } from './types.js';

/** Virtual cost of one telemetry collection (or one collection period spent waiting), µs. */
const COLLECT_US = 25;
/** Samples the telemetry ring holds. */
const RING_CAPACITY = 4;
/** Samples the consumer takes per collection period while it runs. */
const DRAIN_PER_PERIOD = 2;
/** Collection periods the producer may wait on a full ring before samples are lost. */
const WAIT_BUDGET = 2;

/**
 * 5–30 telemetry collections (heap pressure samples) into a ring a consumer drains. Fault: the
 * consumer stalls for 1..n collection periods. Recovery: back-pressure — the producer waits on a
 * full ring for the consumer; the storm fails when the wait budget runs out (samples would be lost).
 */
export const telemetryStorm: ChaosEvent = {
  name: 'Telemetry storm',
  label: (n) => `Telemetry storm (${n}x)`,
  *run(env, fault) {
    const n = env.prng.randRange(5, 31);
    const stallPeriods = fault ? env.prng.randRange(1, n + 1) : 0;
    const ring = new Uint8Array(RING_CAPACITY);
    let head = 0;
    let size = 0;
    let produced = 0;
    let waited = 0;
    let period = 0;
    while (produced < n || size > 0) {
      if (produced < n) {
        if (size < RING_CAPACITY) {
          ring[(head + size) % RING_CAPACITY] = env.heap.pressurePct();
          size++;
          produced++;
        } else if (++waited > WAIT_BUDGET) {
          yield (period + 1) * COLLECT_US;
          return { status: 'failed', param: n, reason: 'telemetry ring overflow' };
        }
      }
      if (period >= stallPeriods) {
        for (let k = 0; k < DRAIN_PER_PERIOD && size > 0; k++) {
          head = (head + 1) % RING_CAPACITY;
          size--;
        }
      }
      period++;
    }
    yield period * COLLECT_US;
    return { status: fault ? 'recovered' : 'ok', param: n };
  },
};
