export interface LatencyReport {
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly min: number;
  readonly max: number;
  readonly avg: number;
  readonly count: number;
}

export interface LatencyHistogramOptions {
  /** Largest value tracked with full precision, in ns (default 100e9 = 100 s); larger values are clamped. */
  readonly highestNs?: number;
}

/*
 * Log-linear buckets read straight from the IEEE-754 bits: for v in [2^e, 2^(e+1)) the top 7 mantissa
 * bits split the octave into 128 buckets of width 2^(e-7), so a bucket is at most 1/128 of its lowest
 * value wide and its mid-point is within 1/256 (0.4 %) of every value in it. Index 0 holds 0; v >= 1
 * goes to e * 128 + mantissa7 + 1, i.e. (high word >>> 13) - INDEX_BASE. Below 256 every integer has
 * a bucket of its own.
 */
const INDEX_BASE = (1023 << 7) - 1;
const TWO_POW_32 = 4294967296;
const SUM_CARRY_LIMIT = 4503599627370496; // 2^52: sumLo stays an exact integer below 2^53
const bitsF64 = new Float64Array(1);
const bitsU32 = new Uint32Array(bitsF64.buffer);
const HIGH_WORD = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

function bucketIndex(v: number): number {
  bitsF64[0] = v;
  const raw = (bitsU32[HIGH_WORD]! >>> 13) - INDEX_BASE;
  return raw < 0 ? 0 : raw;
}

/** Mid-point of a bucket, or the one integer it can hold when it is at most 1 wide. */
function bucketRepresentative(index: number): number {
  if (index === 0) return 0;
  const e = (index - 1) >> 7;
  const sub = (index - 1) & 127;
  const low = 2 ** e + sub * 2 ** (e - 7);
  return e <= 7 ? Math.ceil(low) : low + 2 ** (e - 8);
}

/**
 * ceil(p/100 × count), at least 1. p is a binary approximation of a decimal (99.9), so the product can
 * land a few ulps above an integer it exactly equals; a relative nudge of 4e-15 (far below any real
 * fractional part for p with up to 3 decimals and counts up to 1e9) takes it back.
 */
export function nearestRank(p: number, count: number): number {
  return Math.max(1, Math.ceil(((p * count) / 100) * (1 - 4e-15)));
}

export class LatencyHistogram {
  readonly highestNs: number;
  private readonly counts: Float64Array;
  private total = 0;
  private sumLo = 0;
  private sumHi = 0; // in units of 2^32
  private minNs = Infinity;
  private maxNs = 0;

  constructor(options: LatencyHistogramOptions = {}) {
    const highestNs = options.highestNs ?? 100e9;
    if (!Number.isSafeInteger(highestNs) || highestNs < 1) {
      throw new RangeError(`highestNs must be a positive safe integer, got ${highestNs}`);
    }
    this.highestNs = highestNs;
    this.counts = new Float64Array(bucketIndex(highestNs) + 1);
  }

  get count(): number {
    return this.total;
  }

  record(ns: number): void {
    if (!(ns >= 0 && ns <= Number.MAX_SAFE_INTEGER)) {
      throw new RangeError(`latency must be a non-negative safe integer of ns, got ${ns}`);
    }
    const bucket = bucketIndex(ns > this.highestNs ? this.highestNs : ns);
    this.counts[bucket] = (this.counts[bucket] ?? 0) + 1;
    this.total++;
    let lo = this.sumLo + ns;
    if (lo >= SUM_CARRY_LIMIT) {
      const carry = Math.floor(lo / TWO_POW_32);
      this.sumHi += carry;
      lo -= carry * TWO_POW_32;
    }
    this.sumLo = lo;
    if (ns < this.minNs) this.minNs = ns;
    if (ns > this.maxNs) this.maxNs = ns;
  }

  /**
   * Nearest rank: the bucket holding the ceil(p/100 × count)-th smallest sample, reported as its
   * mid-point clamped to the exact [min, max] (a clamp never leaves the bucket, so the error bound holds).
   */
  percentile(p: number): number {
    if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be within 0..100, got ${p}`);
    const total = this.total;
    if (total === 0) return 0;
    const rank = nearestRank(p, total);
    const counts = this.counts;
    let seen = 0;
    let index = 0;
    for (; index < counts.length - 1; index++) {
      seen += counts[index]!;
      if (seen >= rank) break;
    }
    const value = bucketRepresentative(index);
    return value < this.minNs ? this.minNs : value > this.maxNs ? this.maxNs : value;
  }

  report(): LatencyReport {
    const count = this.total;
    if (count === 0) return { p50: 0, p95: 0, p99: 0, min: 0, max: 0, avg: 0, count: 0 };
    return {
      p50: this.percentile(50),
      p95: this.percentile(95),
      p99: this.percentile(99),
      min: this.minNs,
      max: this.maxNs,
      avg: this.average(),
      count,
    };
  }

  reset(): void {
    this.counts.fill(0);
    this.total = 0;
    this.sumLo = 0;
    this.sumHi = 0;
    this.minNs = Infinity;
    this.maxNs = 0;
  }

  private average(): number {
    if (this.sumHi === 0) return Math.floor(this.sumLo / this.total);
    const sum = BigInt(this.sumHi) * BigInt(TWO_POW_32) + BigInt(Math.trunc(this.sumLo));
    return Number(sum / BigInt(this.total));
  }
}
