import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { appendFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, runCli } from '../helpers/cli.js';
import { tempDir } from './run-helpers.js';

const dir = tempDir();
process.env.SIS_HISTORY = join(dir, 'default-history.jsonl');
const fixturePath = (name: string): string => join(ROOT, 'tests/fixtures/conformance', `${name}.txt`);
const DATE = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d {2}/;

describe('sis history', () => {
  const history = join(dir, 'history.jsonl');

  beforeAll(async () => {
    for (const name of ['model-memory-commands', 'model-chaos-verbose', 'model-compare']) {
      await runCli(['parse', fixturePath(name), '--record', '--history', history]);
    }
    const run = await runCli(['run', '--history', history, '--seed', '1', '-c', 'stresstest memory --duration 300 --seed 8']);
    expect(run.status).toBe(0);
  });

  test('a table: date, type, verdict, key metrics, target; oldest first', async () => {
    const result = await runCli(['history', '--history', history]);
    expect([result.status, result.stderr]).toEqual([0, '']);
    const lines = result.stdout.toString().trimEnd().split('\n');
    expect(lines[0]).toMatch(/^DATE \(UTC\) {11}TYPE {12}VERDICT {7}KEY METRICS {2,}TARGET$/);
    const rows = lines.slice(1).map((line) => {
      expect(line).toMatch(DATE);
      return line.slice(21).split(/ {2,}/);
    });
    const log = (name: string) => `log:${fixturePath(name)}`;
    expect(rows.slice(0, 6)).toEqual([
      ['memory', 'PASS', 'peak=54% avg=50% oom=3 compactions=0 p99=5.12µs', log('model-memory-commands')],
      ['commands', 'PASS', 'sent=20 p99=97.0µs', log('model-memory-commands')],
      ['chaos', 'PARTIAL PASS', 'events=6 success=71% failed=2 p99=120ms', log('model-chaos-verbose')],
      ['chaos', 'FAIL', 'events=4 success=20% failed=4 p99=3.10ms', log('model-chaos-verbose')],
      ['compare memory', '-', 'interventions off=0 on=31 peak_pressure 56->52 avg_pressure 52->49 oom_events 0->0', log('model-compare')],
      ['compare multi', '-', 'interventions off=0 on=0 actions 49->49', log('model-compare')],
    ]);
    expect(rows).toHaveLength(7);
    expect(rows[6]).toEqual(['memory', 'PASS', expect.stringMatching(/^peak=\d+% avg=\d+% oom=\d+ compactions=\d+ p99=\d[\d.]*(ns|µs|ms)$/), 'virtual']);
  });

  test('--type, --last and --json', async () => {
    const chaos = await runCli(['history', '--history', history, '--type', 'chaos', '--json']);
    const entries = JSON.parse(chaos.stdout.toString());
    // JSON keeps the raw nanoseconds that the table shows as 120ms and 3.10ms.
    expect(entries.map((e: any) => e.run.metrics.latency_p99_ns)).toEqual([120_000_000, 3_100_000]);
    expect(entries.map((e: any) => [e.kind, e.run.verdict, e.source])).toEqual([
      ['run', 'PARTIAL PASS', 'parse'],
      ['run', 'FAIL', 'parse'],
    ]);
    const last = await runCli(['history', '--history', history, '--type', 'memory', '--last', '2', '--json']);
    expect(JSON.parse(last.stdout.toString()).map((e: any) => [e.kind, e.source])).toEqual([
      ['compare', 'parse'],
      ['run', 'run'],
    ]);
    const compares = await runCli(['history', '--history', history, '--type', 'compare']);
    expect(compares.stdout.toString().trimEnd().split('\n')).toHaveLength(3);
    const none = await runCli(['history', '--history', history, '--type', 'redteam']);
    expect(none.stdout.toString()).toBe(`No results recorded in ${history} of type redteam.\n`);
  });

  test('corrupt lines are skipped and counted on stderr', async () => {
    const damaged = join(dir, 'damaged.jsonl');
    await runCli(['parse', fixturePath('model-memory-commands'), '--record', '--history', damaged]);
    appendFileSync(damaged, 'garbage\n{"history_version":1}\n{"history_version":1,"recorded_at":"2026-');
    const result = await runCli(['history', '--history', damaged]);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe(`sis history: skipped 3 unreadable lines in ${damaged}\n`);
    expect(result.stdout.toString().trimEnd().split('\n')).toHaveLength(3);
  });

  test('usage errors exit 2; an empty history is not an error', async () => {
    const typo = await runCli(['history', '--history', history, '--type', 'chas']);
    expect([typo.status, typo.stderr]).toEqual([
      2,
      "sis history: --type: unknown type 'chas' (expected memory, commands, multi, learning, redteam, chaos, compare); did you mean chaos?\nTry 'sis history --help' for more information.\n",
    ]);
    const zero = await runCli(['history', '--history', history, '--last', '0']);
    expect([zero.status, zero.stderr]).toEqual([
      2,
      "sis history: --last: invalid value '0' (expected an integer 1..9007199254740991)\nTry 'sis history --help' for more information.\n",
    ]);
    const empty = await runCli(['history', '--history', join(dir, 'never.jsonl')]);
    expect([empty.status, empty.stdout.toString()]).toEqual([0, `No results recorded in ${join(dir, 'never.jsonl')}.\n`]);
    const unreadable = await runCli(['history', '--history', dir]);
    expect(unreadable.status).toBe(2);
    expect(unreadable.stderr).toMatch(new RegExp(`^sis history: cannot read history '${dir}': EISDIR: `));
  });
});

describe('where the history lives', () => {
  afterAll(() => {
    process.env.SIS_HISTORY = join(dir, 'default-history.jsonl');
    delete process.env.XDG_STATE_HOME;
  });

  test('$SIS_HISTORY, else $XDG_STATE_HOME/sis/history.jsonl; --no-history records nothing', async () => {
    const viaEnv = join(dir, 'env', 'h.jsonl');
    process.env.SIS_HISTORY = viaEnv;
    await runCli(['parse', fixturePath('v0-memory'), '--record']);
    expect(existsSync(viaEnv)).toBe(true);
    const listed = await runCli(['history', '--json']);
    expect(JSON.parse(listed.stdout.toString())).toHaveLength(1);
    delete process.env.SIS_HISTORY;
    process.env.XDG_STATE_HOME = join(dir, 'state');
    await runCli(['parse', fixturePath('v0-memory'), '--record']);
    expect(existsSync(join(dir, 'state', 'sis', 'history.jsonl'))).toBe(true);
    const off = await runCli(['run', '--no-history', '-c', 'stresstest memory --duration 100 --seed 1']);
    expect(off.status).toBe(0);
    const after = await runCli(['history', '--json']);
    expect(JSON.parse(after.stdout.toString())).toHaveLength(1);
  });
});
