import { describe, expect, test } from '@jest/globals';
import { LineDiscipline, Prng } from '../../../kernel/index.js';
import {
  attackKind,
  byteFuzz,
  expectedLines,
  HOSTILE_INPUTS,
  redteamTest,
  structuredFuzz,
} from '../../../kernel/stress/redteam-test.js';
import { expectGolden, transcript } from '../../helpers/golden.js';
import { driveTest, fakeCommand } from '../../helpers/fake-command.js';
import { bootedKernel } from '../../helpers/kernel-rig.js';

/** Runs the generator against a stand-in shell whose interpreter and line discipline can be broken. */
function drive(duration: number, shell: { interpret?: (line: string) => boolean; feedShell?: (bytes: Uint8Array) => number } = {}) {
  const known = ['help', 'autoctl', 'metricsctl', 'clear', 'stresstest'];
  const interpret = (line: string) => {
    const name = line.split(' ').find(Boolean);
    if (line === 'autoctl on') fake.state.autonomy.enabled = true;
    return name !== undefined && known.includes(name);
  };
  const feedShell = (bytes: Uint8Array) => {
    const discipline = new LineDiscipline(() => {});
    let lines = 0;
    for (const b of bytes) if (discipline.feed(b) !== null) lines++;
    return lines;
  };
  const fake = fakeCommand({ interpret: shell.interpret ?? interpret, feedShell: shell.feedShell ?? feedShell });
  const { summary, maxStep } = driveTest(redteamTest, fake, { duration, quiet: false, verbose: true, seed: 4n });
  return { summary, out: fake.output(), maxStep, state: fake.state };
}

describe('stresstest redteam', () => {
  test('header, summary block and shell line', () => {
    const out = transcript('stresstest redteam --duration 1000 --seed 2');
    expect(out).toMatch(
      /^stresstest redteam --duration 1000 --seed 2\r\n\n=== Red Team Adversarial Stress Test ===\nDuration: 1000 ms\nSeed: 2 \(profile report\)\n\n\n\[STRESS TEST\] Red team test complete\n  Attacks Survived: (\d+)\n  Status: PASS\n\n\[STRESSTEST\] Red team completed: attacks_survived=\1 duration_ms=10\d\d\nsis> $/,
    );
  });

  test.each([
    ['--duration 0', "[ERROR] --duration: invalid value '0' (expected an integer 1..3600000 ms)"],
    ['--duration 1.5', "[ERROR] --duration: invalid value '1.5' (expected an integer 1..3600000 ms)"],
    ['--duraton 5', "[ERROR] unknown flag '--duraton' for 'stresstest redteam' (did you mean --duration?)"],
    ['--seed x', "[ERROR] --seed: invalid value 'x' (expected an integer 0..18446744073709551615)"],
  ])('%s is refused', (flags, error) => {
    expect(transcript(`stresstest redteam ${flags}`)).toBe(`stresstest redteam ${flags}\r\n${error}\nsis> `);
  });

  test('golden transcript, verbose (seed 9)', () => {
    expectGolden('redteam-verbose-seed9.txt', transcript('stresstest redteam --duration 200 --seed 9 --verbose'));
  });

  test('same seed, same transcript', () => {
    const line = 'stresstest redteam --duration 700 --seed 13 --verbose';
    expect(transcript(line)).toBe(transcript(line));
  });

  test('survives every attack at 40–160 attacks per second, and the shell still answers', () => {
    for (const [seed, autonomy] of [
      [21, 'off'],
      [22, 'on'],
    ] as const) {
      const rig = bootedKernel({ seed: 1 });
      rig.run(`autoctl ${autonomy}\r`);
      rig.run('metricsctl off\r');
      const before = { ...rig.kernel.view.autonomy };
      const out = rig.run(`stresstest redteam --duration 3000 --seed ${seed}\r`);
      const survived = Number(/Attacks Survived: (\d+)/.exec(out)![1]);
      const record = rig.kernel.view.history.list().at(-1)!.record;
      expect(record.figures).toEqual({ attacks: survived, survived });
      expect(survived / 3).toBeGreaterThanOrEqual(40);
      expect(survived / 3).toBeLessThanOrEqual(160);
      expect(out).toContain('  Status: PASS\n');
      const after = rig.kernel.view.autonomy;
      expect([after.enabled, after.timerArmed, after.intervalMs, after.safeMode]).toEqual([
        before.enabled,
        before.timerArmed,
        before.intervalMs,
        before.safeMode,
      ]);
      expect(rig.kernel.view.heap.liveBlocks).toBe(0);
      expect(rig.run('help\r')).toMatch(/^help\r\nAvailable commands:\n/);
      expect(rig.run('metricsctl status\r')).toBe('metricsctl status\r\n[METRICSCTL] capture: OFF\nsis> ');
    }
  });

  test('every attack kind runs, each one survived', () => {
    const { summary, out } = drive(2000);
    for (const kind of ['hostile input', 'byte fuzz', 'escape/parser fuzz', 'autonomy flip', 'memory attack', 'telemetry collection', 'telemetry flood']) {
      const m = new RegExp(`\\[REDTEAM\\] ${kind.replace('/', '\\/')}: (\\d+)/(\\d+) survived`).exec(out);
      expect(m).not.toBeNull();
      expect(m![1]).toBe(m![2]);
    }
    expect(summary.status).toBe('PASS');
  });

  test('an interpreter that stops answering is caught: FAIL', () => {
    let calls = 0;
    const { summary, out } = drive(1000, { interpret: (line) => line.startsWith('help') && ++calls < 40 });
    expect(summary.status).toBe('FAIL');
    expect(summary.record.figures.survived).toBeLessThan(summary.record.figures.attacks!);
    expect(out).toContain('FAILED (interpreter no longer answers help)');
  });

  test('a line discipline that loses lines is caught: FAIL', () => {
    const { summary, out } = drive(500, { feedShell: (bytes) => Math.max(0, expectedLines(bytes) - 1) });
    expect(summary.status).toBe('FAIL');
    expect(out).toMatch(/FAILED \(line discipline returned \d+ lines, expected \d+\)/);
  });

  test('attack schedule: iteration mod 10, the eight hostile strings all used', () => {
    expect(Array.from({ length: 10 }, (_, i) => attackKind(i))).toEqual([0, 0, 0, 0, 1, 2, 3, 4, 5, 6]);
    const used = new Set<number>();
    for (let i = 0; i < 80; i++) if (attackKind(i) === 0) used.add(i % HOSTILE_INPUTS.length);
    expect(used.size).toBe(8);
    expect(HOSTILE_INPUTS[1]).toBe('A'.repeat(64));
    expect(expectedLines(new Uint8Array([0x41, 0x0d, 0x0a, 0x03, 0x42]))).toBe(3);
  });

  test('fuzz covers all 256 byte values, lines longer than 255 characters and escape sequences', () => {
    const prng = new Prng(6n);
    const values = new Set<number>();
    let longest = 0;
    let escapes = 0;
    for (let i = 0; i < 200; i++) {
      const bytes = byteFuzz(prng);
      bytes.forEach((b) => values.add(b));
      longest = Math.max(longest, bytes.length);
      const text = String.fromCharCode(...structuredFuzz(prng));
      if (text.includes('\x1b[')) escapes++;
    }
    expect(values.size).toBe(256);
    expect(longest).toBeGreaterThan(256);
    expect(escapes).toBeGreaterThan(10);
  });

  test('yields at most 10 ms at a time', () => {
    expect(drive(1000).maxStep).toBeLessThanOrEqual(10_000);
  });

  test('Ctrl-C cancels within 100 ms of virtual time', () => {
    const rig = bootedKernel({ seed: 1 });
    rig.run('autoctl off\r');
    const start = rig.kernel.nowUs;
    let out = rig.send('stresstest redteam --duration 60000 --seed 3\r');
    rig.kernel.advance(start + 900_000);
    out += rig.send('\x03') + rig.run('');
    const ms = Number(/\[STRESS TEST\] Cancelled after (\d+) ms/.exec(out)![1]);
    expect(ms).toBeGreaterThanOrEqual(900);
    expect(ms).toBeLessThanOrEqual(1000);
    expect(out).toMatch(/  Attacks Survived: \d+\n  Status: CANCELLED\nsis> $/);
  });
});
