/** Kernel-wide mutable state shared by commands, tasks and the autonomy controller. */
export interface AutonomyState {
  enabled: boolean;
  timerArmed: boolean;
  /** Decision interval in ms (`autoctl interval`). */
  intervalMs: number;
  totalDecisions: number;
  safeMode: boolean;
  learningFrozen: boolean;
}

export interface KernelState {
  autonomy: AutonomyState;
  /** Runtime METRIC line switch (`metricsctl`). */
  metricsEnabled: boolean;
}

export const DEFAULT_DECISION_INTERVAL_MS = 500;
/** QEMU virt's counter frequency: `autoctl` prints timer cycles as (cntfrq/1000) * ms. */
export const CNTFRQ_HZ = 62_500_000;

export function createKernelState(): KernelState {
  return {
    autonomy: {
      enabled: true,
      timerArmed: true,
      intervalMs: DEFAULT_DECISION_INTERVAL_MS,
      totalDecisions: 0,
      safeMode: false,
      learningFrozen: false,
    },
    metricsEnabled: true,
  };
}
