import type { EngineTiming } from './timing.js';

const WAKE_TRIES = 3;
const REASK_TRIES = 3;

/** What the conversation knows when the schedule decides whether to ask for a prompt. */
export interface WakeFacts {
  /** Anything at all arrived since the link came up. */
  readonly receivedAny: boolean;
  readonly lastByteAt: number;
  /**
   * The prompt came only buried or glued, with nothing running or queued: the link is up, the
   * prompt is not known, a prompt match was seen, and no bare one waits to settle.
   */
  readonly unsettledIdle: boolean;
  /** A line waits, or the running command's prompt was buried. */
  needsPrompt(): boolean;
}

/**
 * When the engine sends an Enter to ask for a prompt: the wake after a (re)connect (asked again
 * while the far end stays silent), the re-ask for a prompt buried while a line waits, and one
 * more after a quiet spell for a far end whose prompt only ever came glued to its timer lines.
 */
export class WakeSchedule {
  private wakeAt: number | null = null;
  private wakeTries = 0;
  private wokeAt = -Infinity;
  private reaskAt: number | null = null;
  private reaskTries = 0;
  /** Keys went to the target raw since the link came up: no Enter of ours may land in what the user types. */
  private keysTyped = false;

  constructor(private readonly timing: EngineTiming) {}

  /** The connect wake is still to come: a known prompt may answer it. */
  get waking(): boolean {
    return this.wakeAt !== null;
  }

  /** A buried prompt was asked for again since the last settled one. */
  get reasked(): boolean {
    return this.reaskTries > 0;
  }

  linkChanged(up: boolean, now: number): void {
    this.reaskAt = null;
    this.wakeAt = up ? now + this.timing.settleMs : null;
    this.wakeTries = 0;
    this.wokeAt = -Infinity;
    this.keysTyped = false;
  }

  /** A bare prompt is showing: the wake waits for it to settle; buried at once, it still goes. */
  promptShown(now: number): void {
    if (this.wakeAt !== null) this.wakeAt = Math.max(this.wakeAt, now + this.timing.settleMs + 1);
  }

  keyTyped(): void {
    this.keysTyped = true;
  }

  promptSettled(): void {
    this.wakeAt = null;
    this.reaskAt = null;
    this.reaskTries = 0;
  }

  armReask(now: number, facts: WakeFacts): void {
    if (this.reaskAt === null && this.reaskTries < REASK_TRIES && facts.needsPrompt()) this.reaskAt = now + this.timing.reaskMs;
  }

  deadline(facts: WakeFacts): number {
    let next = Infinity;
    if (this.wakeAt !== null) next = this.wakeAt;
    if (this.reaskAt !== null) next = Math.min(next, this.reaskAt);
    if (this.quietWakeDue(facts)) next = Math.min(next, this.quietFrom(facts) + this.timing.quietMs);
    return next;
  }

  /** Sends (through `wake`, with its attempt number) every Enter due by `now`. */
  tick(now: number, facts: WakeFacts, wake: (attempt: number) => void): void {
    const { timing } = this;
    if (this.wakeAt !== null && now >= this.wakeAt) {
      this.wakeAt = null;
      // A far end that stays silent is asked again, later each time (QEMU may not have taken the
      // connection yet); one that said anything at all is left to the prompt rule.
      if (this.wakeTries === 0 || !facts.receivedAny) {
        this.wakeTries++;
        this.wokeAt = now;
        wake(this.wakeTries);
        if (this.wakeTries < WAKE_TRIES && !facts.receivedAny) this.wakeAt = now + timing.reaskMs * 2 ** (this.wakeTries - 1);
      }
    }
    if (this.quietWakeDue(facts) && now - this.quietFrom(facts) >= timing.quietMs) {
      this.wakeTries++;
      this.wokeAt = now;
      wake(this.wakeTries);
    }
    if (this.reaskAt !== null && now >= this.reaskAt) {
      this.reaskAt = null;
      if (facts.needsPrompt()) {
        this.reaskTries++;
        wake(this.reaskTries);
        if (this.reaskTries < REASK_TRIES) this.reaskAt = now + timing.reaskMs * 2 ** this.reaskTries;
      }
    }
  }

  /**
   * A far end whose prompt came only buried or glued (timer lines right after it, the wake's answer
   * included), with nothing running or queued and no key typed raw: asked again once its output has
   * been quiet, up to the wake's tries. A steady heartbeat is left alone; a burst that ends gets its
   * prompt.
   */
  private quietWakeDue(facts: WakeFacts): boolean {
    return facts.unsettledIdle && !this.keysTyped && this.wakeAt === null && this.wakeTries > 0 && this.wakeTries < WAKE_TRIES;
  }

  private quietFrom(facts: WakeFacts): number {
    return Math.max(facts.lastByteAt, this.wokeAt);
  }
}
