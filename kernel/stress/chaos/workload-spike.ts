import { PREDICT_US } from './predictor.js';
import type { ChaosEnv, ChaosEvent } from './types.js';

const TELEMETRY = 0;
const COMMAND_PREDICTION = 1;
const MEMORY_PREDICTION = 2;
const SCRATCH_ALLOCATION = 3;
const AGENTS = 4;
/** Virtual cost of each agent's action, µs, indexed as above. */
const ACTION_US = [25, 30, PREDICT_US, 4] as const;
const SCRATCH_BYTES = 4 * 1024;
/** Virtual cost of restarting a crashed agent, µs. */
const RESTART_US = 300;
/** Restarts the supervisor allows per spike. */
const RESTART_BUDGET = 2;
/** Chance (%) that the faulty agent crashes on each of its actions. */
const CRASH_PCT = 70;

/**
 * 5–15 actions, each by one of four agents drawn at random: telemetry, command prediction,
 * memory prediction, scratch allocation. Fault: one agent turns flaky and crashes on half its
 * actions. Recovery: the supervisor restarts a crashed agent and re-runs the action, at most
 * RESTART_BUDGET times per spike; the spike fails on the crash after that.
 */
export const workloadSpike: ChaosEvent = {
  name: 'Workload spike',
  label: (n) => `Workload spike (${n} actions)`,
  *run(env, fault) {
    const { prng } = env;
    const n = prng.randRange(5, 16);
    const flaky = fault ? prng.randRange(0, AGENTS) : -1;
    let cost = 0;
    let restarts = 0;
    for (let i = 0; i < n; i++) {
      const agent = prng.randRange(0, AGENTS);
      while (agent === flaky && prng.randRange(0, 100) < CRASH_PCT) {
        if (restarts === RESTART_BUDGET) {
          yield cost;
          return { status: 'failed', param: n, reason: 'agent restart budget exhausted' };
        }
        restarts++;
        cost += RESTART_US;
      }
      cost += act(env, agent, i);
    }
    yield cost;
    return { status: fault ? 'recovered' : 'ok', param: n };
  },
};

function act(env: ChaosEnv, agent: number, round: number): number {
  if (agent === TELEMETRY) env.heap.pressurePct();
  else if (agent === COMMAND_PREDICTION) env.predictor.predictCommands(round + 1);
  else if (agent === MEMORY_PREDICTION) env.predictor.predictMemory(env.heap);
  else if (agent === SCRATCH_ALLOCATION) {
    const handle = env.heap.alloc(SCRATCH_BYTES);
    if (handle < 0) env.allocFailures++;
    else env.heap.free(handle);
  }
  return ACTION_US[agent as 0 | 1 | 2 | 3];
}
