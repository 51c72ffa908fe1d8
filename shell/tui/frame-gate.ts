import { systemClock, type HostClock } from '../../uart/index.js';

/** A store's `subscribe`, as React's `useSyncExternalStore` takes it. */
export type Subscribe = (listener: () => void) => () => void;

export interface FrameGateOptions {
  /** Least wall ms between two batches of changes while `flooding()`; default 200 (five frames a second). */
  minIntervalMs?: number;
  /** Whether the far end is sending fast enough for frames to be paced; default never. */
  flooding?: () => boolean;
  /** Default the system clock. */
  clock?: HostClock;
}

/**
 * One pace for the frames that received data causes. The stores a flood moves (the unfinished
 * line, the live panel) announce their changes through the gate: while the far end floods, the
 * changes of all of them are passed on together, at most once per `minIntervalMs`, so each frame
 * is laid out once for all of them; the first change after a quiet spell, and every change while
 * the far end is not flooding, passes at once.
 */
export class FrameGate {
  private readonly pending = new Set<() => void>();
  private timer: unknown;
  private lastMs = -Infinity;
  private readonly minIntervalMs: number;
  private readonly flooding: () => boolean;
  private readonly clock: HostClock;

  constructor(options: FrameGateOptions = {}) {
    this.minIntervalMs = options.minIntervalMs ?? 200;
    this.flooding = options.flooding ?? (() => false);
    this.clock = options.clock ?? systemClock;
  }

  /** `subscribe` with its listeners called through the gate. */
  gate(subscribe: Subscribe): Subscribe {
    return (listener) => {
      const unsubscribe = subscribe(() => this.changed(listener));
      return () => {
        this.pending.delete(listener);
        unsubscribe();
      };
    };
  }

  dispose(): void {
    if (this.timer !== undefined) this.clock.clearTimer(this.timer);
    this.timer = undefined;
    this.pending.clear();
  }

  private changed(listener: () => void): void {
    this.pending.add(listener);
    if (this.timer !== undefined) return;
    const wait = this.lastMs + this.minIntervalMs - this.clock.now();
    if (wait <= 0 || !this.flooding()) this.release();
    else this.timer = this.clock.setTimer(() => this.release(), wait);
  }

  private release(): void {
    this.timer = undefined;
    this.lastMs = this.clock.now();
    const listeners = [...this.pending];
    this.pending.clear();
    for (const listener of listeners) listener();
  }
}
