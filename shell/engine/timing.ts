export interface EngineTiming {
  /** A bare prompt must stay the last thing received this long (ms) before it counts. */
  settleMs: number;
  /** Output quiet this long (ms) lets a line go to a target whose prompt is unknown. */
  quietMs: number;
  /** A prompt buried under other output is asked for again after this long (ms). */
  reaskMs: number;
}

/** ms per character at `baud`, 10 bits a character (8N1). */
export function charMs(baud: number): number {
  return 10_000 / baud;
}

/**
 * Settle time scaled to the line rate: 80 ms plus 20 character times, so a line glued to the
 * prompt by a slow board (9600 baud: 1.04 ms a character) still arrives within it.
 */
export function timingFor(options: { baud?: number | null; quietMs?: number } = {}): EngineTiming {
  const settleMs = Math.round(80 + 20 * charMs(options.baud ?? 115_200));
  const quietMs = options.quietMs ?? 400;
  return { settleMs, quietMs, reaskMs: Math.max(500, 4 * settleMs) };
}
