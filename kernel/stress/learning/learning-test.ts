import type { IntFlagSpec } from '../../commands/types.js';
import type { ProgressValues, StressContext, StressTest, TestSummary } from '../types.js';
import { ACTION_COUNT, ACTION_NAMES, MemoryEnv, STATE_COUNT } from './memory-env.js';
import { QAgent } from './q-agent.js';
import { CANCEL_SLICE_US } from '../context.js';

export const EPISODES_FLAG: IntFlagSpec = {
  name: '--episodes',
  kind: 'int',
  min: 1,
  max: 1000,
  default: 10,
  help: 'learning episodes of one virtual second each',
};

export const EPISODE_US = 1_000_000;

/** ε for episode `e`: 0.3 × 0.7^e, never below 0.02. */
export function explorationRate(episode: number): number {
  return Math.max(0.02, 0.3 * 0.7 ** episode);
}

/** Mean episode reward of the first and the later half (the later half takes the odd one out). */
export function halfMeans(rewards: readonly number[]): { first: number; second: number } {
  const half = Math.floor(rewards.length / 2);
  if (half === 0) return { first: 0, second: 0 };
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  return { first: sum(rewards.slice(0, half)) / half, second: sum(rewards.slice(half)) / (rewards.length - half) };
}

/** METRIC progress: decisions are the events, positive/negative rewards the successes/failures. */
function progress(env: MemoryEnv, ooms: number, compactions: number, decisions: number, positive: number, negative: number): ProgressValues {
  return {
    pressurePct: env.pressurePct,
    oomEvents: ooms + env.oomEvents,
    compactions: compactions + env.compactions,
    events: decisions,
    successes: positive,
    failures: negative,
  };
}

/**
 * `stresstest learning`: tabular Q-learning sizes a page cache on a heap under a fluctuating
 * workload (see MemoryEnv). Each episode is one virtual second of decisions; the Q-table carries
 * over between episodes while ε decays.
 */
export const learningTest: StressTest = {
  type: 'learning',
  title: 'Learning Validation Stress Test',
  summary: 'Q-learning memory controller, one-second episodes; PASS when later episodes do not fall behind',
  flags: [EPISODES_FLAG],
  headerLines: (config) => [`Episodes: ${config.episodes}`],
  *run(ctx, config) {
    const episodes = config.episodes as number;
    const env = new MemoryEnv({ prng: ctx.prng });
    const agent = new QAgent({ prng: ctx.prng, states: STATE_COUNT, actions: ACTION_COUNT });
    const rewards: number[] = [];
    let decisions = 0;
    let total = 0;
    let positive = 0;
    let negative = 0;
    let oomEvents = 0;
    let compactions = 0;
    const chosen = new Uint32Array(ACTION_COUNT);
    for (let e = 0; e < episodes && !ctx.cancelled; e++) {
      const epsilon = explorationRate(e);
      env.reset();
      let state = env.observe();
      let elapsedUs = 0;
      let reward = 0;
      let steps = 0;
      let explored = 0;
      chosen.fill(0);
      while (elapsedUs < EPISODE_US && !ctx.cancelled) {
        let batchUs = 0;
        while (batchUs < CANCEL_SLICE_US && elapsedUs + batchUs < EPISODE_US) {
          const action = agent.choose(state, epsilon);
          // The agent's choices and updates are autonomy interventions only while autonomy is on.
          const counted = ctx.autonomy.enabled;
          if (agent.explored) {
            explored++;
            if (counted) ctx.metrics.recordExploration();
          } else if (counted) {
            ctx.metrics.recordExploitation();
          }
          chosen[action] = (chosen[action] ?? 0) + 1;
          const r = env.act(action);
          const next = env.observe();
          agent.update(state, action, r, next);
          if (counted) ctx.metrics.recordPolicyUpdate();
          state = next;
          reward += r;
          if (r > 0) positive++;
          else if (r < 0) negative++;
          batchUs += env.lastCostUs;
          steps++;
        }
        elapsedUs += batchUs;
        yield batchUs;
        if (ctx.progressDue()) ctx.progress(progress(env, oomEvents, compactions, decisions + steps, positive, negative));
      }
      decisions += steps;
      total += reward;
      oomEvents += env.oomEvents;
      compactions += env.compactions;
      if (ctx.cancelled) break;
      rewards.push(reward);
      ctx.event(`Episode ${e}: reward=${reward}`);
      if (ctx.verbose) {
        const actions = ACTION_NAMES.map((name, a) => `${name}=${chosen[a]}`).join(' ');
        ctx.detail(
          `[LEARN] episode ${e}: epsilon=${epsilon.toFixed(3)} decisions=${steps} explored=${explored} ${actions} ` +
            `oom_events=${env.oomEvents} cache_blocks=${env.cacheBlocks}`,
        );
      }
    }
    ctx.progress({ pressurePct: env.pressurePct, oomEvents, compactions, events: decisions, successes: positive, failures: negative });
    const avg = decisions === 0 ? 0 : Math.trunc(total / decisions);
    const { first, second } = halfMeans(rewards);
    const summary: TestSummary = {
      title: 'Learning validation complete',
      fields: [
        ['Total Rewards', String(total)],
        ['Decisions Made', String(decisions)],
        ['Avg Reward/Decision', String(avg)],
      ],
      status: second >= first ? 'PASS' : 'FAIL',
      shellLine: `[STRESSTEST] Learning completed: total_rewards=${total} decisions=${decisions} avg_reward=${avg}`,
      record: {
        durationMs: Math.floor((ctx.nowUs() - ctx.startUs) / 1000),
        actions: decisions,
        oomEvents,
        figures: {
          totalRewards: total,
          decisions,
          firstHalfMean: Math.round(first),
          secondHalfMean: Math.round(second),
        },
      },
    };
    return summary;
  },
  compareLines: (record) => [
    ['Total rewards', String(record.figures.totalRewards ?? 0)],
    ['Later-half reward', String(record.figures.secondHalfMean ?? 0)],
  ],
  pairedFigures: [
    ['secondHalfMean', 'Later-half mean reward'],
    ['totalRewards', 'Total rewards'],
  ],
};
