import type { HostClock } from '../../uart/index.js';

/** How often a `--send` transfer says how far it got, in ms of transfer time. */
const EVERY_MS = 1000;

/** The whole percent of a transfer that `sent` of `total` bytes is (100 for an empty one). */
export function wholePercent(sent: number, total: number): number {
  return total === 0 ? 100 : Math.floor((sent * 100) / total);
}

/**
 * Progress of a `--send` transfer, which runs before the console is up: one line for `say` at most
 * once a second, none for a transfer shorter than that and none at the end (the "sent" line
 * follows). `what` names the transfer (`fw.bin by xmodem`); the returned function takes the bytes
 * sent so far.
 */
export function sendProgressLines(what: string, total: number, clock: Pick<HostClock, 'now'>, say: (line: string) => void): (sent: number) => void {
  let lastAt = clock.now();
  return (sent) => {
    const now = clock.now();
    if (now - lastAt < EVERY_MS || sent >= total) return;
    lastAt = now;
    say(`sending ${what}: ${wholePercent(sent, total)}% (${sent} of ${total} bytes)`);
  };
}
