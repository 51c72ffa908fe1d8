import type { HostClock } from '../../uart/index.js';
import { BELL_GAP_MS, createBellLimit } from '../sanitize/index.js';

/** A bell storm is over once no BEL was held back for this long; then the count is written. */
const BELL_NOTE_QUIET_MS = 1000;

export interface BellNotesOptions {
  clock: HostClock;
  /** Writes the one dim line that says how many bells were held back. */
  note: (text: string) => void;
}

/**
 * BELs from the device: one rings with the next write if the last ring was long enough ago (at
 * most four a second); once a storm is over, one line says how many were not rung.
 */
export class BellNotes {
  private readonly bells = createBellLimit();
  private ring = false;
  private noteTimer: unknown;
  private lastDropMs = 0;

  constructor(private readonly options: BellNotesOptions) {}

  /** Whether a bell is to ring with the next write. */
  get ringing(): boolean {
    return this.ring;
  }

  /** Returns whether a bell is to ring with this write, and clears it. */
  takeRing(): boolean {
    const ring = this.ring;
    this.ring = false;
    return ring;
  }

  bell(count: number): void {
    const nowMs = this.options.clock.now();
    if (this.bells.take(count, nowMs)) this.ring = true;
    if (this.bells.dropped === 0) return;
    this.lastDropMs = nowMs;
    if (this.noteTimer === undefined) this.noteTimer = this.options.clock.setTimer(() => this.noteBells(), BELL_NOTE_QUIET_MS);
  }

  private noteBells(): void {
    const { clock } = this.options;
    const quietFor = clock.now() - this.lastDropMs;
    if (quietFor < BELL_NOTE_QUIET_MS) {
      this.noteTimer = clock.setTimer(() => this.noteBells(), BELL_NOTE_QUIET_MS - quietFor);
      return;
    }
    this.noteTimer = undefined;
    const dropped = this.bells.takeDropped();
    const perSecond = Math.floor(1000 / BELL_GAP_MS);
    this.options.note(`\x1b[2msis: ${dropped} bell${dropped === 1 ? '' : 's'} from the target not rung (at most ${perSecond} a second)\x1b[22m`);
  }
}
