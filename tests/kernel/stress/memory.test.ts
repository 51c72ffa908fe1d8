import { describe, expect, test } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { kernelWithController } from '../autonomy/controller-rig.js';

const GOLDEN_DIR = new URL('../../fixtures/golden/', import.meta.url);

/** Runs `lines` one after another in a fresh kernel (controller attached) and returns everything printed. */
function session(lines: readonly string[]): string {
  const { run } = kernelWithController();
  return lines.map((line) => run(`${line}\r`)).join('');
}

/**
 * Compares with tests/fixtures/golden/{name}. To regenerate after a deliberate change, run this file
 * with UPDATE_GOLDEN=1 and read the diff before committing it.
 */
function expectGolden(name: string, text: string): void {
  const url = new URL(name, GOLDEN_DIR);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(url, text);
  expect(text).toBe(readFileSync(url, 'latin1'));
}

/** The kernel after boot with the first ticks' console lines already printed and dropped. */
function quietKernel() {
  const rig = kernelWithController();
  rig.kernel.advance(rig.kernel.nowUs + 3_000_000);
  rig.send('');
  return rig;
}

const SUMMARY = new RegExp(
  [
    '\\n\\[STRESS TEST\\] Memory test complete',
    '  Peak Pressure: (\\d+)%',
    '  Avg Pressure: (\\d+)%',
    '  OOM Events: (\\d+)',
    '  Compaction Triggers: (\\d+)',
    '  Alloc Latency: p50=(\\d+)ns p95=(\\d+)ns p99=(\\d+)ns',
    '  Status: (PASS|FAIL)',
    '',
    '\\[STRESSTEST\\] Memory completed: peak_pressure=(\\d+)% oom_events=(\\d+) compactions=(\\d+) duration_ms=(\\d+)',
    'sis> $',
  ].join('\\n'),
);

describe('stresstest memory: output', () => {
  test('header, summary and shell line', () => {
    const { run } = quietKernel();
    run('metricsctl off\r');
    const out = run('stresstest memory --duration 700 --target-pressure 70 --noise 20 --oom-probability 5 --seed 9\r');
    const header =
      'stresstest memory --duration 700 --target-pressure 70 --noise 20 --oom-probability 5 --seed 9\r\n' +
      '\n=== Memory Stress Test (Enhanced) ===\nDuration: 700 ms\nTarget Pressure: 70%\nNoise Level: 20%\nOOM Injection: 5%\nSeed: 9 (profile report)\n\n';
    expect(out.startsWith(header)).toBe(true);
    const m = SUMMARY.exec(out.slice(header.length));
    expect(m).not.toBeNull();
    const [peak, avg, oom, compactions, p50, p95, p99, status, shellPeak, shellOom, shellCompactions, ms] = m!.slice(1);
    expect(out.slice(header.length, header.length + m!.index)).toBe(''); // nothing between: no events, metrics off
    expect([shellPeak, shellOom, shellCompactions]).toEqual([peak, oom, compactions]);
    expect(ms).toBe('700');
    expect(Number(peak)).toBeGreaterThanOrEqual(Number(avg));
    expect(Number(oom)).toBeGreaterThan(0); // 5 % of the allocations are failed on purpose ...
    expect(status).toBe('PASS'); // ... and failures are then expected
    expect(Number(p50)).toBeLessThanOrEqual(Number(p95));
    expect(Number(p95)).toBeLessThanOrEqual(Number(p99));
  });

  test('the default header has no injection line; the target default is the profile\'s (report 85 %, qemu 50 %)', () => {
    const { run } = quietKernel();
    expect(run('stresstest memory --duration 100 --seed 1\r')).toContain(
      '\n=== Memory Stress Test (Enhanced) ===\nDuration: 100 ms\nTarget Pressure: 85%\nNoise Level: 10%\nSeed: 1 (profile report)\n\n',
    );
    const qemu = kernelWithController({ profile: 'qemu' });
    expect(qemu.run('stresstest memory --duration 100 --seed 1\r')).toContain(
      '\nTarget Pressure: 50%\nNoise Level: 10%\nSeed: 1 (profile qemu)\n\n',
    );
    expect(qemu.run('help stresstest\r')).toContain('--target-pressure N: heap pressure the test allocates up to (0..100 %, default 50)');
    expect(run('help stresstest\r')).toContain('--target-pressure N: heap pressure the test allocates up to (0..100 %, default 85)');
  });

  test('golden: --duration 2000 --seed 1 with METRIC progress and the first decision ticks', () => {
    expectGolden('memory-seed1.txt', session(['stresstest memory --duration 2000 --seed 1']));
  });

  test('golden: --verbose at 90 % with autonomy on (controller actions), then off (an OOM)', () => {
    expectGolden(
      'memory-verbose.txt',
      session([
        'stresstest memory --duration 4000 --target-pressure 90 --seed 7 --verbose',
        'autoctl off',
        'stresstest memory --duration 4000 --target-pressure 90 --seed 2 --verbose',
      ]),
    );
  });

  test('the heap is handed back and the workload unregistered', () => {
    const { kernel, run } = quietKernel();
    run('stresstest memory --duration 3000 --target-pressure 90 --seed 4\r');
    expect(kernel.view.heap.allocatedBytes).toBe(0);
    expect(kernel.view.autonomy.telemetry.workload).toBeUndefined();
    expect(kernel.view.autonomy.telemetry.pressureCeilingPct).toBe(100);
    const last = kernel.view.history.list().at(-1)!;
    expect(last.type).toBe('memory');
    expect(Object.keys(last.record.figures).sort()).toEqual(['avgPressure', 'compactions', 'latencyP99Ns', 'oomEvents', 'peakPressure']);
  });
});

describe('stresstest memory: flags', () => {
  const refused = (args: string, error: string) => {
    const { send } = quietKernel();
    expect(send(`stresstest memory ${args}\r`)).toBe(`stresstest memory ${args}\r\n${error}\nsis> `);
  };

  test('out-of-range and malformed values name the flag, the value and the range', () => {
    refused('--duration 0', "[ERROR] --duration: invalid value '0' (expected an integer 1..3600000 ms)");
    refused('--duration 3600001', "[ERROR] --duration: invalid value '3600001' (expected an integer 1..3600000 ms)");
    refused('--target-pressure 101', "[ERROR] --target-pressure: invalid value '101' (expected an integer 0..100 %)");
    refused('--noise -5', "[ERROR] --noise: invalid value '-5' (expected an integer 0..100 %)");
    refused('--noise 1.5', "[ERROR] --noise: invalid value '1.5' (expected an integer 0..100 %)");
    refused('--oom-probability', '[ERROR] --oom-probability: missing value (expected an integer 0..100 %)');
  });

  test('an unknown flag is refused with a suggestion', () => {
    refused('--durtion 500', "[ERROR] unknown flag '--durtion' for 'stresstest memory' (did you mean --duration?)");
    refused('--target-presure 80', "[ERROR] unknown flag '--target-presure' for 'stresstest memory' (did you mean --target-pressure?)");
  });
});

describe('stresstest memory: seeds', () => {
  const summaryOf = (out: string) => out.slice(out.indexOf('[STRESS TEST] Memory test complete'));

  test('the same seed gives a byte-identical transcript; another seed another run', () => {
    const line = 'stresstest memory --duration 1500 --target-pressure 80 --seed 42';
    const a = session([line]);
    expect(session([line])).toBe(a);
    const b = session(['stresstest memory --duration 1500 --target-pressure 80 --seed 43']);
    expect(summaryOf(b)).not.toBe(summaryOf(a));
  });

  test('without --seed the µs clock seeds the run: two runs in one session differ', () => {
    const { kernel, run } = quietKernel();
    const startA = kernel.nowUs;
    const a = run('stresstest memory --duration 1000 --target-pressure 80\r');
    const startB = kernel.nowUs;
    const b = run('stresstest memory --duration 1000 --target-pressure 80\r');
    expect(a).toContain(`\nSeed: ${Math.floor(startA)} (profile report)\n`);
    expect(b).toContain(`\nSeed: ${Math.floor(startB)} (profile report)\n`);
    expect(startB).toBeGreaterThan(startA);
    expect(summaryOf(b)).not.toBe(summaryOf(a));
  });
});

describe('stresstest memory: Ctrl-C', () => {
  test('cancels within 100 ms of virtual time with the cancel line and Status: CANCELLED', () => {
    const { kernel, send } = quietKernel();
    let out = send('stresstest memory --duration 60000 --seed 5\r');
    const start = kernel.nowUs;
    kernel.advance(start + 830_000);
    out += send('\x03');
    const cancelAt = kernel.nowUs;
    while (kernel.busy) kernel.advance(kernel.nowUs + 1000);
    out += send('');
    expect(kernel.nowUs - cancelAt).toBeLessThanOrEqual(100_000);
    const m = /\^C\n\[STRESS TEST\] Cancelled after (\d+) ms\n\n\[STRESS TEST\] Memory test complete\n(?: {2}.*\n){5} {2}Status: CANCELLED\nsis> $/.exec(out);
    expect(m).not.toBeNull();
    expect(Number(m![1])).toBeGreaterThanOrEqual(830);
    expect(Number(m![1])).toBeLessThanOrEqual(930);
    expect(out).not.toContain('[STRESSTEST]');
    expect(kernel.view.heap.allocatedBytes).toBe(0);
  });
});
