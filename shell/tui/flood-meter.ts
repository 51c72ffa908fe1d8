import { systemClock, type HostClock } from '../../uart/index.js';

export interface FloodMeterOptions {
  /** Bytes within one window above which the far end floods; default 8192 (80 KB/s, seven times a 115200 baud line). */
  thresholdBytes?: number;
  /** Window length in wall ms; default 100. */
  windowMs?: number;
  /** Default the system clock. */
  clock?: HostClock;
}

/**
 * Whether the far end is flooding: it sent more than `thresholdBytes` in the current window or
 * the one before it. Typed keys and their echo never come near; a `cat` of a file over a pty does.
 */
export class FloodMeter {
  private windowStart = -Infinity;
  private current = 0;
  private previous = 0;
  private readonly threshold: number;
  private readonly windowMs: number;
  private readonly clock: HostClock;

  constructor(options: FloodMeterOptions = {}) {
    this.threshold = options.thresholdBytes ?? 8192;
    this.windowMs = options.windowMs ?? 100;
    this.clock = options.clock ?? systemClock;
  }

  add(bytes: number): void {
    this.roll();
    this.current += bytes;
  }

  get flooding(): boolean {
    this.roll();
    return this.current > this.threshold || this.previous > this.threshold;
  }

  private roll(): void {
    const now = this.clock.now();
    if (now - this.windowStart < this.windowMs) return;
    // A gap longer than one window leaves nothing in the window before.
    this.previous = now - this.windowStart < 2 * this.windowMs ? this.current : 0;
    this.current = 0;
    this.windowStart = now;
  }
}
