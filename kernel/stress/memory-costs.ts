import type { Heap } from '../heap.js';

/*
 * The memory test's virtual time. The real loop busy-waits rand_range(100,500) µs (299.5 on average)
 * per iteration and runs ≈1.9 iterations per ms under QEMU (reference §2.7): the remaining ≈226 µs
 * are the loop's own work, modelled as a fixed overhead plus what the allocator and frees did.
 */

/** Per iteration besides the busy-wait and the allocator's work (timestamps and bookkeeping under QEMU). */
export const ITERATION_OVERHEAD_US = 222;
/** One pre-fill allocation (the pre-fill has no busy-wait). */
export const PREFILL_ALLOC_US = 1;
/** One free, list update included. */
export const FREE_US = 1;
/** Compaction copies about 1000 bytes per µs. */
export const COMPACT_BYTES_PER_US = 1000;

/**
 * Modelled cost of a successful first-fit allocation, in ns: a linked-list allocator walks the
 * holes below the block it picks (estimated as the holes' share below its address), splits the hole
 * and writes the header; a hash of the handle stands for cache and TLB jitter (0..63 ns).
 */
export function allocLatencyNs(heap: Heap, handle: number, size: number): number {
  const scanned = Math.floor((heap.freeBlockCount * heap.addressOf(handle)) / heap.totalBytes);
  return 90 + (size >> 3) + 6 * scanned + (Math.imul(handle, 0x9e3779b1) >>> 26);
}
