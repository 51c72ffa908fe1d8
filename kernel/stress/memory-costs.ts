import type { Heap } from '../heap/heap.js';
import type { AllocCostProfile } from '../profiles/index.js';

/*
 * The memory test's virtual time. The real loop busy-waits rand_range(100,500) µs (299.5 on average)
 * per iteration and runs ≈1.9 iterations per ms under QEMU (reference §2.7): the remaining ≈226 µs
 * are the loop's own work, modelled as a fixed overhead plus what the allocator and frees did.
 */

/** One pre-fill allocation (the pre-fill has no busy-wait). */
export const PREFILL_ALLOC_US = 1;
/** One free, list update included. */
export const FREE_US = 1;
/** Compaction copies about 1000 bytes per µs. */
export const COMPACT_BYTES_PER_US = 1000;

/**
 * Modelled cost of a successful first-fit allocation, in ns (the profile's cost model): a
 * linked-list allocator walks the holes below the block it picks (estimated as the holes' share
 * below its address), splits the hole and writes the header; hashes of the handle stand for cache
 * jitter and for the allocations that land on a cold page.
 */
export function allocLatencyNs(heap: Heap, handle: number, size: number, cost: AllocCostProfile): number {
  const scanned = Math.floor((heap.freeBlockCount * heap.addressOf(handle)) / heap.totalBytes);
  const h = Math.imul(handle, 0x9e3779b1) >>> 0;
  const jitter = Math.floor((h * (cost.jitterNs + 1)) / 4294967296);
  const cold = cost.coldPct > 0 && mod100(Math.imul(h ^ (h >>> 15), 0x85ebca6b) >>> 0) < cost.coldPct ? cost.coldNs : 0;
  return Math.floor(cost.baseNs + size / cost.bytesPerNs + cost.holeNs * scanned) + jitter + cold;
}

/**
 * u % 100 for a u32 in int32 arithmetic: u = 4a + b with b < 4 gives u % 100 = 4 (a % 25) + b, and %
 * by a constant on an int32 compiles to a multiply (on a u32 above 2^31 - 1 it is a floating-point
 * remainder, and floor division a floating-point divide).
 */
function mod100(u: number): number {
  return (((u >>> 2) % 25) << 2) | (u & 3);
}
