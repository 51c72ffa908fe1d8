import type { DataBits, Parity, StopBits } from './line-settings.js';

export interface FrameSettings {
  /** Bits per second on the wire. */
  readonly baud: number;
  /** Default 8. */
  readonly dataBits?: DataBits;
  /** Default 'none'. */
  readonly parity?: Parity;
  /** Default 1. */
  readonly stopBits?: StopBits;
}

/**
 * Bytes per second a UART moves at full speed: each byte is one frame of 1 start bit, the data
 * bits, an optional parity bit and the stop bits. 115200 8N1 → 11 520 B/s; 9600 8N1 → 960 B/s.
 */
export function bytesPerSecond(settings: FrameSettings): number {
  const parityBits = (settings.parity ?? 'none') === 'none' ? 0 : 1;
  const frameBits = 1 + (settings.dataBits ?? 8) + parityBits + (settings.stopBits ?? 1);
  return settings.baud / frameBits;
}

export interface PacerOptions {
  readonly bytesPerSecond: number;
  /** The clock the pacer runs on, in microseconds (virtual or wall). */
  readonly nowUs: () => number;
}

/**
 * Releases bytes no faster than a serial line of `bytesPerSecond` would deliver them. A byte may
 * go once its whole frame has been on the wire; while the sender keeps the line busy (a `take`
 * returned less than it asked for) time spent between calls counts, but an idle line saves no
 * credit for later: a burst after a pause starts from the moment it arrives.
 */
export interface Pacer {
  /**
   * How many of `wanted` bytes may be delivered now; those are counted as sent. `wanted` is every
   * byte waiting to go, not a chunk of them: a call that is granted all it asked for tells the
   * pacer the line goes idle once those bytes are out.
   */
  take(wanted: number): number;
  /**
   * The clock time (µs, rounded up) at which `take(n)` will grant `n` bytes, counting from the
   * bytes the last `take` left waiting (call `take` first: an idle line starts nothing).
   */
  nextAvailableUs(n: number): number;
}

/** Slack for floating-point error in clock arithmetic (1 ns; a byte at 16 Mbaud takes 600 ns). */
const EPSILON_US = 1e-3;

export function createPacer(options: PacerOptions): Pacer {
  const { nowUs } = options;
  const rate = options.bytesPerSecond;
  if (!(rate > 0) || !Number.isFinite(rate)) throw new RangeError(`bytesPerSecond must be > 0, got ${rate}`);
  const usPerByte = 1e6 / rate;
  /** Time at which the line finished (or will finish) the last byte counted as sent. */
  let lineFreeUs = -Infinity;
  let backlogged = false;

  const startUs = (now: number): number => (backlogged ? lineFreeUs : Math.max(lineFreeUs, now));

  return {
    take(wanted) {
      const now = nowUs();
      if (!backlogged && lineFreeUs < now) lineFreeUs = now;
      const available = Math.max(0, Math.floor((now - lineFreeUs + EPSILON_US) / usPerByte));
      const granted = Math.min(Math.max(0, Math.floor(wanted)), available);
      lineFreeUs += granted * usPerByte;
      backlogged = granted < wanted;
      return granted;
    },
    nextAvailableUs(n) {
      return Math.ceil(startUs(nowUs()) + Math.max(0, n) * usPerByte - EPSILON_US / 10);
    },
  };
}
