import { describe, expect, test } from '@jest/globals';
import { EPISODE_US, explorationRate, halfMeans, learningTest } from '../../../kernel/stress/learning/learning-test.js';
import { expectGolden, transcript } from '../../helpers/golden.js';
import { driveTest, fakeCommand } from '../../helpers/fake-command.js';
import { bootedKernel } from '../../helpers/kernel-rig.js';

/** Runs the test generator directly and returns its summary, printed lines and kernel state. */
function drive(episodes: number, seed: bigint, options: { metrics?: boolean } = {}) {
  const fake = fakeCommand({ metrics: options.metrics === true });
  const { summary, maxStep } = driveTest(learningTest, fake, { episodes, quiet: false, verbose: false, seed });
  const out = fake.output();
  const rewards = [...out.matchAll(/^Episode \d+: reward=(-?\d+)$/gm)].map((m) => Number(m[1]));
  return { summary, rewards, state: fake.state, maxStep, elapsedUs: fake.clock.nowUs, out };
}

describe('stresstest learning', () => {
  test('header, one line per episode, summary block and shell line', () => {
    const out = transcript('stresstest learning --episodes 2 --seed 4');
    expect(out).toMatch(
      /^stresstest learning --episodes 2 --seed 4\r\n\n=== Learning Validation Stress Test ===\nEpisodes: 2\nSeed: 4 \(profile report\)\n\nEpisode 0: reward=-?\d+\nEpisode 1: reward=-?\d+\n\n\[STRESS TEST\] Learning validation complete\n  Total Rewards: -?\d+\n  Decisions Made: \d+\n  Avg Reward\/Decision: -?\d+\n  Status: (PASS|FAIL)\n\n\[STRESSTEST\] Learning completed: total_rewards=-?\d+ decisions=\d+ avg_reward=-?\d+\nsis> $/,
    );
    const rewards = [...out.matchAll(/reward=(-?\d+)\n/g)].map((m) => Number(m[1]));
    const total = Number(/Total Rewards: (-?\d+)/.exec(out)![1]);
    const decisions = Number(/Decisions Made: (\d+)/.exec(out)![1]);
    expect(total).toBe(rewards[0]! + rewards[1]!);
    expect(out).toContain(`  Avg Reward/Decision: ${Math.trunc(total / decisions)}\n`);
    expect(out).toContain(`total_rewards=${total} decisions=${decisions} avg_reward=${Math.trunc(total / decisions)}\n`);
  });

  test.each([
    ['--episodes 0', "[ERROR] --episodes: invalid value '0' (expected an integer 1..1000)"],
    ['--episodes 1001', "[ERROR] --episodes: invalid value '1001' (expected an integer 1..1000)"],
    ['--episodes -3', "[ERROR] --episodes: invalid value '-3' (expected an integer 1..1000)"],
    ['--episodes', '[ERROR] --episodes: missing value (expected an integer 1..1000)'],
    ['--episode 3', "[ERROR] unknown flag '--episode' for 'stresstest learning' (did you mean --episodes?)"],
    ['--duration 1000', "[ERROR] unknown flag '--duration' for 'stresstest learning'"],
  ])('%s is refused', (flags, error) => {
    expect(transcript(`stresstest learning ${flags}`)).toBe(`stresstest learning ${flags}\r\n${error}\nsis> `);
  });

  test('golden transcript, verbose (seed 5)', () => {
    expectGolden('learning-verbose-seed5.txt', transcript('stresstest learning --episodes 3 --seed 5 --verbose'));
  });

  test('--quiet drops the episode lines but keeps the summary', () => {
    const out = transcript('stresstest learning --episodes 2 --seed 5 --quiet', true);
    expect(out).not.toMatch(/^Episode \d|METRIC/m);
    expect(out).toContain('[STRESS TEST] Learning validation complete\n  Total Rewards: ');
  });

  test('episode lines are whole lines: METRIC batches land between them, never inside', () => {
    const { out, summary } = drive(2, 6n, { metrics: true });
    expect(out).toMatch(/^METRIC stress_progress_pct=\d+\n/);
    expect(out).not.toMatch(/Episode \d+: [^r]/);
    const rewards = [...out.matchAll(/^Episode \d+: reward=(-?\d+)$/gm)].map((m) => Number(m[1]));
    expect(rewards.length).toBe(2);
    expect(rewards[0]! + rewards[1]!).toBe(summary.record.figures.totalRewards);
  });

  test('same seed, same run', () => {
    expect(drive(2, 77n).summary).toEqual(drive(2, 77n).summary);
  });

  test('episodes last one virtual second with thousands of decisions, in yields of at most 20 ms', () => {
    const { summary, rewards, maxStep, elapsedUs, state } = drive(3, 8n);
    expect(rewards.length).toBe(3);
    expect(elapsedUs).toBeGreaterThanOrEqual(3 * EPISODE_US);
    expect(elapsedUs).toBeLessThan(3 * EPISODE_US + 3 * 20_000);
    expect(maxStep).toBeLessThanOrEqual(20_000);
    const decisions = summary.record.figures.decisions!;
    expect(decisions / 3).toBeGreaterThan(5000);
    expect(decisions / 3).toBeLessThan(11000);
    const m = state.metrics.snapshot();
    expect(m.policyUpdates).toBe(decisions);
    expect(m.explorationActions + m.exploitationActions).toBe(decisions);
    // ε = 0.3, 0.21, 0.147: about a fifth of the decisions explore
    expect(m.explorationActions / decisions).toBeGreaterThan(0.15);
    expect(m.explorationActions / decisions).toBeLessThan(0.25);
  });

  test('it learns: over 30 seeds the later half beats the first, and most seeds pass', () => {
    let passes = 0;
    let gain = 0;
    for (let seed = 1n; seed <= 30n; seed++) {
      const { summary, rewards } = drive(3, seed);
      const { first, second } = halfMeans(rewards);
      expect(summary.status).toBe(second >= first ? 'PASS' : 'FAIL');
      expect(summary.record.figures.totalRewards).toBe(rewards.reduce((a, b) => a + b, 0));
      expect(summary.record.figures.secondHalfMean).toBe(Math.round(second));
      if (summary.status === 'PASS') passes++;
      gain += second - first;
    }
    expect(gain / 30).toBeGreaterThan(5000);
    expect(passes).toBeGreaterThanOrEqual(27);
  });

  test('one episode passes; the halves split at floor(N/2)', () => {
    expect(drive(1, 3n).summary.status).toBe('PASS');
    expect(halfMeans([5])).toEqual({ first: 0, second: 0 });
    expect(halfMeans([1, 2, 3, 4, 5])).toEqual({ first: 1.5, second: 4 });
    expect(halfMeans([-4, -2])).toEqual({ first: -4, second: -2 });
  });

  test('ε decays geometrically across episodes down to 0.02', () => {
    expect(explorationRate(0)).toBe(0.3);
    expect(explorationRate(1)).toBeCloseTo(0.21, 10);
    expect(explorationRate(2)).toBeLessThan(explorationRate(1));
    expect(explorationRate(50)).toBe(0.02);
  });

  test('compare lines and paired figures', () => {
    const record = { durationMs: 2000, actions: 1, oomEvents: 0, figures: { totalRewards: -12, decisions: 1, firstHalfMean: -20, secondHalfMean: 8 } };
    expect(learningTest.compareLines(record)).toEqual([
      ['Total rewards', '-12'],
      ['Later-half reward', '8'],
    ]);
    expect(learningTest.pairedFigures).toEqual([
      ['secondHalfMean', 'Later-half mean reward'],
      ['totalRewards', 'Total rewards'],
    ]);
  });

  test('Ctrl-C cancels within 100 ms of virtual time', () => {
    const rig = bootedKernel({ seed: 1 });
    rig.run('autoctl off\r');
    rig.run('metricsctl off\r');
    const start = rig.kernel.nowUs;
    let out = rig.send('stresstest learning --episodes 50 --seed 2\r');
    rig.kernel.advance(start + 1_500_000);
    out += rig.send('\x03') + rig.run('');
    const ms = Number(/\[STRESS TEST\] Cancelled after (\d+) ms/.exec(out)![1]);
    expect(ms).toBeGreaterThanOrEqual(1500);
    expect(ms).toBeLessThanOrEqual(1600);
    expect(out).toMatch(/Episode 0: reward=-?\d+\n/);
    expect(out).not.toMatch(/Episode 1: reward/);
    expect(out).toMatch(/  Status: CANCELLED\nsis> $/);
  });
});
