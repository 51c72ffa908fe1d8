/** What the autonomy controller did, as told to the workload that was running. */
export type ControllerAction =
  | { readonly kind: 'compaction'; readonly movedBlocks: number; readonly movedBytes: number; readonly largestBefore: number; readonly largestAfter: number }
  | { readonly kind: 'reclaim'; readonly ceilingPct: number; readonly predictedPct: number; readonly freedBlocks: number; readonly freedBytes: number }
  | { readonly kind: 'relax'; readonly ceilingPct: number };

export interface ControllerEvent {
  readonly atUs: number;
  readonly pressurePct: number;
  readonly action: ControllerAction;
}

export interface ReclaimResult {
  readonly freedBlocks: number;
  readonly freedBytes: number;
}

/**
 * A running test's side of the controller: the sizes it allocates (for the OOM risk) and the
 * actuators it offers. An action is only taken, and only counted, through an actuator that exists.
 */
export interface Workload {
  /** Bytes of a typical request (the controller's default is 1536). */
  readonly typicalAllocBytes: number;
  /** Bytes of the largest request made regularly: the OOM risk compares the largest free block to it. */
  readonly largestAllocBytes: number;
  /** Shed load now until heap pressure is at most `ceilingPct`; `board.pressureCeilingPct` already holds it. */
  reclaim?(ceilingPct: number): ReclaimResult;
  /** Give deadlines more slack; true if something changed. */
  adjustDeadlines?(): boolean;
  /** Raise the priority of queue `queue` (an index into `queueDepths`); true if something changed. */
  boostPriority?(queue: number): boolean;
  /** Move work from the deepest to the shallowest queue; true if something changed. */
  rebalance?(): boolean;
  /** Told after every controller action (compaction stalls the allocator; --verbose prints it). */
  notify?(event: ControllerEvent): void;
}

/**
 * The telemetry board: running tests publish what they see here, the controller reads it on every
 * decision and writes its directives back.
 */
export interface TelemetryBoard {
  /** Deadline misses so far, cumulative; the controller acts on the increase since its last tick. */
  deadlineMisses: number;
  /** Items waiting, one entry per queue (or CPU); empty when no test publishes queues. */
  queueDepths: number[];
  /** OOM events so far, cumulative. */
  oomEvents: number;
  /** Heap pressure (%) at each OOM not yet seen by the controller, which drains it at every tick. */
  oomPressures: number[];
  /** Directive: allocating workloads keep heap pressure at or below this (100 = no limit). */
  pressureCeilingPct: number;
  /** The workload currently running, if it registered. */
  workload: Workload | undefined;
}

export const NO_CEILING = 100;

export function createTelemetryBoard(): TelemetryBoard {
  return { deadlineMisses: 0, queueDepths: [], oomEvents: 0, oomPressures: [], pressureCeilingPct: NO_CEILING, workload: undefined };
}

/** Registers `workload` with fresh counters; the returned function unregisters it and lifts its directives. */
export function attachWorkload(board: TelemetryBoard, workload: Workload): () => void {
  board.workload = workload;
  board.deadlineMisses = 0;
  board.queueDepths = [];
  board.oomEvents = 0;
  board.oomPressures.length = 0;
  board.pressureCeilingPct = NO_CEILING;
  return () => detachWorkload(board, workload);
}

/** Unregisters `workload` if it is the one registered, and lifts its directives. */
export function detachWorkload(board: TelemetryBoard, workload: Workload): void {
  if (board.workload !== workload) return;
  board.workload = undefined;
  board.pressureCeilingPct = NO_CEILING;
}
