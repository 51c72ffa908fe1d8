import { Buffer } from 'node:buffer';

const encoder = new TextEncoder();

/**
 * How lines are given to the engine: `utf8` text (typed in the TUI), or `bytes`, one char per byte
 * (read from a pipe or a script file as latin1, so any byte, valid UTF-8 or not, goes out as read).
 */
export type LineEncoding = 'utf8' | 'bytes';

/** A line as the target receives it, then the line ending. */
export function encodeLine(line: string, lineEnding: string, encoding: LineEncoding = 'utf8'): Uint8Array {
  return encoding === 'utf8' ? encoder.encode(line + lineEnding) : new Uint8Array(Buffer.from(line + lineEnding, 'latin1'));
}

/** One char per byte, so any split of a stream decodes to the same text. */
export function decodeLatin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/**
 * `chunks` with each run of views that follow one another in the same buffer joined into one view
 * (no bytes copied). The engine hands a read on line by line, as views into the read: joined, a
 * consumer that takes bytes whole gets the read back, not a line at a time.
 */
export function joinAdjacent(chunks: readonly Uint8Array[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  let i = 0;
  while (i < chunks.length) {
    const first = chunks[i]!;
    let end = first.byteOffset + first.byteLength;
    let j = i + 1;
    for (; j < chunks.length; j++) {
      const next = chunks[j]!;
      if (next.buffer !== first.buffer || next.byteOffset !== end) break;
      end += next.byteLength;
    }
    out.push(j === i + 1 ? first : new Uint8Array(first.buffer, first.byteOffset, end - first.byteOffset));
    i = j;
  }
  return out;
}
