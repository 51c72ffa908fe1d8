/**
 * Virtual time in microseconds and the timers that fire on it. The kernel never reads a wall
 * clock: whoever drives it moves `nowUs` forward through `advanceTo`.
 */
interface Timer {
  readonly id: number;
  readonly dueUs: number;
  readonly fire: () => void;
}

export class Scheduler {
  private current = 0;
  private timers: Timer[] = [];
  private nextId = 1;

  get nowUs(): number {
    return this.current;
  }

  /** Moves the clock forward without firing timers (used by running tasks, which fire them after). */
  spend(us: number): void {
    this.current += us;
  }

  after(delayUs: number, fire: () => void): number {
    const timer = { id: this.nextId++, dueUs: this.current + Math.max(0, delayUs), fire };
    let i = this.timers.length;
    while (i > 0 && this.timers[i - 1]!.dueUs > timer.dueUs) i--;
    this.timers.splice(i, 0, timer);
    return timer.id;
  }

  cancel(id: number): void {
    this.timers = this.timers.filter((t) => t.id !== id);
  }

  nextDueUs(): number | undefined {
    return this.timers[0]?.dueUs;
  }

  /** Fires, in due order, every timer due at or before the current time. */
  fireDue(): void {
    while (this.timers.length > 0 && this.timers[0]!.dueUs <= this.current) {
      this.timers.shift()!.fire();
    }
  }

  /** Idle advance: jumps from timer to timer until `targetUs`. */
  advanceTo(targetUs: number): void {
    for (;;) {
      const due = this.nextDueUs();
      if (due === undefined || due > targetUs) break;
      this.current = Math.max(this.current, due);
      this.fireDue();
    }
    this.current = Math.max(this.current, targetUs);
  }
}
