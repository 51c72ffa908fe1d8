/**
 * Removes ANSI/VT escape sequences from a byte stream, keeping state across chunks so a
 * sequence split between two reads is still removed whole. Handles CSI (`ESC [ … final`),
 * OSC (`ESC ] … BEL` or `ESC ] … ESC \`), DCS/SOS/PM/APC strings (`ESC P|X|^|_ … ESC \`) and
 * two- or three-byte escapes (`ESC 7`, `ESC ( B`). Only 7-bit forms: 0x80–0x9f are UTF-8
 * continuation bytes in practice and pass through. CAN (0x18) and SUB (0x1a) abort a sequence.
 */
export interface AnsiStripper {
  /** The input without escape sequences; may be empty. */
  push(chunk: Uint8Array): Uint8Array;
}

const ESC = 0x1b;
const BEL = 0x07;
const CAN = 0x18;
const SUB = 0x1a;
/** A string sequence (OSC, DCS…) longer than this is treated as garbage and ended. */
const MAX_STRING_BYTES = 4096;

type State = 'ground' | 'esc' | 'esc-intermediate' | 'csi' | 'string' | 'string-esc';

export function createAnsiStripper(): AnsiStripper {
  let state: State = 'ground';
  let stringBytes = 0;

  return {
    push(chunk) {
      const out = new Uint8Array(chunk.length);
      let n = 0;
      for (const byte of chunk) {
        if (byte === CAN || byte === SUB) {
          if (state === 'ground') out[n++] = byte;
          else state = 'ground';
          continue;
        }
        switch (state) {
          case 'ground':
            if (byte === ESC) state = 'esc';
            else out[n++] = byte;
            break;
          case 'esc':
            n = afterEsc(byte, out, n);
            break;
          case 'esc-intermediate':
            if (byte === ESC) state = 'esc';
            else if (byte < 0x20) out[n++] = byte;
            else if (byte > 0x2f) state = 'ground';
            break;
          case 'csi':
            if (byte === ESC) state = 'esc';
            else if (byte < 0x20) out[n++] = byte;
            else if (byte >= 0x40) state = 'ground';
            break;
          case 'string':
            if (byte === BEL) state = 'ground';
            else if (byte === ESC) state = 'string-esc';
            else if (++stringBytes > MAX_STRING_BYTES) state = 'ground';
            break;
          case 'string-esc':
            if (byte === 0x5c) state = 'ground';
            else n = afterEsc(byte, out, n);
            break;
        }
      }
      return out.subarray(0, n);
    },
  };

  /** The byte after an ESC (also an ESC inside a string that turns out not to be ST). */
  function afterEsc(byte: number, out: Uint8Array, n: number): number {
    if (byte === 0x5b) state = 'csi';
    else if (byte === 0x5d || byte === 0x50 || byte === 0x58 || byte === 0x5e || byte === 0x5f) {
      state = 'string';
      stringBytes = 0;
    } else if (byte >= 0x20 && byte <= 0x2f) state = 'esc-intermediate';
    else if (byte === ESC) state = 'esc';
    else if (byte < 0x20) {
      state = 'esc';
      out[n++] = byte;
    } else state = 'ground';
    return n;
  }
}
