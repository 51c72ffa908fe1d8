import { describe, expect, test } from '@jest/globals';
import { Prng } from '../../../kernel/index.js';
import {
  ACTION_COUNT,
  ALLOCATE,
  COMPACT,
  FREE_SOME,
  HOLD,
  MemoryEnv,
  STATE_COUNT,
} from '../../../kernel/stress/learning/memory-env.js';
import { explorationRate } from '../../../kernel/stress/learning/learning-test.js';
import { QAgent } from '../../../kernel/stress/learning/q-agent.js';

/** One one-second episode; `learn` false leaves the Q-table untouched. Returns the mean reward per decision. */
function episode(env: MemoryEnv, agent: QAgent, epsilon: number, learn: boolean): number {
  env.reset();
  let state = env.observe();
  let elapsed = 0;
  let reward = 0;
  let steps = 0;
  while (elapsed < 1_000_000) {
    const action = agent.choose(state, epsilon);
    const r = env.act(action);
    const next = env.observe();
    if (learn) agent.update(state, action, r, next);
    state = next;
    reward += r;
    elapsed += env.lastCostUs;
    steps++;
  }
  return reward / steps;
}

describe('learning environment', () => {
  test('observations stay within the state space', () => {
    const prng = new Prng(3n);
    const env = new MemoryEnv({ prng });
    env.reset();
    const outside: number[] = [];
    const seen = new Set<number>();
    for (let i = 0; i < 20_000; i++) {
      env.act(prng.randRange(0, ACTION_COUNT));
      const s = env.observe();
      if (!(s >= 0 && s < STATE_COUNT && Number.isInteger(s))) outside.push(s);
      seen.add(s);
    }
    expect(outside).toEqual([]);
    expect(seen.size).toBeGreaterThan(20);
  });

  test('allocate grows the cache by four 4 KiB blocks, free shrinks it, compaction costs reward and time', () => {
    const env = new MemoryEnv({ prng: new Prng(1n) });
    env.reset();
    env.act(ALLOCATE);
    expect(env.cacheBlocks).toBe(4);
    env.act(ALLOCATE);
    expect(env.cacheBlocks).toBe(8);
    env.act(FREE_SOME);
    expect(env.cacheBlocks).toBe(4);
    env.act(HOLD);
    const holdCost = env.lastCostUs;
    env.act(COMPACT);
    expect(env.compactions).toBe(1);
    expect(env.lastCostUs).toBeGreaterThan(holdCost);
  });

  test('a cache that crowds out the workload causes OOMs and penalties', () => {
    const env = new MemoryEnv({ prng: new Prng(9n) });
    env.reset();
    let worst = 0;
    for (let i = 0; i < 8000; i++) worst = Math.min(worst, env.act(ALLOCATE));
    expect(env.oomEvents).toBeGreaterThan(0);
    expect(worst).toBeLessThanOrEqual(-30);
  });

  test('reset empties the arena', () => {
    const env = new MemoryEnv({ prng: new Prng(2n) });
    env.reset();
    for (let i = 0; i < 500; i++) env.act(ALLOCATE);
    env.reset();
    expect(env.heap.allocatedBytes).toBe(0);
    expect(env.cacheBlocks).toBe(0);
    expect(env.oomEvents).toBe(0);
  });

  test('the trained greedy policy beats a random one and the untrained one on fresh episodes', () => {
    const mean = { greedy: 0, random: 0, naive: 0 };
    const seeds = [1n, 2n, 3n, 4n];
    for (const seed of seeds) {
      const prng = new Prng(seed);
      const env = new MemoryEnv({ prng });
      const trained = new QAgent({ prng, states: STATE_COUNT, actions: ACTION_COUNT });
      for (let e = 0; e < 5; e++) episode(env, trained, explorationRate(e), true);
      const untrained = new QAgent({ prng, states: STATE_COUNT, actions: ACTION_COUNT });
      mean.greedy += episode(env, trained, 0, false) / seeds.length;
      mean.random += episode(env, untrained, 1, false) / seeds.length;
      mean.naive += episode(env, untrained, 0, false) / seeds.length;
    }
    expect(mean.greedy).toBeGreaterThan(mean.random + 2);
    expect(mean.greedy).toBeGreaterThan(mean.naive + 2);
  });
});

describe('Q agent', () => {
  test('the backup moves Q(s,a) towards r + γ max Q(s′)', () => {
    const agent = new QAgent({ prng: new Prng(1n), states: 2, actions: 2, alpha: 0.5, gamma: 0.9 });
    agent.update(1, 1, 10, 0);
    expect(agent.value(1, 1)).toBe(5);
    agent.update(0, 0, 0, 1);
    expect(agent.value(0, 0)).toBeCloseTo(0.5 * 0.9 * 5, 12);
    expect(agent.greedy(1)).toBe(1);
    expect(agent.greedy(0)).toBe(0);
  });

  test('ε-greedy explores at the rate asked for', () => {
    const agent = new QAgent({ prng: new Prng(5n), states: 1, actions: 4 });
    let explored = 0;
    for (let i = 0; i < 10_000; i++) {
      agent.choose(0, 0.25);
      if (agent.explored) explored++;
    }
    expect(explored).toBeGreaterThan(2300);
    expect(explored).toBeLessThan(2700);
    agent.choose(0, 0);
    expect(agent.explored).toBe(false);
  });
});
