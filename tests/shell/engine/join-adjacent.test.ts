import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { joinAdjacent } from '../../../shell/engine/index.js';

const bytesOf = (chunks: readonly Uint8Array[]): number[] => chunks.flatMap((c) => [...c]);

describe('joinAdjacent', () => {
  test('gives a read cut into lines back as the read, without copying it', () => {
    const read = new TextEncoder().encode('one\ntwo\nthree');
    const joined = joinAdjacent([read.subarray(0, 4), read.subarray(4, 8), read.subarray(8)]);
    expect(joined).toHaveLength(1);
    expect(joined[0]!.buffer).toBe(read.buffer);
    expect(new TextDecoder().decode(joined[0])).toBe('one\ntwo\nthree');
  });

  test('keeps views of other buffers, and gaps, apart', () => {
    const a = new Uint8Array([1, 2, 3, 4, 5]);
    const b = new Uint8Array([6, 7]);
    const joined = joinAdjacent([a.subarray(0, 2), a.subarray(3, 5), b, a.subarray(0, 1)]);
    expect(joined.map((c) => [...c])).toEqual([[1, 2], [4, 5], [6, 7], [1]]);
  });

  test('the joined views hold the same bytes in the same order, however the views were cut', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 64 }), fc.array(fc.nat(), { maxLength: 12 }), fc.array(fc.boolean(), { maxLength: 12 }), (data, cutsRaw, copies) => {
        const cuts = [...new Set(cutsRaw.map((c) => c % data.length))].sort((x, y) => x - y);
        const bounds = [0, ...cuts.filter((c) => c > 0), data.length];
        const chunks = bounds.slice(1).map((end, i) => (copies[i] ? data.slice(bounds[i], end) : data.subarray(bounds[i], end)));
        const joined = joinAdjacent(chunks);
        expect(bytesOf(joined)).toEqual([...data]);
        expect(joined.length).toBeLessThanOrEqual(chunks.length);
      }),
    );
  });
});
