import { describe, expect, test } from '@jest/globals';
import { multiTest, PREDICTION_COMMAND } from '../../../kernel/stress/multi-test.js';
import { expectGolden, transcript } from '../../helpers/golden.js';
import { driveTest, fakeCommand } from '../../helpers/fake-command.js';
import { bootedKernel } from '../../helpers/kernel-rig.js';

function drive(duration: number) {
  const predictions: number[] = [];
  const fake = fakeCommand({
    startUs: 2_000_000,
    interpret: (line) => {
      if (line === PREDICTION_COMMAND) predictions.push(fake.clock.nowUs);
      return true;
    },
  });
  let peakLive = 0;
  const { summary, maxStep } = driveTest(multiTest, fake, { duration, quiet: false, verbose: false, seed: 5n }, () => {
    peakLive = Math.max(peakLive, fake.state.heap.liveBlocks);
  });
  return { summary, predictions, maxStep, state: fake.state, peakLive, elapsedUs: fake.clock.nowUs - 2_000_000 };
}

describe('stresstest multi', () => {
  test('header and summary block: no status line, no shell line', () => {
    const out = transcript('stresstest multi --duration 1000 --seed 3');
    expect(out).toBe(
      'stresstest multi --duration 1000 --seed 3\r\n\n=== Multi-Subsystem Stress Test ===\nDuration: 1000 ms\nSeed: 3 (profile report)\n\n' +
        '\n[STRESS TEST] Multi-subsystem complete\n  Peak Pressure: 4%\n  Actions: 99\nsis> ',
    );
  });

  test.each([
    ['--duration 0', "[ERROR] --duration: invalid value '0' (expected an integer 1..3600000 ms)"],
    ['--duration 3600001', "[ERROR] --duration: invalid value '3600001' (expected an integer 1..3600000 ms)"],
    ['--duration', '[ERROR] --duration: missing value (expected an integer 1..3600000 ms)'],
    ['--rate 5', "[ERROR] unknown flag '--rate' for 'stresstest multi'"],
    ['--quiet --verbose', '[ERROR] --quiet and --verbose cannot be used together'],
  ])('%s is refused', (flags, error) => {
    expect(transcript(`stresstest multi ${flags}`)).toBe(`stresstest multi ${flags}\r\n${error}\nsis> `);
  });

  test('golden transcript, verbose with METRIC progress (seed 3)', () => {
    expectGolden('multi-verbose-seed3.txt', transcript('stresstest multi --duration 300 --seed 3 --verbose', true));
  });

  test('same seed, same transcript', () => {
    const line = 'stresstest multi --duration 500 --seed 9 --verbose';
    expect(transcript(line)).toBe(transcript(line));
  });

  test.each([
    [10, 0],
    [15, 1],
    [1000, 99],
    [10_000, 999],
    [12_345, 1234],
  ])('%i ms makes ceil(D/10) − 1 ticks (%i), each one prediction, on the 10 ms grid', (duration, ticks) => {
    const { summary, predictions, maxStep, elapsedUs } = drive(duration);
    expect(summary.record.actions).toBe(ticks);
    expect(predictions.length).toBe(ticks);
    predictions.forEach((t, i) => expect(t - 2_000_000).toBe((i + 1) * 10_000));
    expect(maxStep).toBeLessThanOrEqual(10_000);
    expect(Math.floor(elapsedUs / 1000)).toBe(duration);
  });

  test('holds at most 256 blocks, frees them all, and peak pressure reflects them', () => {
    const { summary, state, peakLive } = drive(5000);
    expect(peakLive).toBe(256);
    expect(state.heap.liveBlocks).toBe(0);
    expect(state.heap.allocatedBytes).toBe(0);
    // 256 × 1 KiB of 8 MiB = 3.125 % → ceil 4 %
    expect(summary.record.figures).toEqual({ peakPressure: 4, actions: 499 });
    expect(multiTest.compareLines(summary.record)).toEqual([
      ['Peak pressure', '4%'],
      ['Actions', '499'],
    ]);
  });

  test('Ctrl-C cancels within 100 ms of virtual time', () => {
    const rig = bootedKernel({ seed: 1 });
    rig.run('autoctl off\r');
    const start = rig.kernel.nowUs;
    let out = rig.send('stresstest multi --duration 60000 --seed 3\r');
    rig.kernel.advance(start + 777_000);
    out += rig.send('\x03') + rig.run('');
    const ms = Number(/\[STRESS TEST\] Cancelled after (\d+) ms/.exec(out)![1]);
    expect(ms).toBeGreaterThanOrEqual(777);
    expect(ms).toBeLessThanOrEqual(877);
    expect(out).toMatch(/\n\[STRESS TEST\] Multi-subsystem complete\n  Peak Pressure: \d+%\n  Actions: \d+\n  Status: CANCELLED\nsis> $/);
    expect(rig.kernel.view.heap.liveBlocks).toBe(0);
  });
});
