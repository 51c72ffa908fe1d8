/**
 * Counts writes handed to a transport until their completion callbacks run, so `drain()` can wait
 * for the last one; a closing port releases every waiter.
 */
export class WriteTracker {
  private pending = 0;
  private waiters: Array<() => void> = [];

  /** Records one write; returns its completion callback. */
  begin(): () => void {
    this.pending += 1;
    return () => {
      this.pending -= 1;
      if (this.pending === 0) this.release();
    };
  }

  /** Resolves once no write is pending. */
  drained(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  /** Resolves every waiting `drained()`, e.g. because the port closed. */
  release(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}
