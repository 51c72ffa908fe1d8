import { describe, expect, test } from '@jest/globals';
import type { CommandContext } from '../../../kernel/commands/types.js';
import { Heap } from '../../../kernel/heap/heap.js';
import { Prng } from '../../../kernel/prng.js';
import { Scheduler } from '../../../kernel/scheduler.js';
import { createKernelState } from '../../../kernel/state.js';
import { createStressContext } from '../../../kernel/stress/context.js';
import { BlockList } from '../../../kernel/stress/memory-blocks.js';
import { QEMU_PROFILE } from '../../../kernel/profiles/index.js';
import { KernelBuffers } from '../../../kernel/stress/memory-buffers.js';
import { allocLatencyNs } from '../../../kernel/stress/memory-costs.js';
import { MemoryRun } from '../../../kernel/stress/memory-run.js';

const BUFFERS = { minKiB: 4, maxKiB: 64, capacity: 16, everyIterations: 4 };
const QEMU_COST = QEMU_PROFILE.memory.allocCost;

/** A block list over `n` 100-byte blocks; returns the list and the heap addresses in list order. */
function listOf(n: number) {
  const heap = new Heap({ sizeBytes: 1 << 20 });
  const list = new BlockList(heap);
  for (let i = 0; i < n; i++) list.push(heap.alloc(100));
  return { heap, list };
}

/** Which of the original blocks (numbered by address, which is list order here) are still live. */
function held(heap: Heap): number[] {
  return heap
    .segmentList()
    .filter((s) => !s.free)
    .map((s) => s.address / 104);
}

describe('BlockList', () => {
  test('frees from the front, truncates the back, removes at an index in order', () => {
    const { heap, list } = listOf(10);
    expect(list.dropFront(2)).toBe(208);
    expect(list.truncate(6)).toBe(208);
    expect(held(heap)).toEqual([2, 3, 4, 5, 6, 7]);
    list.removeAt(1); // nearer the front
    list.removeAt(3); // nearer the back
    expect(held(heap)).toEqual([2, 4, 5, 7]);
    expect(list.length).toBe(4);
    list.dropFront(1);
    list.removeAt(2);
    expect(held(heap)).toEqual([4, 5]);
    list.clear();
    expect(heap.allocatedBytes).toBe(0);
  });

  test('keeps its order while it grows and wraps past its first capacity', () => {
    const heap = new Heap({ sizeBytes: 8 << 20 });
    const list = new BlockList(heap);
    const order: number[] = [];
    for (let i = 0; i < 20_000; i++) {
      const h = heap.alloc(64);
      list.push(h);
      order.push(h);
      if (i % 3 === 0) {
        list.dropFront(1);
        order.shift();
      }
    }
    list.removeAt(5000);
    const removed = order.splice(5000, 1)[0]!;
    expect(heap.isLive(removed)).toBe(false);
    expect(list.length).toBe(order.length);
    let outOfOrder = 0;
    for (let k = 0; k < order.length; k++) {
      if (!heap.isLive(order[k]!)) outOfOrder++;
      list.dropFront(1);
      if (heap.isLive(order[k]!)) outOfOrder++;
    }
    expect(outOfOrder).toBe(0);
    expect(heap.allocatedBytes).toBe(0);
  });

  test('dropUntilPressure frees the oldest blocks until the pressure is at most the ceiling', () => {
    const heap = new Heap();
    const list = new BlockList(heap);
    while (heap.pressurePct() < 90) list.push(heap.alloc(4096));
    const [blocks, bytes] = list.dropUntilPressure(80);
    expect(heap.pressurePct()).toBe(80);
    expect(bytes).toBe(blocks * 4096);
  });
});

describe('KernelBuffers', () => {
  test('4–64 KiB requests, at most 16 held, all handed back', () => {
    const heap = new Heap();
    const buffers = new KernelBuffers(heap, BUFFERS);
    const prng = new Prng(7n);
    let most = 0;
    const sizes = new Set<number>();
    for (let i = 0; i < 5000; i++) {
      expect(buffers.step(prng)).toBe(true);
      most = Math.max(most, buffers.heldCount);
      if (i % 10 === 0) for (const s of heap.segmentList()) if (!s.free) sizes.add(s.size);
    }
    expect(most).toBe(16);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(BUFFERS.minKiB * 1024);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(BUFFERS.maxKiB * 1024);
    expect([...sizes].every((n) => n % 1024 === 0)).toBe(true);
    buffers.releaseAll();
    expect(heap.allocatedBytes).toBe(0);
  });

  test('a request that does not fit is reported with its size', () => {
    const heap = new Heap({ sizeBytes: 4096 });
    const buffers = new KernelBuffers(heap, BUFFERS);
    const prng = new Prng(1n);
    let failed = false;
    for (let i = 0; i < 50 && !failed; i++) failed = !buffers.step(prng);
    expect(failed).toBe(true);
    expect(buffers.failedBytes).toBeGreaterThanOrEqual(BUFFERS.minKiB * 1024);
  });
});

describe('memory test cost model', () => {
  test('allocation latency grows with the holes below the block; jitter stays within 64 ns', () => {
    const heap = new Heap();
    const first = heap.alloc(1536);
    expect(allocLatencyNs(heap, first, 1536, QEMU_COST)).toBeGreaterThanOrEqual(90 + 192);
    expect(allocLatencyNs(heap, first, 1536, QEMU_COST)).toBeLessThan(90 + 192 + 64);
    const handles = Array.from({ length: 4000 }, () => heap.alloc(1536));
    handles.forEach((h, i) => i % 2 === 0 && heap.free(h)); // 2000 holes below the top
    const top = heap.alloc(1600); // fits no hole: placed above all of them
    const ns = allocLatencyNs(heap, top, 1600, QEMU_COST);
    const scanned = Math.floor((heap.freeBlockCount * heap.addressOf(top)) / heap.totalBytes);
    expect(scanned).toBeGreaterThan(1000);
    expect(ns - (90 + 200 + 6 * scanned)).toBeGreaterThanOrEqual(0);
    expect(ns - (90 + 200 + 6 * scanned)).toBeLessThan(64);
  });

  test('≈1.9 iterations per virtual ms (reference §2.7: about 19 000 per 10 s)', () => {
    const clock = new Scheduler();
    const state = createKernelState();
    const command = {
      print: () => {},
      clock,
      prng: new Prng(),
      state,
      commands: [],
      cancelled: false,
      interpret: () => true,
      feedShell: () => 0,
    } satisfies CommandContext;
    const ctx = createStressContext({ command, config: { duration: 10_000 }, seed: 3n });
    const run = new MemoryRun(ctx, { durationMs: 10_000, targetPct: 50, oomProbabilityPct: 0, noisePct: 10 });
    clock.spend(run.prefill());
    while (clock.nowUs < 10_000_000) clock.spend(run.slice(5000, 10_000_000 - clock.nowUs));
    expect(run.iterations).toBeGreaterThan(18_500);
    expect(run.iterations).toBeLessThan(19_500);
    run.release();
  });
});
