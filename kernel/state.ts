import { AutonomyController } from './autonomy/controller.js';
import { createTelemetryBoard, type TelemetryBoard } from './autonomy/telemetry.js';
import { AutonomyMetrics } from './autonomy/metrics.js';
import { Heap } from './heap/heap.js';
import { DEFAULT_PROFILE, type KernelProfile } from './profiles/index.js';
import { TestHistory } from './stress/history.js';

/** Kernel-wide mutable state shared by commands, tasks and the autonomy controller. */
export interface AutonomyState {
  enabled: boolean;
  timerArmed: boolean;
  /** Decision interval in ms (`autoctl interval`). */
  intervalMs: number;
  totalDecisions: number;
  safeMode: boolean;
  learningFrozen: boolean;
  /** What running tests publish for the autonomy controller, and its directives back. */
  readonly telemetry: TelemetryBoard;
}

export interface KernelState {
  /** The calibration profile the model runs with. */
  readonly profile: KernelProfile;
  autonomy: AutonomyState;
  /** Runtime METRIC line switch (`metricsctl`). */
  metricsEnabled: boolean;
  /** The 8 MiB kernel heap the tests allocate from. */
  readonly heap: Heap;
  readonly metrics: AutonomyMetrics;
  readonly history: TestHistory;
  /** Decides every `autonomy.intervalMs` while autonomy is enabled, once attached to the kernel's clock. */
  readonly controller: AutonomyController;
}

/**
 * What hosts, tests and benchmarks may read of the kernel. It changes only through the kernel's
 * commands and its own methods (`Kernel.setAutonomy`), as on the real board.
 */
export interface KernelView {
  readonly profile: KernelProfile;
  readonly autonomy: Readonly<AutonomyState>;
  readonly metricsEnabled: boolean;
  readonly heap: Pick<Heap, 'allocatedBytes' | 'freeBytes' | 'liveBlocks' | 'freeBlockCount' | 'largestFreeBlock' | 'totalBytes' | 'pressurePct' | 'fragmentationPct'>;
  readonly metrics: Pick<AutonomyMetrics, 'snapshot'>;
  readonly history: Pick<TestHistory, 'list'>;
}

export const DEFAULT_DECISION_INTERVAL_MS = 500;
/** QEMU virt's counter frequency: `autoctl` prints timer cycles as (cntfrq/1000) * ms. */
export const CNTFRQ_HZ = 62_500_000;

export function createKernelState(profile: KernelProfile = DEFAULT_PROFILE): KernelState {
  const autonomy: AutonomyState = {
    enabled: true,
    timerArmed: true,
    intervalMs: DEFAULT_DECISION_INTERVAL_MS,
    totalDecisions: 0,
    safeMode: false,
    learningFrozen: false,
    telemetry: createTelemetryBoard(),
  };
  const heap = new Heap();
  const metrics = new AutonomyMetrics();
  return {
    profile,
    autonomy,
    metricsEnabled: true,
    heap,
    metrics,
    history: new TestHistory(),
    controller: new AutonomyController({ autonomy, heap, metrics, cntfrqHz: CNTFRQ_HZ, profile: profile.controller }),
  };
}
