import type { Heap } from '../../heap/heap.js';
import type { Prng } from '../../prng.js';
import type { StressContext } from '../types.js';
import type { BlockList } from './block-list.js';
import type { Predictor } from './predictor.js';
import type { RetrainModel } from './retrain-model.js';

/**
 * `ok`: no fault and nothing went wrong; `recovered`: a fault (injected or natural) was absorbed by
 * the sub-model's recovery mechanism; `failed`: recovery did not save it; `cancelled`: Ctrl-C
 * interrupted the event before it finished (it is not counted).
 */
export type OutcomeStatus = 'ok' | 'recovered' | 'failed' | 'cancelled';

export interface EventOutcome {
  readonly status: OutcomeStatus;
  /** The event's drawn parameter, shown in its `[CHAOS]` line. */
  readonly param: number;
  /** Why a failed event failed (verbose outcome line). */
  readonly reason?: string;
}

/** State the chaos events share for one run. */
export interface ChaosEnv {
  readonly ctx: StressContext;
  readonly prng: Prng;
  readonly heap: Heap;
  /** Blocks the memory events keep (8 KiB spike blocks and 2 KiB churn blocks), oldest first. */
  readonly blocks: BlockList;
  readonly predictor: Predictor;
  readonly model: RetrainModel;
  /** Allocation requests the heap refused. */
  allocFailures: number;
}

/** One chaos event kind: a small sub-model with its own fault injection and recovery. */
export interface ChaosEvent {
  /** As in the verbose failure breakdown, e.g. `Memory spike`. */
  readonly name: string;
  /** The text after `[CHAOS] `, e.g. `Memory spike (37 allocs)`. */
  label(param: number): string;
  /** Runs the event; every yield is virtual µs spent. `fault` is the iteration's should_fail draw. */
  run(env: ChaosEnv, fault: boolean): Generator<number, EventOutcome, void>;
}
