import type { ChaosEvent, EventOutcome } from './types.js';
import { CANCEL_SLICE_US } from '../context.js';
import { spend } from './time.js';

/** Messages A's outbox holds while the link is down. */
const OUTBOX_CAPACITY = 24;
/** One retransmission and its acknowledgement, µs. */
const RETRANSMIT_US = 1500;
/** A message must reach B within this of being sent, µs. */
const MESSAGE_TTL_US = 60_000;

/**
 * A link between two kernel agents is cut for 5–40 ms; agent A keeps sending every 2–6 ms (drawn
 * per event) and its messages queue in its outbox. Fault: a longer partition (2–4× the drawn time).
 * Recovery: when the link heals, A retransmits the queued messages in order, one round trip each.
 * The event fails when the outbox overflows, or when a queued message expires (MESSAGE_TTL_US after
 * it was sent) before its retransmission is acknowledged. The parameter is the partition's length in ms.
 */
export const networkPartition: ChaosEvent = {
  name: 'Network partition',
  label: (ms) => `Network partition (${ms}ms)`,
  *run(env, fault) {
    const { prng, ctx } = env;
    const base = prng.randRange(5, 41);
    const ms = fault ? base * prng.randRange(2, 5) : base;
    const partitionUs = ms * 1000;
    const sendIntervalUs = prng.randRange(2, 7) * 1000;
    const sentAt = new Float64Array(OUTBOX_CAPACITY);
    const seqs = new Int32Array(OUTBOX_CAPACITY);
    let head = 0;
    let size = 0;
    let seq = 0;
    let t = 0;
    // Virtual time not yet yielded: spent in slices, so Ctrl-C still stops the event within one.
    let pending = 0;
    const expired = (): EventOutcome => ({ status: 'failed', param: ms, reason: `message ${seqs[head]} expired in the outbox` });
    while (t < partitionUs) {
      if (size === OUTBOX_CAPACITY) {
        if (!(yield* spend(ctx, pending))) return { status: 'cancelled', param: ms };
        return { status: 'failed', param: ms, reason: `outbox overflow after ${OUTBOX_CAPACITY} messages` };
      }
      const slot = (head + size) % OUTBOX_CAPACITY;
      seqs[slot] = seq++;
      sentAt[slot] = t;
      size++;
      const step = Math.min(sendIntervalUs, partitionUs - t);
      const expiresAt = sentAt[head]! + MESSAGE_TTL_US;
      if (t + step > expiresAt) {
        if (!(yield* spend(ctx, pending + expiresAt - t))) return { status: 'cancelled', param: ms };
        return expired();
      }
      t += step;
      pending += step;
      if (pending >= CANCEL_SLICE_US) {
        if (!(yield* spend(ctx, pending))) return { status: 'cancelled', param: ms };
        pending = 0;
      }
    }
    let delivered = 0;
    while (size > 0) {
      const expiresAt = sentAt[head]! + MESSAGE_TTL_US;
      if (t + RETRANSMIT_US > expiresAt) {
        if (!(yield* spend(ctx, pending + Math.max(0, expiresAt - t)))) return { status: 'cancelled', param: ms };
        return expired();
      }
      t += RETRANSMIT_US;
      pending += RETRANSMIT_US;
      if (seqs[head] !== delivered) throw new Error(`network partition: out-of-order delivery ${seqs[head]} != ${delivered}`);
      delivered++;
      head = (head + 1) % OUTBOX_CAPACITY;
      size--;
    }
    if (!(yield* spend(ctx, pending))) return { status: 'cancelled', param: ms };
    return { status: fault ? 'recovered' : 'ok', param: ms };
  },
};
