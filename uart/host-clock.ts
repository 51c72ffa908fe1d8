/**
 * The host side's one source of time. `now()` is monotonic milliseconds from any origin: for
 * durations, deadlines and throttles. `wallMs()` is milliseconds since the Unix epoch: only for
 * stamps a person reads (log prefixes, `recorded_at`, file names).
 */
export interface HostClock {
  now(): number;
  wallMs(): number;
  /** Runs `fn` once, `ms` from now (≤ 0: as soon as possible); returns a handle for `clearTimer`. */
  setTimer(fn: () => void, ms: number, options?: TimerOptions): unknown;
  /** Cancels a timer not yet fired; a handle that fired or was cleared is ignored. */
  clearTimer(handle: unknown): void;
}

export interface TimerOptions {
  /**
   * Housekeeping that need not run if nothing else keeps the process alive (a periodic flush that
   * closing also does): the real clock unrefs it. Default false.
   */
  readonly background?: boolean;
}

/**
 * The process's clock: `performance.now`, `Date.now`, `setTimeout`. A timer keeps the process
 * alive (it is work still to do: a deadline, a retry, a batched write), unless it is set with
 * `background`; every component clears its own timers when it is closed or disposed.
 */
export const systemClock: HostClock = {
  now: () => performance.now(),
  wallMs: () => Date.now(),
  setTimer(fn, ms, options) {
    const timer = setTimeout(fn, ms);
    if (options?.background === true) timer.unref();
    return timer;
  },
  clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Calls `fn` every `everyMs` until the returned function is called. The next call is timed from
 * the end of the one before, so a slow `fn` never queues calls behind it.
 */
export function repeatTimer(clock: HostClock, fn: () => void, everyMs: number, options?: TimerOptions): () => void {
  let stopped = false;
  let handle: unknown;
  const run = (): void => {
    handle = undefined;
    fn();
    if (!stopped) handle = clock.setTimer(run, everyMs, options);
  };
  handle = clock.setTimer(run, everyMs, options);
  return () => {
    stopped = true;
    if (handle !== undefined) clock.clearTimer(handle);
    handle = undefined;
  };
}

/** Resolves `ms` later on `clock`. */
export function delay(clock: HostClock, ms: number): Promise<void> {
  return new Promise((resolve) => void clock.setTimer(resolve, ms));
}
