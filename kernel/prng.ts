/**
 * The real kernel's PRNG (reference §5): Marsaglia xorshift64 with the 13/7/17 triple, a zero
 * state replaced by a constant, `rand_range` half-open with modulo bias, `rand_float` in [0, 1].
 * The 64-bit state is kept as two 32-bit halves so a draw costs no BigInt arithmetic; they are held
 * as int32 (the same bits), because a u32 above 2^31 - 1 is no small integer and storing one would
 * box a heap number on every draw.
 */
const ZERO_STATE_HI = 0x12345678 | 0;
const ZERO_STATE_LO = 0x9abcdef0 | 0;
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
    this.hi = Number(value >> 32n) | 0;
    this.lo = Number(value & 0xffffffffn) | 0;
  }

  get state(): bigint {
    return (BigInt(this.hi >>> 0) << 32n) | BigInt(this.lo >>> 0);
  }

  /** One xorshift64 step; returns the low 32 bits of the new state (`rand_u32`). */
  randU32(): number {
    return this.step() >>> 0;
  }

  /** One xorshift64 step; the low 32 bits of the new state as int32 (a small integer, never boxed). */
  private step(): number {
    let hi = this.hi;
    let lo = this.lo;
    if ((hi | lo) === 0) {
      hi = ZERO_STATE_HI;
      lo = ZERO_STATE_LO;
    }
    // x ^= x << 13
    hi ^= (hi << 13) | (lo >>> 19);
    lo ^= lo << 13;
    // x ^= x >> 7 (logical)
    lo ^= (lo >>> 7) | (hi << 25);
    hi ^= hi >>> 7;
    // x ^= x << 17
    hi ^= (hi << 17) | (lo >>> 15);
    lo ^= lo << 17;
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
    const span = max - min;
    const x = this.step() >>> 0;
    if (span !== span >>> 0) return min + (x % span);
    // The remainder by floor division, exact for integers below 2^32 (x / span never rounds up to
    // the next integer) and without the x87 remainder loop that % on doubles compiles to.
    const r = x - Math.floor(x / span) * span;
    // As an int32 when the result is one (min and max are, as every caller's are): unoptimised code
    // computes r from a heap number (x above 2^31 - 1) and would hand one on, deoptimising callers
    // that saw integers.
    return (min | 0) === min && (max | 0) === max ? (min + r) | 0 : min + r;
  }

  /** f32(u32) / f32(u32::MAX), where f32(u32::MAX) rounds to 2^32: 1.0 is reachable. */
  randFloat(): number {
    return Math.fround(Math.fround(this.randU32()) / U32);
  }

  randBool(probability: number): boolean {
    return this.randFloat() < Math.fround(probability);
  }
}
