import fc from 'fast-check';

/** Byte streams for fuzzing: any byte value, with the pieces a console sees often made likely. */

const ascii = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'latin1'));

const FRAGMENTS = [
  '\r', '\n', '\r\n', '\x03', '\x08', '\x7f', '\x08 \x08', '\x1b', '\x1b[A', '\x1b[2J', '\x1b]0;title\x07', '\x1bP1$r\x1b\\',
  '\t', '\x00', '\xff', '\x9b', 'sis> ', 'help', 'help autoctl', 'autoctl status', 'autoctl interval 250', 'metricsctl off',
  'metricsctl on', 'clear', 'stresstest report', ' ', '  ', 'x',
].map(ascii);

const printableRun = fc
  .tuple(fc.integer({ min: 0x20, max: 0x7e }), fc.integer({ min: 1, max: 300 }))
  .map(([byte, n]) => new Uint8Array(n).fill(byte));

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.uint8Array({ maxLength: 24 }) },
  { weight: 4, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 1, arbitrary: printableRun },
);

/** Up to a few hundred bytes mixing raw bytes, control keys, escape sequences, commands and long printable runs. */
export const byteStream: fc.Arbitrary<Uint8Array> = fc
  .array(piece, { maxLength: 24 })
  .map((parts) => new Uint8Array(Buffer.concat(parts)));

/** A stream and sorted cut points inside it. */
export const splitStream: fc.Arbitrary<{ bytes: Uint8Array; cuts: number[] }> = byteStream.chain((bytes) =>
  fc
    .uniqueArray(fc.integer({ min: 1, max: Math.max(1, bytes.length - 1) }), { maxLength: 16 })
    .map((cuts) => ({ bytes, cuts: cuts.filter((c) => c < bytes.length).sort((a, b) => a - b) })),
);

/** `bytes` cut at `cuts`. */
export function chunksOf(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  let start = 0;
  for (const cut of [...cuts, bytes.length]) {
    out.push(bytes.subarray(start, cut));
    start = cut;
  }
  return out;
}
