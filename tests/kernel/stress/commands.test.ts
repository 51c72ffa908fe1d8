import { describe, expect, test } from '@jest/globals';
import { commandAt, commandsTest, JITTER } from '../../../kernel/stress/commands-test.js';
import type { TestConfig } from '../../../kernel/stress/types.js';
import { expectGolden, transcript } from '../../helpers/golden.js';
import { driveTest, fakeCommand } from '../../helpers/fake-command.js';
import { bootedKernel } from '../../helpers/kernel-rig.js';

/** Runs the test generator directly; records the virtual µs of every interpreter call. */
function drive(config: Record<string, number | boolean | bigint>) {
  const calls: Array<[number, string]> = [];
  const fake = fakeCommand({
    startUs: 1_000_000,
    interpret: (line) => {
      calls.push([fake.clock.nowUs, line]);
      return !line.startsWith('unknowncmd');
    },
  });
  const full = { duration: 1000, rate: 50, quiet: false, verbose: false, seed: 1n, ...config } as TestConfig & { seed: bigint };
  const { summary, maxStep } = driveTest(commandsTest, fake, full);
  return { summary, calls, maxStep, state: fake.state };
}

describe('stresstest commands', () => {
  test('header, summary block and shell line', () => {
    const out = transcript('stresstest commands --duration 1000 --rate 20 --seed 7');
    expect(out).toMatch(
      /^stresstest commands --duration 1000 --rate 20 --seed 7\r\n\n=== Command Flood Stress Test ===\nDuration: 1000 ms\nRate: 20 \/sec\nSeed: 7 \(profile report\)\n\n\n\[STRESS TEST\] Command flood complete\n  Commands sent: 20\n  Command Latency: p50=\d+ns p95=\d+ns p99=\d+ns\n  Status: PASS\n\n\[STRESSTEST\] Commands completed: actions=20 duration_ms=1000\nsis> $/,
    );
  });

  test.each([
    ['--rate 0', "[ERROR] --rate: invalid value '0' (expected an integer 1..100000 /sec)"],
    ['--rate 100001', "[ERROR] --rate: invalid value '100001' (expected an integer 1..100000 /sec)"],
    ['--rate', '[ERROR] --rate: missing value (expected an integer 1..100000 /sec)'],
    ['--rat 5', "[ERROR] unknown flag '--rat' for 'stresstest commands' (did you mean --rate?)"],
    ['--duration abc', "[ERROR] --duration: invalid value 'abc' (expected an integer 1..3600000 ms)"],
    ['--episodes 3', "[ERROR] unknown flag '--episodes' for 'stresstest commands'"],
  ])('%s is refused', (flags, error) => {
    expect(transcript(`stresstest commands ${flags}`)).toBe(`stresstest commands ${flags}\r\n${error}\nsis> `);
  });

  test('golden transcript with METRIC progress (seed 7)', () => {
    expectGolden('commands-seed7.txt', transcript('stresstest commands --duration 500 --rate 40 --seed 7', true));
  });

  test('golden transcript, verbose at a rate that queues (seed 7)', () => {
    expectGolden('commands-verbose-seed7.txt', transcript('stresstest commands --duration 10 --rate 60000 --seed 7 --verbose'));
  });

  test('the same seed gives the same run, another seed other latencies', () => {
    const a = transcript('stresstest commands --duration 2000 --rate 200 --seed 11');
    expect(transcript('stresstest commands --duration 2000 --rate 200 --seed 11')).toBe(a);
    const b = transcript('stresstest commands --duration 2000 --rate 200 --seed 12');
    const latency = (s: string) => /Command Latency: (.*)/.exec(s)![1];
    expect(latency(b)).not.toBe(latency(a));
  });

  test.each([
    [50, 2000],
    [20, 1000],
    [7, 3000],
    [1000, 500],
    [100_000, 20],
  ])('rate %i for %i ms sends R·D/1000 commands (±1)', (rate, duration) => {
    const { summary } = drive({ rate, duration });
    const expected = (rate * duration) / 1000;
    expect(Math.abs(summary.record.actions - expected)).toBeLessThanOrEqual(1);
    expect(summary.fields[0]).toEqual(['Commands sent', String(summary.record.actions)]);
  });

  test('every command goes through the interpreter, known and unknown alternating', () => {
    const { summary, calls } = drive({ rate: 100, duration: 200 });
    expect(calls.map(([, line]) => line)).toEqual(
      Array.from({ length: summary.record.actions }, (_, k) => commandAt(k)),
    );
    expect(calls.slice(0, 5).map(([, l]) => l)).toEqual(['help', 'unknowncmd --arg', 'autoctl status', 'unknowncmd --arg', 'metricsctl status']);
  });

  test('arrivals jitter ±25 % around the grid while the mean rate stays exact', () => {
    const interval = 1e6 / 100;
    const { calls } = drive({ rate: 100, duration: 20_000 });
    const gaps = calls.slice(1).map(([t], i) => t - calls[i]![0]);
    expect(gaps.length).toBe(1999);
    const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
    const sd = Math.sqrt(gaps.reduce((a, g) => a + (g - mean) ** 2, 0) / gaps.length);
    expect(Math.abs(mean - interval)).toBeLessThan(interval * 0.001);
    // gap = interval × (1 + j' − j), j uniform in [−0.25, 0.25): sd = interval × 0.5/√6 ≈ 0.204
    expect(sd / interval).toBeGreaterThan(0.18);
    expect(sd / interval).toBeLessThan(0.23);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(interval * (1 - 2 * JITTER) - 1);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(interval * (1 + 2 * JITTER) + 1);
    expect(Math.min(...gaps)).toBeLessThan(interval * 0.6);
    expect(Math.max(...gaps)).toBeGreaterThan(interval * 1.4);
  });

  test('commands queue when arrivals bunch up: latency and depth grow with the rate', () => {
    const slow = drive({ rate: 50, duration: 5000 }).summary.record.figures;
    const fast = drive({ rate: 100_000, duration: 50 }).summary.record.figures;
    expect(slow.peakQueueDepth).toBe(0);
    expect(slow.deadlineMisses).toBe(0);
    expect(fast.peakQueueDepth).toBeGreaterThanOrEqual(2);
    expect(fast.deadlineMisses).toBeGreaterThan(0);
    expect(fast.latencyP99Ns).toBeGreaterThan(slow.latencyP50Ns!);
  });

  test('publishes deadline misses to the telemetry board and detaches afterwards', () => {
    const { summary, state } = drive({ rate: 100_000, duration: 50 });
    expect(state.autonomy.telemetry.deadlineMisses).toBe(summary.record.figures.deadlineMisses);
    expect(state.autonomy.telemetry.workload).toBeUndefined();
  });

  test('yields at most 10 ms at a time even at 1 command per second', () => {
    const { summary, maxStep } = drive({ rate: 1, duration: 3000 });
    expect(summary.record.actions).toBe(3);
    expect(maxStep).toBeLessThanOrEqual(10_000);
  });

  test('compare lines and paired figures', () => {
    const { summary } = drive({ rate: 20, duration: 1000 });
    expect(commandsTest.compareLines(summary.record)).toEqual([
      ['Actions', '20'],
      ['Command p99', `${summary.record.figures.latencyP99Ns}ns`],
    ]);
    expect(commandsTest.pairedFigures).toEqual([
      ['latencyP99Ns', 'Command p99 (ns)'],
      ['commandsSent', 'Commands sent'],
    ]);
  });

  test('Ctrl-C cancels within 100 ms of virtual time', () => {
    const rig = bootedKernel({ seed: 1 });
    rig.run('autoctl off\r');
    rig.run('metricsctl off\r');
    const start = rig.kernel.nowUs;
    let out = rig.send('stresstest commands --duration 60000 --seed 3\r');
    rig.kernel.advance(start + 1_234_000);
    out += rig.send('\x03') + rig.run('');
    const ms = Number(/\[STRESS TEST\] Cancelled after (\d+) ms/.exec(out)![1]);
    expect(ms).toBeGreaterThanOrEqual(1234);
    expect(ms).toBeLessThanOrEqual(1334);
    expect(out).toContain('  Status: CANCELLED\n');
    expect(out).not.toContain('[STRESSTEST]');
    expect(out.endsWith('sis> ')).toBe(true);
  });
});
