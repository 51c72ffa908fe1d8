/** How a turned-away client's one line starts; clients take it as a refused connection. */
export const BUSY_PREFIX = 'sis: port busy';

/** A client that holds the line, and for how long (ms). */
export interface Holder {
  readonly name: string;
  readonly heldMs: number;
}

/** Holders named in the busy line; the rest are counted, so the line stays short. */
const NAMED_HOLDERS = 3;

/**
 * The line a turned-away client gets: who holds the line, and for how long (whole seconds),
 * e.g. `sis: port busy (held by 127.0.0.1:51234 for 12 s, 127.0.0.1:51240 for 3 s)`.
 */
export function busyLine(holders: readonly Holder[]): string {
  const named = holders.slice(0, NAMED_HOLDERS).map((h) => `${h.name} for ${Math.floor(h.heldMs / 1000)} s`);
  const more = holders.length > NAMED_HOLDERS ? ` and ${holders.length - NAMED_HOLDERS} more` : '';
  return `${BUSY_PREFIX} (held by ${named.join(', ')}${more})\r\n`;
}
