import type { StressContext } from '../types.js';
import { autonomyFlip } from './autonomy-flip.js';
import { BlockList } from './block-list.js';
import { commandBurst } from './command-burst.js';
import { deadlinePressure } from './deadline-pressure.js';
import { diskIoStall } from './disk-io-stall.js';
import { hotRetrain } from './hot-retrain.js';
import { memoryChurn } from './memory-churn.js';
import { memoryRelease } from './memory-release.js';
import { memorySpike } from './memory-spike.js';
import { networkPartition } from './network-partition.js';
import { predictionStorm } from './prediction-storm.js';
import { Predictor } from './predictor.js';
import { RetrainModel } from './retrain-model.js';
import { telemetryStorm } from './telemetry-storm.js';
import type { ChaosEnv, ChaosEvent } from './types.js';
import { workloadSpike } from './workload-spike.js';

/**
 * Indexed by the draw t = rand_range(0, 12). Slots 0–8 and 10 are the real kernel's V2 events; its
 * two silent "Recovery" slots, 9 and 11, hold the report's network partition and disk I/O stall.
 */
export const CHAOS_EVENTS: readonly ChaosEvent[] = [
  memorySpike,
  memoryRelease,
  autonomyFlip,
  commandBurst,
  telemetryStorm,
  hotRetrain,
  deadlinePressure,
  predictionStorm,
  workloadSpike,
  networkPartition,
  memoryChurn,
  diskIoStall,
];

/** Fresh shared state for one run; draws the retrain model's truth and validation set. */
export function createChaosEnv(ctx: StressContext): ChaosEnv {
  return {
    ctx,
    prng: ctx.prng,
    heap: ctx.heap,
    blocks: new BlockList(),
    predictor: new Predictor(),
    model: new RetrainModel(ctx.prng),
    allocFailures: 0,
  };
}
