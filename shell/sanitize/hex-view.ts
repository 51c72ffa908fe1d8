/** Bytes per hex line, as `hexdump -C` prints them. */
export const HEX_LINE_BYTES = 16;

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const ASCII = Array.from({ length: 256 }, (_, i) => (i >= 0x20 && i <= 0x7e ? String.fromCharCode(i) : '.'));

/**
 * One `hexdump -C` line: `00000000  73 69 73 3e 20 …  |sis> …|`. `bytes` holds at most 16; a short
 * line is padded so its ASCII column lines up, and shows only the bytes it has.
 */
export function formatHexLine(offset: number, bytes: Uint8Array): string {
  let hex = '';
  let ascii = '';
  for (let i = 0; i < HEX_LINE_BYTES; i++) {
    if (i === 8) hex += ' ';
    if (i < bytes.length) {
      const b = bytes[i]!;
      hex += HEX[b] + ' ';
      ascii += ASCII[b];
    } else {
      hex += '   ';
    }
  }
  return `${offset.toString(16).padStart(8, '0')}  ${hex} |${ascii}|`;
}

/** All lines of `bytes`, the first at `offset`. */
export function formatHexLines(bytes: Uint8Array, offset = 0): string[] {
  const lines: string[] = [];
  for (let i = 0; i < bytes.length; i += HEX_LINE_BYTES) {
    lines.push(formatHexLine(offset + i, bytes.subarray(i, i + HEX_LINE_BYTES)));
  }
  return lines;
}

export interface HexDumperOptions {
  /** Offset of the first byte pushed (default 0). */
  offset?: number;
}

/** Streaming hex view: completed 16-byte lines as they fill, and the partial line as a live tail. */
export interface HexDumper {
  /** The lines completed by this chunk. */
  push(chunk: Uint8Array): string[];
  /** The partial line, or null when it is empty. */
  tail(): string | null;
  /** Completes the partial line (if any) and returns it; the next byte starts a new line. */
  flush(): string[];
  /** Offset of the next byte. */
  readonly offset: number;
}

export function createHexDumper(options: HexDumperOptions = {}): HexDumper {
  let lineOffset = options.offset ?? 0;
  const partial = new Uint8Array(HEX_LINE_BYTES);
  let filled = 0;

  return {
    push(chunk) {
      const lines: string[] = [];
      let i = 0;
      while (i < chunk.length) {
        if (filled === 0 && chunk.length - i >= HEX_LINE_BYTES) {
          lines.push(formatHexLine(lineOffset, chunk.subarray(i, i + HEX_LINE_BYTES)));
          lineOffset += HEX_LINE_BYTES;
          i += HEX_LINE_BYTES;
          continue;
        }
        const n = Math.min(HEX_LINE_BYTES - filled, chunk.length - i);
        partial.set(chunk.subarray(i, i + n), filled);
        filled += n;
        i += n;
        if (filled === HEX_LINE_BYTES) {
          lines.push(formatHexLine(lineOffset, partial));
          lineOffset += HEX_LINE_BYTES;
          filled = 0;
        }
      }
      return lines;
    },
    tail() {
      return filled === 0 ? null : formatHexLine(lineOffset, partial.subarray(0, filled));
    },
    flush() {
      if (filled === 0) return [];
      const line = formatHexLine(lineOffset, partial.subarray(0, filled));
      lineOffset += filled;
      filled = 0;
      return [line];
    },
    get offset() {
      return lineOffset + filled;
    },
  };
}
