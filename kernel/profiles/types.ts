/**
 * A calibration profile: the workload sizes, event rates and cost models the kernel model runs
 * with. Results still come from the mechanisms (heap, controller, event sub-models); a profile only
 * sets their parameters.
 */
export interface KernelProfile {
  readonly name: string;
  /** One line for `--help` and the README. */
  readonly summary: string;
  /** Flag defaults that differ from the command table's, by flag name (e.g. `--target-pressure`). */
  readonly flagDefaults: Readonly<Record<string, number>>;
  readonly memory: MemoryProfile;
  readonly chaos: ChaosProfile;
  readonly controller: ControllerProfile;
}

/** Other subsystems' buffers that share the heap with the memory test (network, block I/O, DMA). */
export interface BufferProfile {
  readonly minKiB: number;
  readonly maxKiB: number;
  /** Buffers held at once. */
  readonly capacity: number;
  /** The subsystems act every this many memory-test iterations. */
  readonly everyIterations: number;
}

/**
 * Cost of one successful first-fit allocation, in ns: `baseNs + size / bytesPerNs + holeNs × holes
 * scanned + jitter`, where the holes scanned are estimated as the free holes below the block's
 * address and the jitter (cache effects) is a hash of the handle in 0..jitterNs; `coldPct` % of the
 * allocations (by a second hash) touch a cold page and pay `coldNs` more (TLB miss and refill).
 */
export interface AllocCostProfile {
  readonly baseNs: number;
  readonly bytesPerNs: number;
  readonly holeNs: number;
  readonly jitterNs: number;
  readonly coldPct: number;
  readonly coldNs: number;
}

export interface MemoryProfile {
  /** µs per loop iteration besides the busy-wait and the allocator's work. */
  readonly iterationOverheadUs: number;
  readonly buffers: BufferProfile;
  readonly allocCost: AllocCostProfile;
}

/**
 * Recovery work after a fault, done by `workers` recovery workers in arrival order (restore a
 * checkpoint, restart an agent, resynchronise a queue): a job is small, medium or large with the
 * given chances (%) and a service time drawn uniformly from its µs range. Recovery latency is the
 * time from the fault to the end of its job, queueing included.
 */
export interface RecoveryWorkProfile {
  readonly workers: number;
  readonly sizes: ReadonlyArray<{ readonly pct: number; readonly minUs: number; readonly maxUs: number }>;
}

export interface ChaosProfile {
  /** One iteration of the kernel's busy-wait loop, ns. */
  readonly spinNs: number;
  /** Extra pause between events, µs (uniform in [min, max)); 0 for none. */
  readonly gapUs: readonly [number, number];
  /** With recovery work, the latency line is over faulted events only; without, over every event. */
  readonly recovery: RecoveryWorkProfile | null;
}

export interface ControllerProfile {
  /** Least time between two proactive compactions, µs. */
  readonly compactionCooldownUs: number;
  /** Compact when the free space is this fragmented (100 × (1 − largest free / free)). */
  readonly compactionFragmentationPct: number;
  /** The memory forecast is made (and counted) every this many decision ticks. */
  readonly forecastEveryTicks: number;
  /**
   * Points below the lowest pressure at which this session's workloads have been seen to run out
   * of memory that the controller keeps its pressure ceiling; 0 turns that knowledge off.
   */
  readonly learnedMarginPct: number;
}
