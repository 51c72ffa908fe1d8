import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { Heap, type HeapSegment } from '../../kernel/heap/heap.js';

interface ModelBlock {
  addr: number;
  size: number;
  free: boolean;
  handle: number;
}

/** Naive reference: an array of blocks in address order, first fit by linear scan. */
class ModelHeap {
  blocks: ModelBlock[];

  constructor(readonly total: number) {
    this.blocks = [{ addr: 0, size: total, free: true, handle: -1 }];
  }

  /** Where an allocation of `size` would go, or null. */
  place(size: number): { addr: number; size: number } | null {
    const need = Math.max(16, Math.ceil(size / 8) * 8);
    const hole = this.blocks.find((b) => b.free && b.size >= need);
    if (hole === undefined) return null;
    return { addr: hole.addr, size: hole.size - need < 16 ? hole.size : need };
  }

  commitAlloc(size: number, handle: number): void {
    const { addr, size: taken } = this.place(size)!;
    const i = this.blocks.findIndex((b) => b.addr === addr);
    const hole = this.blocks[i]!;
    if (taken === hole.size) {
      hole.free = false;
      hole.handle = handle;
      return;
    }
    this.blocks.splice(i, 0, { addr, size: taken, free: false, handle });
    hole.addr += taken;
    hole.size -= taken;
  }

  free(handle: number): void {
    let i = this.blocks.findIndex((b) => !b.free && b.handle === handle);
    const b = this.blocks[i]!;
    b.free = true;
    b.handle = -1;
    const next = this.blocks[i + 1];
    if (next?.free) {
      b.size += next.size;
      this.blocks.splice(i + 1, 1);
    }
    const prev = this.blocks[i - 1];
    if (prev?.free) {
      prev.size += b.size;
      this.blocks.splice(i, 1);
      i--;
    }
  }

  /** The first `limit` live blocks above the lowest hole are packed down onto it. */
  compact(limit: number): { movedBlocks: number; movedBytes: number; freedHoles: number } {
    const i = this.blocks.findIndex((b) => b.free);
    if (i < 0 || limit === 0) return { movedBlocks: 0, movedBytes: 0, freedHoles: 0 };
    const above = this.blocks.slice(i);
    const live = above.filter((b) => !b.free);
    const moved = live.slice(0, Math.min(limit, live.length));
    const stopAt = moved.length < live.length ? live[moved.length]!.addr : this.total;
    const holesPassed = above.filter((b) => b.free && b.addr < stopAt).length;
    let cursor = this.blocks[i]!.addr;
    let movedBytes = 0;
    for (const b of moved) {
      b.addr = cursor;
      cursor += b.size;
      movedBytes += b.size;
    }
    const movedSet = new Set(moved);
    const hole: ModelBlock = { addr: cursor, size: stopAt - cursor, free: true, handle: -1 };
    this.blocks = [...this.blocks.slice(0, i), ...moved, hole, ...above.filter((b) => b.addr >= stopAt && !movedSet.has(b))];
    return { movedBlocks: moved.length, movedBytes, freedHoles: holesPassed - 1 };
  }
}

function layout(heap: Heap): Omit<HeapSegment, 'handle'>[] {
  return heap.segmentList().map(({ address, size, free }) => ({ address, size, free }));
}

function checkAgainstModel(heap: Heap, model: ModelHeap): void {
  const segments = heap.segmentList();
  expect(segments.map((s) => [s.address, s.size, s.free, s.handle])).toEqual(
    model.blocks.map((b) => [b.addr, b.size, b.free, b.free ? -1 : b.handle]),
  );
  let end = 0;
  const problems: string[] = [];
  segments.forEach((s, i) => {
    if (s.address !== end) problems.push(`gap or overlap at ${s.address}`);
    end += s.size;
    if (i > 0 && s.free && segments[i - 1]!.free) problems.push(`adjacent free blocks at ${s.address}`);
    if (!s.free && (heap.addressOf(s.handle) !== s.address || heap.sizeOf(s.handle) !== s.size)) {
      problems.push(`handle ${s.handle} disagrees with its segment`);
    }
  });
  expect(problems).toEqual([]);
  expect(end).toBe(heap.totalBytes);
  const free = segments.filter((s) => s.free);
  const freeBytes = free.reduce((a, s) => a + s.size, 0);
  const largest = Math.max(0, ...free.map((s) => s.size));
  expect(heap.freeBytes).toBe(freeBytes);
  expect(heap.allocatedBytes + heap.freeBytes).toBe(heap.totalBytes);
  expect(heap.liveBlocks).toBe(segments.length - free.length);
  expect(heap.freeBlockCount).toBe(free.length);
  expect(heap.largestFreeBlock).toBe(largest);
  expect(heap.fragmentationPct()).toBe(freeBytes === 0 ? 0 : Math.floor((100 * (freeBytes - largest)) / freeBytes));
  expect(heap.pressurePct()).toBe(Math.min(100, 100 - Math.floor((freeBytes * 100) / heap.totalBytes)));
}

describe('Heap', () => {
  test('a new heap is one free block of 8 MiB', () => {
    const heap = new Heap();
    expect(heap.totalBytes).toBe(8 * 1024 * 1024);
    expect(layout(heap)).toEqual([{ address: 0, size: 8 * 1024 * 1024, free: true }]);
    expect([heap.allocatedBytes, heap.liveBlocks, heap.freeBlockCount, heap.pressurePct(), heap.fragmentationPct()]).toEqual([0, 0, 1, 0, 0]);
  });

  test('sizes round up to a multiple of 8, at least 16', () => {
    const heap = new Heap({ sizeBytes: 2048 });
    const sizes = [0, 1, 16, 17, 24, 25, 1000].map((n) => heap.sizeOf(heap.alloc(n)));
    expect(sizes).toEqual([16, 16, 16, 24, 24, 32, 1000]);
    expect(heap.allocatedBytes).toBe(1128);
  });

  test('allocation takes the lowest-address hole that fits, from its front', () => {
    const heap = new Heap({ sizeBytes: 1024 });
    const [a, , c] = [100, 200, 100, 50].map((n) => heap.alloc(n));
    expect(heap.addressOf(c!)).toBe(304);
    heap.free(a!);
    heap.free(c!);
    const d = heap.alloc(40);
    expect(heap.addressOf(d)).toBe(0);
    expect(layout(heap).slice(0, 2)).toEqual([
      { address: 0, size: 40, free: false },
      { address: 40, size: 64, free: true },
    ]);
    const e = heap.alloc(80);
    expect(heap.addressOf(e)).toBe(304); // the hole at 40 is too small
  });

  test('a hole left with less than 16 bytes is handed out whole', () => {
    const heap = new Heap({ sizeBytes: 1024 });
    const a = heap.alloc(104);
    heap.alloc(16);
    heap.free(a);
    const b = heap.alloc(96);
    expect([heap.addressOf(b), heap.sizeOf(b), heap.allocatedBytes, heap.freeBlockCount]).toEqual([0, 104, 120, 1]);
  });

  test('free coalesces with the left, the right and both neighbours', () => {
    const heap = new Heap({ sizeBytes: 1024 });
    const [a, b, c, d, e] = [64, 64, 64, 64, 64].map((n) => heap.alloc(n));
    heap.free(b!);
    heap.free(a!); // right neighbour free
    expect(layout(heap)[0]).toEqual({ address: 0, size: 128, free: true });
    heap.free(d!);
    heap.free(e!); // left neighbour free, and the top hole on the right
    expect(layout(heap)).toEqual([
      { address: 0, size: 128, free: true },
      { address: 128, size: 64, free: false },
      { address: 192, size: 832, free: true },
    ]);
    heap.free(c!); // both
    expect(layout(heap)).toEqual([{ address: 0, size: 1024, free: true }]);
  });

  test('fragmentation makes an allocation fail with enough free bytes but no contiguous hole', () => {
    const heap = new Heap({ sizeBytes: 1024 });
    const blocks = Array.from({ length: 8 }, () => heap.alloc(128));
    expect(heap.alloc(16)).toBe(-1);
    blocks.filter((_, i) => i % 2 === 0).forEach((h) => heap.free(h));
    expect([heap.freeBytes, heap.largestFreeBlock, heap.freeBlockCount]).toEqual([512, 128, 4]);
    expect(heap.alloc(129)).toBe(-1);
    expect(heap.pressurePct()).toBe(50);
    expect(heap.fragmentationPct()).toBe(75);
    expect(heap.alloc(128)).toBeGreaterThanOrEqual(0);
  });

  test('a memory-test-like workload runs out of contiguous space before 100 % pressure', () => {
    const heap = new Heap();
    const live: number[] = [];
    let seed = 7;
    const rand = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    let failed = -1;
    for (let step = 0; failed < 0; step++) {
      const size = 1383 + rand(306);
      const h = heap.alloc(size);
      if (h < 0) failed = size;
      else live.push(h);
      if (step % 3 === 2) heap.free(live.splice(rand(live.length), 1)[0]!);
    }
    expect(heap.pressurePct()).toBeLessThan(100);
    expect(heap.freeBytes).toBeGreaterThan(failed * 10);
    expect(heap.largestFreeBlock).toBeLessThan(failed);
  });

  test('full compaction slides blocks down, keeps handles and sizes, and leaves one hole', () => {
    const heap = new Heap({ sizeBytes: 1024 });
    const blocks = Array.from({ length: 7 }, (_, i) => heap.alloc(96 + 8 * i));
    [0, 2, 5].forEach((i) => heap.free(blocks[i]!));
    expect(heap.freeBlockCount).toBe(4);
    const kept = [1, 3, 4, 6].map((i) => blocks[i]!);
    expect(kept.map((h) => heap.addressOf(h))).toEqual([96, 312, 432, 696]);
    expect(heap.compact()).toEqual({ movedBlocks: 4, movedBytes: 104 + 120 + 128 + 144, freedHoles: 3 });
    expect(kept.map((h) => heap.addressOf(h))).toEqual([0, 104, 224, 352]);
    expect(kept.map((h) => heap.sizeOf(h))).toEqual([104, 120, 128, 144]);
    expect(layout(heap).at(-1)).toEqual({ address: 496, size: 528, free: true });
    expect(heap.freeBlockCount).toBe(1);
    expect(heap.compact()).toEqual({ movedBlocks: 0, movedBytes: 0, freedHoles: 0 });
  });

  test('compaction with maxMoves moves the blocks above the lowest hole first', () => {
    const heap = new Heap({ sizeBytes: 1024 });
    const blocks = Array.from({ length: 8 }, () => heap.alloc(128));
    [0, 2, 4, 6].forEach((i) => heap.free(blocks[i]!));
    expect(heap.compact({ maxMoves: 1 })).toEqual({ movedBlocks: 1, movedBytes: 128, freedHoles: 1 });
    expect(layout(heap)).toEqual([
      { address: 0, size: 128, free: false },
      { address: 128, size: 256, free: true },
      { address: 384, size: 128, free: false },
      { address: 512, size: 128, free: true },
      { address: 640, size: 128, free: false },
      { address: 768, size: 128, free: true },
      { address: 896, size: 128, free: false },
    ]);
    expect(heap.addressOf(blocks[1]!)).toBe(0);
    expect(heap.compact({ maxMoves: 0 })).toEqual({ movedBlocks: 0, movedBytes: 0, freedHoles: 0 });
  });

  test('pressure follows reference §2.0', () => {
    const heap = new Heap();
    heap.alloc(1000);
    expect(heap.pressurePct()).toBe(1); // 100 - floor(8387608 * 100 / 8388608) = 100 - 99
    const small = new Heap({ sizeBytes: 1600 });
    small.alloc(792);
    expect(small.pressurePct()).toBe(50); // 100 - floor(808 * 100 / 1600)
    small.alloc(800);
    expect(small.pressurePct()).toBe(100);
  });

  test('stale or unknown handles are bugs and throw', () => {
    const heap = new Heap({ sizeBytes: 1024 });
    const a = heap.alloc(64);
    heap.free(a);
    expect(() => heap.free(a)).toThrow(/unknown or freed handle/);
    const b = heap.alloc(64); // reuses the segment, not the handle
    expect(b).not.toBe(a);
    expect(() => heap.addressOf(a)).toThrow();
    expect(() => heap.free(12345)).toThrow();
    expect(() => heap.free(-1)).toThrow();
    expect(() => heap.free(1.5)).toThrow();
    expect(heap.isLive(b)).toBe(true);
    expect(heap.isLive(a)).toBe(false);
    expect(() => heap.alloc(-1)).toThrow(RangeError);
    expect(heap.alloc(2048)).toBe(-1);
    expect(() => new Heap({ sizeBytes: 1001 })).toThrow(RangeError);
  });

  test('reset frees everything and invalidates handles', () => {
    const heap = new Heap({ sizeBytes: 1024 });
    const a = heap.alloc(100);
    heap.alloc(200);
    heap.reset();
    expect(layout(heap)).toEqual([{ address: 0, size: 1024, free: true }]);
    expect([heap.allocatedBytes, heap.liveBlocks, heap.freeBlockCount]).toEqual([0, 0, 1]);
    expect(() => heap.free(a)).toThrow();
    const b = heap.alloc(100);
    expect(b).not.toBe(a);
    expect(heap.addressOf(b)).toBe(0);
  });

  test('random alloc/free/compact sequences match the reference model', () => {
    const op = fc.oneof(
      { weight: 5, arbitrary: fc.record({ kind: fc.constant('alloc' as const), size: fc.oneof(fc.integer({ min: 0, max: 64 }), fc.integer({ min: 65, max: 900 }), fc.integer({ min: 901, max: 5000 })) }) },
      { weight: 4, arbitrary: fc.record({ kind: fc.constant('free' as const), pick: fc.nat() }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('compact' as const), maxMoves: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }) }) },
    );
    fc.assert(
      fc.property(fc.constantFrom(1024, 3000, 4096, 16384), fc.array(op, { maxLength: 150 }), (total, ops) => {
        const heap = new Heap({ sizeBytes: total });
        const model = new ModelHeap(total);
        const live: number[] = [];
        const dead: number[] = [];
        for (const o of ops) {
          if (o.kind === 'alloc') {
            const expected = model.place(o.size);
            const h = heap.alloc(o.size);
            if (expected === null) expect(h).toBe(-1);
            else {
              expect(h).toBeGreaterThanOrEqual(0);
              expect([heap.addressOf(h), heap.sizeOf(h)]).toEqual([expected.addr, expected.size]);
              model.commitAlloc(o.size, h);
              live.push(h);
            }
          } else if (o.kind === 'free') {
            if (live.length === 0) continue;
            const [h] = live.splice(o.pick % live.length, 1);
            heap.free(h!);
            model.free(h!);
            dead.push(h!);
          } else {
            expect(heap.compact(o.maxMoves === undefined ? {} : { maxMoves: o.maxMoves })).toEqual(
              model.compact(o.maxMoves ?? Number.POSITIVE_INFINITY),
            );
          }
          checkAgainstModel(heap, model);
        }
        for (const h of dead) expect(heap.isLive(h)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  test('a long run with thousands of segments over many pages matches the reference model', () => {
    const total = 512 * 1024;
    const heap = new Heap({ sizeBytes: total });
    const model = new ModelHeap(total);
    const live: number[] = [];
    let seed = 99;
    const rand = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    let maxSegments = 0;
    for (let step = 0; step < 8000; step++) {
      const r = rand(100);
      if (r < 60) {
        const size = rand(20) === 0 ? 200 + rand(3000) : 16 + rand(100);
        const expected = model.place(size);
        const h = heap.alloc(size);
        expect(h >= 0 ? heap.addressOf(h) : null).toBe(expected?.addr ?? null);
        if (h >= 0) {
          model.commitAlloc(size, h);
          live.push(h);
        }
      } else if (r < 99 && live.length > 0) {
        const [h] = live.splice(rand(4) === 0 ? rand(live.length) : 0, 1);
        heap.free(h!);
        model.free(h!);
      } else {
        const maxMoves = rand(50);
        expect(heap.compact({ maxMoves })).toEqual(model.compact(maxMoves));
      }
      maxSegments = Math.max(maxSegments, model.blocks.length);
      if (step % 500 === 0) checkAgainstModel(heap, model);
    }
    checkAgainstModel(heap, model);
    expect(maxSegments).toBeGreaterThan(1500);
  });
});
