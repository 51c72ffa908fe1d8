import { Buffer } from 'node:buffer';
import { EscapeTokenizer } from './escape-tokenizer.js';
import { CONTROL, NONE, TEXT } from './escape-tokens.js';

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

export function createAnsiStripper(): AnsiStripper {
  const tokenizer = new EscapeTokenizer({ controls: 'execute', controlsInText: true, afterLongString: 'text' });
  return {
    push(chunk) {
      if (tokenizer.idle && chunk.indexOf(ESC) < 0) return chunk.slice();
      const out = new Uint8Array(chunk.length);
      let n = 0;
      tokenizer.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1'));
      for (let token = tokenizer.next(); token !== NONE; token = tokenizer.next()) {
        if (token === TEXT) {
          const { start, stop } = tokenizer;
          // Short runs (between colour changes) copy faster by hand than through a subarray view.
          if (stop - start > 64) {
            out.set(chunk.subarray(start, stop), n);
            n += stop - start;
          } else for (let i = start; i < stop; i++) out[n++] = chunk[i]!;
        } else if (token === CONTROL) out[n++] = tokenizer.code;
      }
      return out.subarray(0, n);
    },
  };
}
