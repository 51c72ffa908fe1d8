import { describe, expect, test } from '@jest/globals';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chaosTest } from '../../../kernel/stress/chaos/chaos-test.js';
import { chaosVerdict, successRatePct } from '../../../kernel/stress/chaos/verdict.js';
import { bootedKernel } from '../../helpers/kernel-rig.js';

/** Past the controller's first, talkative ticks: these tests are about chaos output. */
const SETTLE_US = 3_500_000;

const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/golden');

/**
 * Golden transcripts: the exact kernel output (echo to prompt) for a fixed seed, checked by reading
 * when generated. To regenerate after an intended change: `UPDATE_GOLDEN=1` + this test file.
 */
function golden(name: string, actual: string): string {
  const path = join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(path, actual, 'latin1');
  }
  return readFileSync(path, 'latin1');
}

/**
 * One chaos run on a fresh kernel. The mechanism tests use the `qemu` profile (≈40 events per
 * virtual second, every event's latency recorded); the golden transcripts show the default `report`.
 */
function chaos(flags: string, profile = 'qemu'): string {
  return bootedKernel({ settleUs: SETTLE_US, profile }).run(`stresstest chaos ${flags}\r`);
}

interface Parsed {
  events: number;
  successes: number;
  failures: number;
  rate: number;
  p50: number;
  p95: number;
  p99: number;
  status: string;
  eventLines: string[];
}

function parse(out: string): Parsed {
  const field = (key: string) => new RegExp(`^  ${key}: (.*)$`, 'm').exec(out)?.[1] ?? '';
  const latency = /^p50=(\d+)ns p95=(\d+)ns p99=(\d+)ns$/.exec(field('Recovery Latency'))!;
  return {
    events: Number(field('Chaos Events')),
    successes: Number(field('Successful Recoveries')),
    failures: Number(field('Failed Recoveries')),
    rate: Number(/^(\d+)%$/.exec(field('Success Rate'))![1]),
    p50: Number(latency[1]),
    p95: Number(latency[2]),
    p99: Number(latency[3]),
    status: field('Status'),
    eventLines: out.split('\n').filter((l) => l.startsWith('[CHAOS] ')),
  };
}

describe('stresstest chaos: transcripts', () => {
  test('golden: --duration 2000 --seed 7', () => {
    const out = chaos('--duration 2000 --seed 7', 'report');
    expect(out).toBe(golden('chaos-default-seed7.txt', out));
    expect(chaos('--duration 2000 --seed 7', 'report')).toBe(out);
  });

  test('golden: --fail-rate 30 --verbose --seed 7', () => {
    const out = chaos('--duration 2000 --fail-rate 30 --verbose --seed 7', 'report');
    expect(out).toBe(golden('chaos-fail30-verbose-seed7.txt', out));
    expect(chaos('--duration 2000 --fail-rate 30 --verbose --seed 7', 'report')).toBe(out);
  });

  test('header, event lines and summary agree; nothing is left allocated; autonomy is as before', () => {
    const { kernel, run } = bootedKernel({ settleUs: SETTLE_US });
    kernel.setAutonomy(false);
    const out = run('stresstest chaos --duration 3000 --fail-rate 40 --expect-failures --seed 11\r');
    expect(out.startsWith(
      'stresstest chaos --duration 3000 --fail-rate 40 --expect-failures --seed 11\r\n' +
        '\n=== Chaos Engineering Stress Test (Enhanced) ===\nDuration: 3000 ms\nFailure Rate: 40%\nExpect Failures: yes\nSeed: 11 (profile report)\n\n',
    )).toBe(true);
    const p = parse(out);
    expect(p.eventLines).toHaveLength(p.events);
    expect(p.successes + p.failures).toBe(p.events);
    expect(p.rate).toBe(successRatePct(p.successes, p.events));
    expect(p.status).toBe(p.rate >= 50 ? 'PASS' : 'FAIL');
    expect(out).not.toMatch(/\[STRESSTEST\]/);
    expect(out.endsWith(`  Status: ${p.status}\nsis> `)).toBe(true);
    expect(kernel.view.heap.allocatedBytes).toBe(0);
    expect(kernel.view.autonomy.enabled).toBe(false);
  });

  test('the run record and compare lines carry the printed figures', () => {
    const { kernel, run } = bootedKernel({ settleUs: SETTLE_US });
    const p = parse(run('stresstest chaos --duration 2000 --fail-rate 25 --seed 4\r'));
    const entry = kernel.view.history.list().at(-1)!;
    expect(entry.type).toBe('chaos');
    expect(entry.record.actions).toBe(p.events);
    expect(entry.record.durationMs).toBeGreaterThanOrEqual(2000);
    expect(entry.record.figures).toEqual({
      events: p.events,
      successes: p.successes,
      failures: p.failures,
      successRate: p.rate,
      recoveryP50Ns: p.p50,
      recoveryP99Ns: p.p99,
    });
    expect(chaosTest.compareLines(entry.record)).toEqual([
      ['Chaos events', `${p.events}`],
      ['Success rate', `${p.rate}%`],
      ['Failed recoveries', `${p.failures}`],
      ['Recovery p99', `${p.p99}ns`],
    ]);
  });

  test('METRIC progress batches count up to the summary', () => {
    const out = chaos('--duration 2000 --fail-rate 20 --seed 2');
    const p = parse(out);
    const events = [...out.matchAll(/^METRIC stress_events=(\d+)$/gm)].map((m) => Number(m[1]));
    expect(events.length).toBeGreaterThanOrEqual(15);
    expect(events).toEqual([...events].sort((a, b) => a - b));
    const last = out.slice(out.lastIndexOf('METRIC stress_progress_pct='));
    expect(last).toMatch(/^METRIC stress_progress_pct=100\nMETRIC stress_elapsed_ms=\d+\nMETRIC stress_duration_ms=2000\nMETRIC stress_pressure_pct=0\n/);
    expect(last).toContain(`METRIC stress_events=${p.events}\nMETRIC stress_successes=${p.successes}\nMETRIC stress_failures=${p.failures}\n`);
  });
});

describe('stresstest chaos: output modes', () => {
  test('--quiet prints the header and the summary only', () => {
    const out = chaos('--duration 2000 --fail-rate 20 --quiet --seed 5');
    const p = parse(out);
    expect(out).toBe(
      'stresstest chaos --duration 2000 --fail-rate 20 --quiet --seed 5\r\n' +
        '\n=== Chaos Engineering Stress Test (Enhanced) ===\nDuration: 2000 ms\nFailure Rate: 20%\nSeed: 5 (profile qemu)\n\n' +
        '\n[STRESS TEST] Chaos engineering complete\n' +
        `  Chaos Events: ${p.events}\n  Successful Recoveries: ${p.successes}\n  Failed Recoveries: ${p.failures}\n` +
        `  Success Rate: ${p.rate}%\n  Recovery Latency: p50=${p.p50}ns p95=${p.p95}ns p99=${p.p99}ns\n  Status: ${p.status}\nsis> `,
    );
    expect(p.events).toBeGreaterThan(50);
    expect(chaos('--duration 2000 --fail-rate 20 --summary --seed 5')).toBe(out.replace('--quiet', '--summary'));
  });

  test('--quiet runs the same events as the default mode', () => {
    const quiet = parse(chaos('--duration 2000 --fail-rate 20 --quiet --seed 6'));
    const loud = parse(chaos('--duration 2000 --fail-rate 20 --seed 6'));
    expect({ ...quiet, eventLines: [] }).toEqual({ ...loud, eventLines: [] });
  });

  test('--verbose: an outcome line after every event, a failure breakdown, latencies as printed', () => {
    const out = chaos('--duration 3000 --fail-rate 30 --verbose --seed 8');
    const p = parse(out);
    const lines = out.split('\n');
    const latencies: number[] = [];
    let failed = 0;
    const perKind = new Map<string, [number, number]>();
    lines.forEach((line, i) => {
      if (!line.startsWith('[CHAOS] ')) return;
      const name = /^\[CHAOS\] (.+) \(\d+(?:%|us| allocs| cmds|x| samples| cycles| actions|ms)\)$/.exec(line)![1]!;
      const outcome = /^  -> (?:(?:ok|recovered) in (\d+)us|FAILED after (\d+)us \((.+)\))$/.exec(lines[i + 1]!)!;
      expect(outcome).not.toBeNull();
      latencies.push(Number(outcome[1] ?? outcome[2]));
      const tally = perKind.get(name) ?? [0, 0];
      if (outcome[2] !== undefined) {
        failed++;
        tally[0]++;
      }
      tally[1]++;
      perKind.set(name, tally);
    });
    expect(latencies).toHaveLength(p.events);
    expect(failed).toBe(p.failures);
    const tail = out.slice(out.indexOf(`  Status: ${p.status}\n`)).split('\n').slice(1, -1);
    expect(tail).toEqual(['  Failure breakdown:', ...[...perKind].map(([name, [f, t]]) => `    ${name}: ${f}/${t}`)]);
    const sorted = latencies.map((us) => us * 1000).sort((a, b) => a - b);
    for (const [pct, printed] of [[50, p.p50], [95, p.p95], [99, p.p99]] as const) {
      const exact = sorted[Math.ceil((pct / 100) * sorted.length) - 1]!;
      expect(Math.abs(printed - exact)).toBeLessThanOrEqual(exact / 100);
    }
  });
});

describe('stresstest chaos: flags', () => {
  test.each([
    ['--fail-rate 101', "[ERROR] --fail-rate: invalid value '101' (expected an integer 0..100 %)"],
    ['--failure-rate 101', "[ERROR] --fail-rate: invalid value '101' (expected an integer 0..100 %)"],
    ['--fail-rate abc', "[ERROR] --fail-rate: invalid value 'abc' (expected an integer 0..100 %)"],
    ['--fail-rate', '[ERROR] --fail-rate: missing value (expected an integer 0..100 %)'],
    ['--duration 0', "[ERROR] --duration: invalid value '0' (expected an integer 1..3600000 ms)"],
    ['--expect-failures=yes', "[ERROR] --expect-failures: takes no value (got 'yes')"],
    ['--quiet --verbose', '[ERROR] --quiet and --verbose cannot be used together'],
  ])('stresstest chaos %s', (flags, error) => {
    expect(chaos(flags)).toBe(`stresstest chaos ${flags}\r\n${error}\nsis> `);
  });

  test('--failure-rate is the same flag as --fail-rate', () => {
    const alias = chaos('--duration 1000 --failure-rate 20 --seed 3');
    expect(alias).toContain('\nFailure Rate: 20%\n');
    expect(alias.replace('--failure-rate', '--fail-rate')).toBe(chaos('--duration 1000 --fail-rate 20 --seed 3'));
  });

  test('the default failure rate is 0 and the default duration 10 s', () => {
    const out = chaos('--quiet --seed 1');
    expect(out).toContain('\nDuration: 10000 ms\nFailure Rate: 0%\nSeed: 1 (profile qemu)\n');
    expect(parse(out)).toMatchObject({ failures: 0, rate: 100, status: 'PASS' });
  });
});

describe('stresstest chaos: verdicts', () => {
  test('the verdict table', () => {
    const cases: Array<[boolean, number, number, string]> = [
      [false, 0, 100, 'PASS'],
      [false, 1, 99, 'PARTIAL PASS'],
      [false, 10, 50, 'PARTIAL PASS'],
      [false, 10, 49, 'FAIL'],
      [true, 0, 100, 'PASS'],
      [true, 10, 50, 'PASS'],
      [true, 10, 49, 'FAIL'],
    ];
    for (const [expectFailures, failures, successRate, verdict] of cases) {
      expect(chaosVerdict({ expectFailures, failures, successRate })).toBe(verdict);
    }
    expect(successRatePct(0, 0)).toBe(100);
    expect(successRatePct(86, 100)).toBe(86);
    expect(successRatePct(2, 3)).toBe(66);
  });

  test.each([
    ['--fail-rate 0', 'PASS'],
    ['--fail-rate 20', 'PARTIAL PASS'],
    ['--fail-rate 100', 'FAIL'],
    ['--fail-rate 30 --expect-failures', 'PASS'],
    ['--fail-rate 100 --expect-failures', 'FAIL'],
  ])('real runs with %s end %s in most of 9 seeds', (flags, verdict) => {
    const statuses = new Map<string, number>();
    for (let seed = 1; seed <= 9; seed++) {
      const p = parse(chaos(`--duration 2000 ${flags} --quiet --seed ${seed}`));
      expect(p.successes + p.failures).toBe(p.events);
      expect(p.status).toBe(chaosVerdict({ expectFailures: flags.includes('--expect'), failures: p.failures, successRate: p.rate }));
      statuses.set(p.status, (statuses.get(p.status) ?? 0) + 1);
    }
    expect(statuses.get(verdict) ?? 0).toBeGreaterThanOrEqual(5);
  });
});

describe('stresstest chaos: Ctrl-C', () => {
  test('cancels within 100 ms of virtual time, mid-event too, and cleans up', () => {
    for (const [seed, afterMs] of [[1, 130], [2, 515], [3, 1000], [4, 2222], [5, 3700], [6, 4010], [7, 777], [8, 1500]] as const) {
      const { kernel, send, run } = bootedKernel({ settleUs: SETTLE_US });
      let out = send(`stresstest chaos --duration 60000 --fail-rate 50 --seed ${seed}\r`);
      out += run('', 0);
      kernel.advance(kernel.nowUs + afterMs * 1000);
      out += send('\x03');
      const cancelAt = kernel.nowUs;
      while (kernel.busy) {
        kernel.advance(kernel.nowUs + 1000);
        out += send('');
      }
      expect(kernel.nowUs - cancelAt).toBeLessThanOrEqual(100_000);
      expect(out).toMatch(/\^C\n\[STRESS TEST\] Cancelled after \d+ ms\n\n\[STRESS TEST\] Chaos engineering complete\n/);
      const p = parse(out);
      expect(p.status).toBe('CANCELLED');
      expect(p.eventLines).toHaveLength(p.events);
      expect(p.successes + p.failures).toBe(p.events);
      expect(kernel.view.heap.allocatedBytes).toBe(0);
      expect(kernel.view.autonomy.enabled).toBe(true);
    }
  });
});

describe('stresstest chaos: statistics over seeds', () => {
  test('at --fail-rate 20: mean success rate 75–95 %, failures in most runs, counts and sequences vary', () => {
    const runs = Array.from({ length: 32 }, (_, i) => parse(chaos(`--duration 3000 --fail-rate 20 --seed ${1000 + i}`)));
    const meanRate = runs.reduce((sum, p) => sum + (100 * p.successes) / p.events, 0) / runs.length;
    expect(meanRate).toBeGreaterThanOrEqual(75);
    expect(meanRate).toBeLessThanOrEqual(95);
    expect(runs.filter((p) => p.failures > 0).length).toBeGreaterThanOrEqual(28);
    expect(new Set(runs.map((p) => p.events)).size).toBeGreaterThanOrEqual(10);
    expect(new Set(runs.map((p) => p.rate)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(runs.map((p) => p.eventLines.slice(0, 5).join('|'))).size).toBe(runs.length);
    for (const p of runs) {
      expect(p.events).toBeGreaterThan(80);
      expect(p.events).toBeLessThan(150);
    }
  });
});
