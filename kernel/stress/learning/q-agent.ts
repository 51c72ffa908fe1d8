import type { Prng } from '../../prng.js';

export interface QAgentOptions {
  prng: Prng;
  states: number;
  actions: number;
  /** Learning rate (default 0.1). */
  alpha?: number;
  /** Discount factor (default 0.9). */
  gamma?: number;
}

/** Tabular Q-learning with ε-greedy action selection; ties go to the lowest action index. */
export class QAgent {
  readonly states: number;
  readonly actions: number;
  readonly alpha: number;
  readonly gamma: number;
  /** Whether the last `choose` explored (a random action) rather than exploited. */
  explored = false;
  private readonly q: Float64Array;
  private readonly prng: Prng;

  constructor({ prng, states, actions, alpha = 0.1, gamma = 0.9 }: QAgentOptions) {
    this.prng = prng;
    this.states = states;
    this.actions = actions;
    this.alpha = alpha;
    this.gamma = gamma;
    this.q = new Float64Array(states * actions);
  }

  value(state: number, action: number): number {
    return this.q[state * this.actions + action]!;
  }

  greedy(state: number): number {
    const base = state * this.actions;
    let best = 0;
    let bestValue = this.q[base]!;
    for (let a = 1; a < this.actions; a++) {
      const v = this.q[base + a]!;
      if (v > bestValue) {
        bestValue = v;
        best = a;
      }
    }
    return best;
  }

  /** ε-greedy: with probability `epsilon` a uniformly random action. */
  choose(state: number, epsilon: number): number {
    this.explored = this.prng.randFloat() < epsilon;
    return this.explored ? this.prng.randRange(0, this.actions) : this.greedy(state);
  }

  /** One-step Q-learning backup: Q(s,a) += α (r + γ max_a' Q(s',a') − Q(s,a)). */
  update(state: number, action: number, reward: number, next: number): void {
    const i = state * this.actions + action;
    const target = reward + this.gamma * this.q[next * this.actions + this.greedy(next)]!;
    this.q[i] = this.q[i]! + this.alpha * (target - this.q[i]!);
  }
}
