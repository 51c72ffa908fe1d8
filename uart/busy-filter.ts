import { BUSY_PREFIX } from './busy-line.js';

export interface BusyFilter {
  /** Bytes to deliver (none while the start of the stream may still be a busy line). */
  push(chunk: Uint8Array): Uint8Array;
  /** The busy line's text once one was received: the server turned this client away. */
  readonly refusal: string | null;
}

const LINE_LIMIT = 200;

/**
 * A `sis serve` that already has a client answers with one busy line and closes: that is a
 * refused connection, not output of the device. The first bytes of a connection are held while
 * they may still be that line; anything else is delivered untouched.
 */
export function createBusyFilter(): BusyFilter {
  let held = '';
  let deciding = true;
  let refusal: string | null = null;
  return {
    push(chunk) {
      if (!deciding) return chunk;
      held += Buffer.from(chunk).toString('latin1');
      const prefix = held.slice(0, BUSY_PREFIX.length);
      if (!BUSY_PREFIX.startsWith(prefix)) {
        deciding = false;
        const out = new Uint8Array(Buffer.from(held, 'latin1'));
        held = '';
        return out;
      }
      const end = held.indexOf('\n');
      if (end >= 0 || held.length > LINE_LIMIT) {
        deciding = false;
        refusal = held.slice(5, end >= 0 ? end : LINE_LIMIT).replace(/\r$/, '');
        held = '';
      }
      return new Uint8Array(0);
    },
    get refusal() {
      return refusal;
    },
  };
}
