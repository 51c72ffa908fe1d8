/**
 * The real kernel's PRNG (reference §5): Marsaglia xorshift64 with the 13/7/17 triple, a zero
 * state replaced by a constant, `rand_range` half-open with modulo bias, `rand_float` in [0, 1].
 * The 64-bit state is kept as two u32 halves so a draw costs no BigInt arithmetic.
 */
const ZERO_STATE_HI = 0x12345678;
const ZERO_STATE_LO = 0x9abcdef0;
const U32 = 4294967296;

export class Prng {
  private hi = 0;
  private lo = 0;

  constructor(seed: bigint | number = 0) {
    this.seed(seed);
  }

  /** `init_prng(seed)`: stores the seed verbatim (taken modulo 2^64). */
  seed(seed: bigint | number): void {
    const value = BigInt.asUintN(64, BigInt(seed));
    this.hi = Number(value >> 32n);
    this.lo = Number(value & 0xffffffffn);
  }

  get state(): bigint {
    return (BigInt(this.hi) << 32n) | BigInt(this.lo);
  }

  /** One xorshift64 step; returns the low 32 bits of the new state (`rand_u32`). */
  randU32(): number {
    let hi = this.hi;
    let lo = this.lo;
    if (hi === 0 && lo === 0) {
      hi = ZERO_STATE_HI;
      lo = ZERO_STATE_LO;
    }
    // x ^= x << 13
    hi = (hi ^ ((hi << 13) | (lo >>> 19))) >>> 0;
    lo = (lo ^ (lo << 13)) >>> 0;
    // x ^= x >> 7 (logical)
    lo = (lo ^ ((lo >>> 7) | (hi << 25))) >>> 0;
    hi = (hi ^ (hi >>> 7)) >>> 0;
    // x ^= x << 17
    hi = (hi ^ ((hi << 17) | (lo >>> 15))) >>> 0;
    lo = (lo ^ (lo << 17)) >>> 0;
    this.hi = hi;
    this.lo = lo;
    return lo;
  }

  /** `rand_u64`: the whole new state. */
  next(): bigint {
    this.randU32();
    return this.state;
  }

  /** Half-open [min, max); `min >= max` returns `min` without advancing the state. */
  randRange(min: number, max: number): number {
    if (min >= max) return min;
    return min + (this.randU32() % (max - min));
  }

  /** f32(u32) / f32(u32::MAX), where f32(u32::MAX) rounds to 2^32: 1.0 is reachable. */
  randFloat(): number {
    return Math.fround(Math.fround(this.randU32()) / U32);
  }

  randBool(probability: number): boolean {
    return this.randFloat() < Math.fround(probability);
  }
}
