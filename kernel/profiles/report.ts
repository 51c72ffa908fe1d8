import type { KernelProfile } from './types.js';

/**
 * The report's Validation Results and Usage Examples (seed-report.md): the memory test at the
 * report-era default target of 85 % (reference §10) runs into 2–8 OOMs per run, peak 87–95 %,
 * average 68–79 %, allocations of 52/143/398 ns; chaos with 20 % failure injection has ≈95 events
 * per 10 s and recovery latencies of 145/2100/3200 ms. Its latencies are those of real hardware.
 */
export const REPORT_PROFILE: KernelProfile = {
  name: 'report',
  summary: "the report's results: peak 87-95 %, 2-8 OOMs, ~95 chaos events per 10 s (default)",
  flagDefaults: { '--target-pressure': 85 },
  memory: {
    iterationOverheadUs: 222,
    // Network rings and block-I/O buffers of 16–160 KiB, up to 14 held.
    buffers: { minKiB: 16, maxKiB: 160, capacity: 14, everyIterations: 4 },
    // A first-fit walk on real hardware: 0.5 ns per hole visited, 2 % of the allocations on a
    // cold page (TLB miss and line refills, ≈340 ns).
    allocCost: { baseNs: 2, bytesPerNs: 128, holeNs: 0.5, jitterNs: 12, coldPct: 2, coldNs: 340 },
  },
  chaos: {
    spinNs: 3500,
    // Scheduling of the chaos agent between events on a loaded board.
    gapUs: [40_000, 120_000],
    // Restarting an agent or resynchronising a queue (small), reloading a checkpoint (medium),
    // rebuilding a model or a subsystem's state (large).
    recovery: {
      workers: 3,
      sizes: [
        { pct: 70, minUs: 20_000, maxUs: 150_000 },
        { pct: 20, minUs: 180_000, maxUs: 600_000 },
        { pct: 10, minUs: 1_500_000, maxUs: 4_500_000 },
      ],
    },
  },
  controller: {
    compactionCooldownUs: 3_000_000,
    compactionFragmentationPct: 25,
    forecastEveryTicks: 3,
    learnedMarginPct: 21,
  },
};
