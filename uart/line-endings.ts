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
 * The console's byte mapping both ways, changeable at run time (tio `--map`, picocom
 * `--imap/--omap`). Received bytes: first the CRs (`incomingCr`), then a bare LF becomes CR LF
 * (`lfToCrlf`). Sent bytes (keys, lines, pasted text): each line end becomes the Enter bytes, DEL
 * becomes BS (`delToBs`). Files and hex sends bypass it.
 */
export interface LineMapping {
  readonly enter: EnterMode;
  readonly incomingCr: IncomingCrMode;
  /** A LF received without a CR before it (after `incomingCr`) becomes CR LF (tio `INLCRNL`). */
  readonly lfToCrlf: boolean;
  /** DEL (0x7f, the Backspace key of most terminals) goes out as BS (0x08) (tio `ODELBS`). */
  readonly delToBs: boolean;
}

export const DEFAULT_MAPPING: LineMapping = { enter: DEFAULT_ENTER, incomingCr: 'keep', lfToCrlf: false, delToBs: false };

const DEL = 0x7f;
const BS = 0x08;

/**
 * Outgoing bytes (keystrokes, pasted text): every line end — CR, LF or CR LF — becomes the Enter
 * bytes. A CR at the end of one chunk and an LF at the start of the next count as one line end;
 * nothing is held back waiting for the next chunk.
 */
export function createOutgoingMapper(mode: EnterMode = DEFAULT_ENTER, delToBs = false): ByteMapper {
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
        else out[n++] = delToBs && byte === DEL ? BS : byte;
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

/** A LF not preceded by CR becomes CR LF; the CR may have ended the previous chunk. */
function createLfToCrlfMapper(): ByteMapper {
  let afterCr = false;
  return {
    map(chunk) {
      const out = new Uint8Array(chunk.length * 2);
      let n = 0;
      for (const byte of chunk) {
        if (byte === LF && !afterCr) out[n++] = CR;
        out[n++] = byte;
        afterCr = byte === CR;
      }
      return out.subarray(0, n);
    },
  };
}

/** The received side of `mapping`, streaming-safe. */
export function createInputMapper(mapping: LineMapping): ByteMapper {
  const crs = createIncomingMapper(mapping.incomingCr);
  if (!mapping.lfToCrlf) return crs;
  const lfs = createLfToCrlfMapper();
  return { map: (chunk) => lfs.map(crs.map(chunk)) };
}

/** The sent side of `mapping`, streaming-safe. */
export function createOutputMapper(mapping: LineMapping): ByteMapper {
  return createOutgoingMapper(mapping.enter, mapping.delToBs);
}
