import type { AutonomyMetrics } from './metrics.js';
import { DEADLINE_MISSES, QUEUE_GAP, type PendingOutcomes } from './outcomes.js';
import { deepestQueue, imbalancedQueue, queueGap, type RequestSizes } from './policy.js';
import type { ControllerAction, TelemetryBoard } from './telemetry.js';

/** One decision's inputs, read once per tick. */
export interface Reading {
  readonly nowUs: number;
  readonly pressurePct: number;
  /** Exact share of the heap in use, in %. */
  readonly usedPct: number;
  /** Trend one tick ahead; NaN until two samples exist. */
  readonly predictedPct: number;
  /** The running workload's request sizes. */
  readonly sizes: RequestSizes;
  readonly oomsSince: number;
  readonly missesSince: number;
  readonly confidence: number;
  /** Pressure kept below from the OOMs seen this session; NaN when none. */
  readonly learnedCeilingPct: number;
}

/** What a steering step acts through and records into. */
export interface SteeringContext {
  readonly board: TelemetryBoard;
  readonly metrics: AutonomyMetrics;
  readonly outcomes: PendingOutcomes;
  /** This tick's action names while its lines are printed, else undefined. */
  readonly done: string[] | undefined;
  tell(action: ControllerAction): void;
}

/** Deadline slack and a priority boost for the deepest queue on new deadline misses; rebalancing on imbalance. */
export function steerScheduling(r: Reading, s: SteeringContext): void {
  const { board, metrics, outcomes, done } = s;
  const workload = board.workload;
  if (!workload) return;
  if (r.missesSince > 0 && workload.adjustDeadlines?.()) {
    metrics.recordDeadlineAdjustment();
    outcomes.expect(DEADLINE_MISSES, r.missesSince);
    done?.push('deadline adjustment');
  }
  const deepest = r.missesSince > 0 ? deepestQueue(board.queueDepths) : -1;
  if (deepest >= 0 && workload.boostPriority?.(deepest)) {
    metrics.recordPriorityBoost();
    outcomes.expect(DEADLINE_MISSES, r.missesSince);
    done?.push(`priority boost (queue ${deepest})`);
  }
  const gap = queueGap(board.queueDepths);
  if (imbalancedQueue(board.queueDepths) >= 0 && workload.rebalance?.()) {
    metrics.recordWorkloadRebalancing();
    outcomes.expect(QUEUE_GAP, gap);
    done?.push('rebalance');
  }
}
