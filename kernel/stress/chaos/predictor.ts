import type { Heap } from '../../heap/heap.js';

/** Virtual cost of one prediction, µs. */
export const PREDICT_US = 25;
/** Virtual cost of answering from the cached forecast, µs. */
export const CACHED_PREDICT_US = 5;

/**
 * The chaos events' stand-in for the kernel's predictors: exponentially weighted forecasts of heap
 * pressure (%) and of commands per burst, updated by every prediction.
 */
export class Predictor {
  private memory = 0;
  private commands = 0;
  memoryPredictions = 0;
  commandPredictions = 0;

  /** Forecast of heap pressure, updated with the current reading (α = 1/4). */
  predictMemory(heap: Heap): number {
    this.memory += (heap.pressurePct() - this.memory) / 4;
    this.memoryPredictions++;
    return this.memory;
  }

  /** Forecast of the next burst size, updated with an observed one (α = 1/8). */
  predictCommands(observed: number): number {
    this.commands += (observed - this.commands) / 8;
    this.commandPredictions++;
    return this.commands;
  }

  /** The last memory forecast, without a new reading. */
  cachedMemory(): number {
    return this.memory;
  }
}
