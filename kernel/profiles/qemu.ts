import type { KernelProfile } from './types.js';

/**
 * What the real kernel was observed to do under QEMU (reference §2.1, §2.7, §3.3): the memory test
 * holds 50–56 % with no OOM, ≈1.9 iterations per ms, 340–383 chaos events per 10 s.
 */
export const QEMU_PROFILE: KernelProfile = {
  name: 'qemu',
  summary: 'the real kernel as observed under QEMU: peak 50-56 %, no OOM, 340-383 chaos events per 10 s',
  flagDefaults: {},
  memory: {
    // ≈1.9 iterations/ms: 299.5 µs mean busy-wait + 222 µs + the allocator's work.
    iterationOverheadUs: 222,
    // 4–64 KiB requests, ≈4 held (≈140 KiB, 1.7 % of the heap).
    buffers: { minKiB: 4, maxKiB: 64, capacity: 8, everyIterations: 4 },
    // Allocator work under TCG emulation: a few hundred ns per call.
    allocCost: { baseNs: 90, bytesPerNs: 8, holeNs: 6, jitterNs: 63, coldPct: 0, coldNs: 0 },
  },
  chaos: {
    // V2's 34–44 counted events/s with the 2000–8000-iteration gap and the events' own costs.
    spinNs: 3900,
    gapUs: [0, 0],
    recovery: null,
  },
  controller: {
    // V4: at most one proactive compaction per 1.5 s.
    compactionCooldownUs: 1_500_000,
    compactionFragmentationPct: 50,
    forecastEveryTicks: 1,
    learnedMarginPct: 0,
  },
};
