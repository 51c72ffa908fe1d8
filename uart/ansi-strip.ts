import { Buffer } from 'node:buffer';
import { createEscapeTokenizer } from './escape-tokenizer.js';
import type { EscapeSink } from './escape-tokens.js';

/**
 * Removes ANSI/VT escape sequences from a byte stream for a log, keeping state across chunks so a
 * sequence split between two reads is still removed whole: CSI, OSC/DCS/SOS/PM/APC strings (BEL or
 * `ESC \`), two-byte and nF escapes. Only 7-bit forms: 0x80–0x9f are UTF-8 continuation bytes in
 * practice and pass through. CAN (0x18) and SUB (0x1a) cancel a sequence and go with it; other
 * controls inside a CSI act and are kept (VT500). A string longer than 4096 bytes is taken for
 * garbage: the rest of it is kept as text.
 */
export interface AnsiStripper {
  /** The input without escape sequences; may be empty. */
  push(chunk: Uint8Array): Uint8Array;
}

const ESC = 0x1b;
const EMPTY: Uint8Array = new Uint8Array(0);

export function createAnsiStripper(): AnsiStripper {
  let input = EMPTY;
  let out = EMPTY;
  let n = 0;
  const sink: EscapeSink = {
    text(_chunk, start, end) {
      out.set(input.subarray(start, end), n);
      n += end - start;
    },
    control(code) {
      out[n++] = code;
    },
    sequence() {},
  };
  const tokenizer = createEscapeTokenizer(sink, { controls: 'execute', afterLongString: 'text' });

  return {
    push(chunk) {
      if (tokenizer.idle && chunk.indexOf(ESC) < 0) return chunk.slice();
      input = chunk;
      out = new Uint8Array(chunk.length);
      n = 0;
      tokenizer.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1'));
      const result = out.subarray(0, n);
      input = out = EMPTY;
      return result;
    },
  };
}
