export type TimestampMode = 'iso' | 'relative' | 'delta';

/**
 * Prefixes each line of a byte stream with a timestamp taken when the line's first byte
 * arrives: `iso` `[2026-11-27T22:52:06.123Z] `, `relative` `[+12.345s] ` since `startMs`,
 * `delta` `[+0.012s] ` since the previous line started (the first line: since `startMs`).
 * A line ends after `\n`; a lone `\r` does not start a new line.
 */
export interface LineStamper {
  /** `chunk` with prefixes inserted; `nowMs` is the arrival time of the whole chunk. */
  push(chunk: Uint8Array, nowMs: number): Uint8Array;
}

const encoder = new TextEncoder();
const LF = 0x0a;

export function createLineStamper(options: { mode: TimestampMode; startMs: number }): LineStamper {
  const { mode, startMs } = options;
  let atLineStart = true;
  let previousLineMs = startMs;

  const prefix = (nowMs: number): Uint8Array => {
    const text = stampText(mode, nowMs, startMs, previousLineMs);
    previousLineMs = nowMs;
    return encoder.encode(text);
  };

  return {
    push(chunk, nowMs) {
      if (chunk.length === 0) return chunk;
      const parts: Uint8Array[] = [];
      let start = 0;
      for (let i = 0; i < chunk.length; i += 1) {
        if (atLineStart) {
          if (i > start) parts.push(chunk.subarray(start, i));
          parts.push(prefix(nowMs));
          start = i;
          atLineStart = false;
        }
        if (chunk[i] === LF) atLineStart = true;
      }
      parts.push(chunk.subarray(start));
      return concat(parts);
    },
  };
}

/** One line's prefix: `nowMs` is when the line started, `previousLineMs` when the line before it did. */
export function stampText(mode: TimestampMode, nowMs: number, startMs: number, previousLineMs: number): string {
  if (mode === 'iso') return `[${new Date(nowMs).toISOString()}] `;
  if (mode === 'relative') return `[+${seconds(nowMs - startMs)}s] `;
  return `[+${seconds(nowMs - previousLineMs)}s] `;
}

/** Milliseconds as seconds with three decimals, never negative (a clock step back shows 0). */
function seconds(ms: number): string {
  return (Math.max(0, Math.round(ms)) / 1000).toFixed(3);
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0] as Uint8Array;
  let total = 0;
  for (const part of parts) total += part.length;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
