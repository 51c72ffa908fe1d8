/** How often the device may ring the user's terminal bell, and how many rings were held back. */
export interface BellLimit {
  /** A run of `count` BELs received at `nowMs`: true when one bell rings for them. */
  take(count: number, nowMs: number): boolean;
  /** BELs received but not rung since the last `takeDropped()`. */
  readonly dropped: number;
  /** Returns `dropped` and starts counting again. */
  takeDropped(): number;
}

/** Least wall ms between two bells that reach the terminal: at most four a second. */
export const BELL_GAP_MS = 250;

/**
 * At most one bell per `gapMs`: a BEL (or a run of them arriving together) rings when the last
 * ring was at least `gapMs` ago; every other BEL is counted and dropped, so a far end sending
 * nothing but BEL bytes rings four times a second and writes four bytes a second.
 */
export function createBellLimit(options: { gapMs?: number } = {}): BellLimit {
  const gapMs = options.gapMs ?? BELL_GAP_MS;
  let lastRing = -Infinity;
  let dropped = 0;
  return {
    take(count, nowMs) {
      if (count <= 0) return false;
      if (nowMs - lastRing >= gapMs) {
        lastRing = nowMs;
        dropped += count - 1;
        return true;
      }
      dropped += count;
      return false;
    },
    get dropped() {
      return dropped;
    },
    takeDropped() {
      const n = dropped;
      dropped = 0;
      return n;
    },
  };
}
