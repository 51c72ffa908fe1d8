import type { HostClock } from './host-clock.js';

export interface ManualClockOptions {
  /** `now()` at the start. Default 0. */
  startMs?: number;
  /** `wallMs()` at the start; it moves with `now()`. Default 0 (1970-01-01T00:00:00Z). */
  wallStartMs?: number;
}

/** A clock that moves only when told to: for tests, which must never wait on real time. */
export interface ManualClock extends HostClock {
  /**
   * Moves time on by `ms`, firing every timer due on the way in order of its due time (ties: in
   * the order they were set). While a timer runs, `now()` is its due time; timers it sets that fall
   * due within the advance fire too. Afterwards `now()` is the old `now()` + `ms`.
   */
  advance(ms: number): void;
  /** Timers set and neither fired nor cleared. */
  pending(): number;
  /** Ms from now to the next timer, or null when none is set. */
  nextDueIn(): number | null;
}

interface Timer {
  readonly at: number;
  readonly seq: number;
  readonly fn: () => void;
}

export function createManualClock(options: ManualClockOptions = {}): ManualClock {
  const startMs = options.startMs ?? 0;
  const wallStartMs = options.wallStartMs ?? 0;
  let now = startMs;
  let seq = 0;
  const timers = new Set<Timer>();
  const earliest = (): Timer | undefined => {
    let first: Timer | undefined;
    for (const timer of timers) {
      if (first === undefined || timer.at < first.at || (timer.at === first.at && timer.seq < first.seq)) first = timer;
    }
    return first;
  };
  return {
    now: () => now,
    wallMs: () => wallStartMs + (now - startMs),
    setTimer(fn, ms) {
      const timer: Timer = { at: now + Math.max(0, Number.isFinite(ms) ? ms : 0), seq: seq++, fn };
      timers.add(timer);
      return timer;
    },
    clearTimer(handle) {
      timers.delete(handle as Timer);
    },
    advance(ms) {
      if (!(ms >= 0)) throw new RangeError(`advance(${ms}): time only moves forward`);
      const end = now + ms;
      for (let next = earliest(); next !== undefined && next.at <= end; next = earliest()) {
        timers.delete(next);
        now = next.at;
        next.fn();
      }
      now = end;
    },
    pending: () => timers.size,
    nextDueIn() {
      const next = earliest();
      return next === undefined ? null : next.at - now;
    },
  };
}
