import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { Prng } from '../../kernel/index.js';

const MASK = (1n << 64n) - 1n;

/** Reference xorshift64 (13/7/17) in BigInt, straight from reference §5. */
function referenceNext(state: bigint): bigint {
  let x = state === 0n ? 0x123456789abcdef0n : state;
  x ^= (x << 13n) & MASK;
  x ^= x >> 7n;
  x ^= (x << 17n) & MASK;
  return x;
}

function undoShiftLeft(y: bigint, k: bigint): bigint {
  let x = y;
  for (let i = 0; i < 64; i++) x = y ^ ((x << k) & MASK);
  return x;
}

function undoShiftRight(y: bigint, k: bigint): bigint {
  let x = y;
  for (let i = 0; i < 64; i++) x = y ^ (x >> k);
  return x;
}

function previousState(state: bigint): bigint {
  return undoShiftLeft(undoShiftRight(undoShiftLeft(state, 17n), 7n), 13n);
}

describe('Prng (xorshift64 13/7/17)', () => {
  test('seed 1 gives the hand-derived first states', () => {
    // x=1: x^=x<<13 → 0x2001; x^=x>>7 → 0x2001 ^ 0x40 = 0x2041; x^=x<<17 → 0x2041 ^ 0x40820000 = 0x40822041
    const prng = new Prng(1n);
    expect(prng.next()).toBe(0x40822041n);
    expect(prng.next()).toBe(referenceNext(0x40822041n));
  });

  test('a zero state is replaced by 0x123456789ABCDEF0', () => {
    const prng = new Prng(0n);
    expect(prng.next()).toBe(referenceNext(0x123456789abcdef0n));
  });

  test('matches the BigInt reference for 200 steps from each of 50 arbitrary 64-bit seeds', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: MASK }), (seed) => {
        const prng = new Prng(seed);
        let state = seed;
        for (let i = 0; i < 200; i++) {
          state = referenceNext(state);
          expect(prng.next()).toBe(state);
        }
      }),
      { numRuns: 50 },
    );
  });

  test('rand_u32 is the low 32 bits of the new state', () => {
    const a = new Prng(987654321n);
    const b = new Prng(987654321n);
    for (let i = 0; i < 100; i++) expect(BigInt(a.randU32())).toBe(b.next() & 0xffffffffn);
  });

  test('rand_range is half-open [min, max) with modulo', () => {
    const a = new Prng(42n);
    const b = new Prng(42n);
    for (let i = 0; i < 1000; i++) {
      const value = a.randRange(20, 70);
      expect(value).toBe(20 + (b.randU32() % 50));
      expect(value).toBeGreaterThanOrEqual(20);
      expect(value).toBeLessThan(70);
    }
  });

  test('rand_range is min + u32 % span for any span, small or up to and beyond 2^32', () => {
    const span = fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 2 ** 30 + 5 }), fc.integer({ min: 2 ** 30 - 5, max: 2 ** 33 }));
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: MASK }), fc.integer({ min: -(2 ** 31), max: 2 ** 31 }), span, (seed, min, width) => {
        const a = new Prng(seed);
        const b = new Prng(seed);
        for (let i = 0; i < 20; i++) expect(a.randRange(min, min + width)).toBe(min + Number(BigInt(b.randU32()) % BigInt(width)));
      }),
      { numRuns: 500 },
    );
  });

  test('rand_range with min >= max returns min without advancing', () => {
    const prng = new Prng(7n);
    const before = prng.state;
    expect(prng.randRange(5, 5)).toBe(5);
    expect(prng.randRange(9, 3)).toBe(9);
    expect(prng.state).toBe(before);
  });

  test('rand_float is f32(u32)/2^32 and can return exactly 1.0', () => {
    const a = new Prng(123n);
    const b = new Prng(123n);
    for (let i = 0; i < 1000; i++) expect(a.randFloat()).toBe(Math.fround(Math.fround(b.randU32()) / 4294967296));
    // Seed with the predecessor of a state whose low word is u32::MAX: the next float is 1.0.
    const prng = new Prng(previousState(0x00000001ffffffffn));
    expect(prng.randFloat()).toBe(1);
  });

  test('rand_bool(p) is rand_float() < p', () => {
    const a = new Prng(99n);
    const b = new Prng(99n);
    for (let i = 0; i < 1000; i++) expect(a.randBool(0.5)).toBe(b.randFloat() < 0.5);
  });
});
