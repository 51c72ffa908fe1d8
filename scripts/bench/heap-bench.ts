import { pathToFileURL } from 'node:url';
import { Heap } from '../../kernel/heap/heap.js';

export interface HeapBenchResult {
  readonly nsPerOp: number;
  readonly ops: number;
}

/** 60 s of the memory test at ≈1.9 iterations per ms. */
const ITERATIONS = 115_000;
const ROUNDS = 5;

/**
 * Runs a memory-test-like workload once and records it as a trace: a value ≥ 0 allocates that many
 * bytes, -(i + 1) frees the block of the i-th allocation. Replaying the trace repeats the same heap
 * decisions, so the timed part is the allocator alone.
 */
function recordTrace(): { trace: Int32Array; allocs: number; liveMax: number } {
  const heap = new Heap();
  const trace: number[] = [];
  const blocks: number[] = []; // allocation indexes, oldest first
  const handles: number[] = [];
  let seed = 0x2545f491;
  const rand = (lo: number, hi: number): number => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return lo + ((seed >>> 0) % (hi - lo));
  };
  const alloc = (size: number): boolean => {
    trace.push(size);
    const handle = heap.alloc(size);
    handles.push(handle);
    if (handle >= 0) blocks.push(handles.length - 1);
    return handle >= 0;
  };
  const freeAt = (index: number): void => {
    const [i] = blocks.splice(index, 1);
    trace.push(-(i! + 1));
    heap.free(handles[i!]!);
  };
  let liveMax = 0;
  // Reference §2.1 at target 50 %, with autonomy's random removals, plus an 8 KiB block every 97th iteration.
  while (heap.pressurePct() < 50 && alloc(1024));
  for (let it = 0; it < ITERATIONS; it++) {
    const p = heap.pressurePct();
    if (p >= 48 && it % 20 === 0 && blocks.length > 10) {
      for (let n = rand(3, 7); n > 0; n--) freeAt(rand(0, blocks.length));
    }
    if (it % 97 === 0) alloc(8192);
    if (p < 50) {
      if (!alloc(rand(1383, 1689))) {
        const keep = Math.floor((blocks.length * rand(20, 40)) / 100);
        while (blocks.length > keep) freeAt(blocks.length - 1);
      }
    } else if (p > 55) {
      const n = p - 50 > 10 ? Math.max(Math.floor((blocks.length * rand(10, 20)) / 100), 5) : rand(5, 10);
      for (let k = 0; k < n && blocks.length > 0; k++) freeAt(0);
    } else if (it % 10 === 0 && blocks.length > 5) {
      const c = rand(0, 3);
      if (c === 0) freeAt(0);
      else if (c === 1) alloc(2048);
    }
    liveMax = Math.max(liveMax, blocks.length);
  }
  return { trace: Int32Array.from(trace), allocs: handles.length, liveMax };
}

/* Replays trace[from, to); a short function called many times is optimised as a whole, where one
 * long loop would run on-stack-replaced code that deoptimises at its exit on every round. */
function replaySlice(heap: Heap, trace: Int32Array, handles: Int32Array, from: number, to: number, next: number): number {
  for (let i = from; i < to; i++) {
    const op = trace[i]!;
    if (op >= 0) handles[next++] = heap.alloc(op);
    else heap.free(handles[-op - 1]!);
  }
  return next;
}

function replay(heap: Heap, trace: Int32Array, handles: Int32Array): number {
  let next = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < trace.length; i += 1024) {
    next = replaySlice(heap, trace, handles, i, Math.min(trace.length, i + 1024), next);
  }
  return Number(process.hrtime.bigint() - start);
}

function measure(): HeapBenchResult & { liveMax: number } {
  const { trace, allocs, liveMax } = recordTrace();
  const heap = new Heap();
  const handles = new Int32Array(allocs);
  const times: number[] = [];
  for (let round = -1; round < ROUNDS; round++) {
    heap.reset();
    const ns = replay(heap, trace, handles);
    if (round >= 0) times.push(ns);
  }
  times.sort((a, b) => a - b);
  return { nsPerOp: times[Math.floor(ROUNDS / 2)]! / trace.length, ops: trace.length, liveMax };
}

/** Median over 5 replays (after one warm-up) of a 60 s memory-test-like trace, in ns per alloc or free. */
export function benchHeap(): HeapBenchResult {
  const { nsPerOp, ops } = measure();
  return { nsPerOp, ops };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = measure();
  console.log(`Heap: ${r.nsPerOp.toFixed(1)} ns per alloc/free, ${r.ops} operations over ${ITERATIONS} iterations, up to ${r.liveMax} live blocks`);
  console.log(`allocator time for a 60 s memory test: ${((r.nsPerOp * r.ops) / 1e6).toFixed(1)} ms`);
}
