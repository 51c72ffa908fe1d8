import type { Prng } from '../../prng.js';

export const DIM = 4;
const VALIDATION_SAMPLES = 16;
const LEARNING_RATE = 0.2;
/** Amplitude of the label noise of a clean sample. */
export const LABEL_NOISE = 0.05;

/** A uniform draw in [-1, 1]. */
export function signedUnit(prng: Prng): number {
  return prng.randFloat() * 2 - 1;
}

/**
 * The online model `Hot retrain` updates: y = w·x, trained by SGD on feedback samples, judged by
 * its mean squared error on a fixed validation set drawn from the true weights at the start of the run.
 */
export class RetrainModel {
  readonly weights = new Float64Array(DIM);
  private readonly truth = new Float64Array(DIM);
  private readonly validationX = new Float64Array(VALIDATION_SAMPLES * DIM);
  private readonly validationY = new Float64Array(VALIDATION_SAMPLES);

  constructor(prng: Prng) {
    for (let d = 0; d < DIM; d++) this.truth[d] = signedUnit(prng);
    for (let i = 0; i < VALIDATION_SAMPLES; i++) {
      for (let d = 0; d < DIM; d++) this.validationX[i * DIM + d] = signedUnit(prng);
      this.validationY[i] = this.target(this.validationX, i * DIM);
    }
  }

  /** The true (noise-free) label of the sample at `xs[offset..offset+DIM)`. */
  target(xs: Float64Array, offset: number): number {
    let y = 0;
    for (let d = 0; d < DIM; d++) y += this.truth[d]! * xs[offset + d]!;
    return y;
  }

  predict(xs: Float64Array, offset: number): number {
    let y = 0;
    for (let d = 0; d < DIM; d++) y += this.weights[d]! * xs[offset + d]!;
    return y;
  }

  /** One SGD pass over the samples whose `keep` entry is 1 (all when `keep` is omitted). */
  train(xs: Float64Array, ys: Float64Array, count: number, keep?: Uint8Array): void {
    for (let i = 0; i < count; i++) {
      if (keep && keep[i] === 0) continue;
      const error = ys[i]! - this.predict(xs, i * DIM);
      for (let d = 0; d < DIM; d++) this.weights[d] = this.weights[d]! + LEARNING_RATE * error * xs[i * DIM + d]!;
    }
  }

  validationMse(): number {
    let sum = 0;
    for (let i = 0; i < VALIDATION_SAMPLES; i++) {
      const e = this.validationY[i]! - this.predict(this.validationX, i * DIM);
      sum += e * e;
    }
    return sum / VALIDATION_SAMPLES;
  }
}
