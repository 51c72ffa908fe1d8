import * as hdr from 'hdr-histogram-js';
import { pathToFileURL } from 'node:url';
import { LatencyHistogram, nearestRank } from '../../kernel/histogram.js';

export interface HistogramBenchResult {
  readonly oursNsPerRecord: number;
  readonly hdrNsPerRecord: number;
  readonly oursWorstErrorPct: number;
  readonly hdrWorstErrorPct: number;
}

const PERCENTILES = [50, 90, 95, 99, 99.9];
const ROUNDS = 5;

/** Log-uniform integers in [1, 1e11) from a fixed-seed mulberry32 stream. */
function logUniformSamples(count: number, seed: number): Float64Array {
  const out = new Float64Array(count);
  const logTop = Math.log(1e11);
  let state = seed >>> 0;
  for (let i = 0; i < count; i++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const u = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    out[i] = Math.floor(Math.exp(u * logTop));
  }
  return out;
}

/* One function per implementation keeps each call site monomorphic; slices of 4096 keep the loops
 * short enough to be optimised as whole functions rather than run as on-stack-replaced code. */
const SLICE = 4096;

function recordOurs(histogram: LatencyHistogram, samples: Float64Array, from: number, to: number): void {
  for (let i = from; i < to; i++) histogram.record(samples[i]!);
}

function recordHdr(histogram: hdr.Histogram, samples: Float64Array, from: number, to: number): void {
  for (let i = from; i < to; i++) histogram.recordValue(samples[i]!);
}

function timeOurs(samples: Float64Array, histogram: LatencyHistogram): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < samples.length; i += SLICE) recordOurs(histogram, samples, i, Math.min(samples.length, i + SLICE));
  return Number(process.hrtime.bigint() - start) / samples.length;
}

function timeHdr(samples: Float64Array, histogram: hdr.Histogram): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < samples.length; i += SLICE) recordHdr(histogram, samples, i, Math.min(samples.length, i + SLICE));
  return Number(process.hrtime.bigint() - start) / samples.length;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function worstErrorPct(sorted: Float64Array, valueAt: (p: number) => number): number {
  let worst = 0;
  for (const p of PERCENTILES) {
    const exact = sorted[nearestRank(p, sorted.length) - 1]!;
    worst = Math.max(worst, (Math.abs(valueAt(p) - exact) / exact) * 100);
  }
  return worst;
}

export function benchHistogram(options: { samples?: number } = {}): HistogramBenchResult {
  const samples = logUniformSamples(options.samples ?? 4_000_000, 0x5eed);
  const ours = new LatencyHistogram({ highestNs: 1e11 });
  const theirs = hdr.build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 1e11,
    numberOfSignificantValueDigits: 2,
    useWebAssembly: false,
  });
  const oursTimes: number[] = [];
  const hdrTimes: number[] = [];
  for (let round = -1; round < ROUNDS; round++) {
    ours.reset();
    theirs.reset();
    const a = timeOurs(samples, ours);
    const b = timeHdr(samples, theirs);
    if (round >= 0) {
      oursTimes.push(a);
      hdrTimes.push(b);
    }
  }

  const sorted = Float64Array.from(samples).sort();
  return {
    oursNsPerRecord: median(oursTimes),
    hdrNsPerRecord: median(hdrTimes),
    oursWorstErrorPct: worstErrorPct(sorted, (p) => ours.percentile(p)),
    hdrWorstErrorPct: worstErrorPct(sorted, (p) => theirs.getValueAtPercentile(p)),
  };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = benchHistogram();
  console.log(`LatencyHistogram: ${r.oursNsPerRecord.toFixed(2)} ns/record, worst percentile error ${r.oursWorstErrorPct.toFixed(3)} %`);
  console.log(`hdr-histogram-js (pure JS): ${r.hdrNsPerRecord.toFixed(2)} ns/record, worst percentile error ${r.hdrWorstErrorPct.toFixed(3)} %`);
  console.log(`speed-up: ${(r.hdrNsPerRecord / r.oursNsPerRecord).toFixed(1)}x`);
}
