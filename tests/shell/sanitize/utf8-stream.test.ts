import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { createUtf8Stream } from '../../../shell/sanitize/index.js';

/** What the general streaming decoder makes of the same reads. */
function reference(reads: readonly Uint8Array[]): string {
  const decoder = new TextDecoder('utf-8');
  return reads.map((read) => decoder.decode(read, { stream: true })).join('') + decoder.decode();
}

function decodeAll(reads: readonly Uint8Array[]): string {
  const stream = createUtf8Stream();
  return reads.map((read) => stream.decode(read)).join('') + stream.end();
}

const bytes = (...values: number[]): Uint8Array => new Uint8Array(values);

describe('the device text decoder', () => {
  test('ASCII reads and UTF-8 reads decode as the general decoder does', () => {
    expect(decodeAll([Buffer.from('sis> help\r\n'), Buffer.from('caf\u00e9 \u2713\r\n')])).toBe('sis> help\r\ncaf\u00e9 \u2713\r\n');
  });

  test('a sequence cut across reads, with ASCII reads after it', () => {
    // U+2713 is E2 9C 93; U+1F600 is F0 9F 98 80.
    const reads = [bytes(0x41, 0xe2), bytes(0x9c), bytes(0x93), bytes(0x42), bytes(0xf0, 0x9f, 0x98), bytes(0x80, 0x43)];
    expect(decodeAll(reads)).toBe('A\u2713B\u{1f600}C');
  });

  test('an unfinished sequence followed by ASCII, and one at the end, become U+FFFD', () => {
    expect(decodeAll([bytes(0x41, 0xe2, 0x9c), bytes(0x42)])).toBe('A\ufffdB');
    expect(decodeAll([bytes(0x41, 0xe2)])).toBe('A\ufffd');
  });

  test('any bytes, cut anywhere, decode exactly as the general decoder', () => {
    const alphabet = fc.constantFrom(0x41, 0x0a, 0x7f, 0x80, 0x93, 0x9c, 0xbf, 0xc3, 0xa9, 0xe2, 0xf0, 0x9f, 0xff);
    fc.assert(
      fc.property(fc.array(fc.array(alphabet, { maxLength: 8 }), { maxLength: 10 }), (reads) => {
        const chunks = reads.map((read) => new Uint8Array(read));
        expect(decodeAll(chunks)).toBe(reference(chunks));
      }),
      { numRuns: 2000 },
    );
  });
});
