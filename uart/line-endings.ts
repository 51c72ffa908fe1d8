/** What the Enter key sends to the device. The real SIS shell and most boards take CR. */
export type EnterMode = 'cr' | 'lf' | 'crlf';

/** What is done to CR bytes received from the device, like tio's --map / picocom's --imap. */
export type IncomingCrMode =
  /** Pass CR through (default). */
  | 'keep'
  /** Drop every CR (picocom `igncr`, tio `IGNCR`). */
  | 'drop'
  /** CR → LF, and CR LF → one LF (tio `ICRNL`, with the pair collapsed). */
  | 'to-lf';

export const DEFAULT_ENTER: EnterMode = 'cr';

const CR = 0x0d;
const LF = 0x0a;
const ENTER_BYTES: Record<EnterMode, readonly number[]> = { cr: [CR], lf: [LF], crlf: [CR, LF] };

/** The bytes Enter sends. */
export function enterBytes(mode: EnterMode = DEFAULT_ENTER): Uint8Array {
  return Uint8Array.from(ENTER_BYTES[mode]);
}

/** A line of text as sent to the device: UTF-8, then the Enter bytes. */
export function encodeLine(text: string, mode: EnterMode = DEFAULT_ENTER): Uint8Array {
  const body = new TextEncoder().encode(text);
  const enter = ENTER_BYTES[mode];
  const out = new Uint8Array(body.length + enter.length);
  out.set(body);
  out.set(enter, body.length);
  return out;
}

export interface ByteMapper {
  map(chunk: Uint8Array): Uint8Array;
}

/**
 * Outgoing bytes (keystrokes, pasted text): every line end — CR, LF or CR LF — becomes the Enter
 * bytes. A CR at the end of one chunk and an LF at the start of the next count as one line end;
 * nothing is held back waiting for the next chunk.
 */
export function createOutgoingMapper(mode: EnterMode = DEFAULT_ENTER): ByteMapper {
  const enter = ENTER_BYTES[mode];
  let afterCr = false;
  return {
    map(chunk) {
      const out = new Uint8Array(chunk.length * enter.length);
      let n = 0;
      for (const byte of chunk) {
        if (byte === LF && afterCr) {
          afterCr = false;
          continue;
        }
        afterCr = byte === CR;
        if (byte === CR || byte === LF) for (const b of enter) out[n++] = b;
        else out[n++] = byte;
      }
      return out.subarray(0, n);
    },
  };
}

/** Incoming bytes from the device, CRs treated per `mode`; streaming-safe like the above. */
export function createIncomingMapper(mode: IncomingCrMode): ByteMapper {
  let afterCr = false;
  return {
    map(chunk) {
      if (mode === 'keep') return chunk;
      const out = new Uint8Array(chunk.length);
      let n = 0;
      for (const byte of chunk) {
        if (mode === 'drop') {
          if (byte !== CR) out[n++] = byte;
          continue;
        }
        if (byte === LF && afterCr) {
          afterCr = false;
          continue;
        }
        afterCr = byte === CR;
        out[n++] = byte === CR ? LF : byte;
      }
      return out.subarray(0, n);
    },
  };
}
