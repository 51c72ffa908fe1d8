import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResultsDocument, TestRun } from '../../shell/results/index.js';
import { createSessionResults } from '../../shell/results/session/index.js';
import { runChecks, type SourcedDoc } from '../../scripts/validate/checks.js';
import { loadResults } from '../../scripts/validate/load.js';
import { readThresholdsFile } from '../../scripts/validate/thresholds.js';
import { ROOT } from '../helpers/cli.js';
import { bytes, readFixtureText } from '../shell/results/session/session-helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'sis-validate-'));

async function docOf(...fixtures: string[]): Promise<ResultsDocument> {
  const results = createSessionResults({ version: '0', target: { kind: 'model', transport: 'virtual' } });
  for (const f of fixtures) results.receive(bytes(readFixtureText(f)));
  return (await results.finish()).document;
}

/** A copy of `run` with other metrics and seed, as another run of the same test would give. */
function variant(run: TestRun, index: number, seed: string, metrics: Partial<TestRun['metrics']>): TestRun {
  return { ...run, index, config: { ...run.config, seed }, metrics: { ...run.metrics, ...metrics } };
}

const lines = (results: ReturnType<typeof runChecks>) => results.map((r) => `[${r.status}] ${r.message}`);

describe('runChecks (the report\'s checks and the thresholds)', () => {
  test('one run of a type, no compare: notes, not failures', async () => {
    const doc = await docOf('model-memory-commands');
    expect(lines(runChecks([{ path: 'r.json', doc }], {}))).toEqual([
      '[NOTE] variability (memory): only 1 run; run the test at least twice (different seeds) to check that results vary',
      '[NOTE] variability (commands): only 1 run; run the test at least twice (different seeds) to check that results vary',
      "[NOTE] interventions: no compare in the results (run 'stresstest compare memory' to check autonomy)",
      '[PASS] latency: p99 > 0 in all 2 runs that report it',
    ]);
  });

  test('variability: identical metrics over different seeds fail; one seed is only a note', async () => {
    const doc = await docOf('model-memory-commands');
    const memory = doc.runs[0]!;
    const same = { ...doc, runs: [memory, variant(memory, 1, '43', {})] };
    const varied = { ...doc, runs: [memory, variant(memory, 1, '43', { oom_events: 5 }), variant(memory, 2, '44', { oom_events: 5 })] };
    const oneSeed = { ...doc, runs: [memory, variant(memory, 1, '42', {})] };
    expect(lines(runChecks([{ path: 'a.json', doc: same }], {}))[0]).toBe(
      '[FAIL] variability (memory): 2 runs gave identical metrics (the test looks deterministic)',
    );
    expect(lines(runChecks([{ path: 'a.json', doc: varied }], {}))[0]).toBe('[PASS] variability (memory): 3 runs, 2 distinct results');
    expect(lines(runChecks([{ path: 'a.json', doc: oneSeed }], {}))[0]).toBe(
      '[NOTE] variability (memory): all 2 runs used seed 42; identical results are expected, not checked',
    );
  });

  test('interventions: each compare with autonomy on needs at least 5 (or --min-interventions)', async () => {
    const docs: SourcedDoc[] = [{ path: 'c.json', doc: await docOf('model-compare') }, { path: 'p.json', doc: await docOf('model-compare-paired') }];
    const results = lines(runChecks(docs, {})).filter((l) => l.includes('interventions'));
    expect(results).toEqual([
      '[PASS] interventions compare #1 memory (c.json): 31 with autonomy on (at least 5)',
      '[FAIL] interventions compare #2 multi (c.json): 0 with autonomy on, expected at least 5',
      '[NOTE] interventions compare #1 memory (p.json): this compare prints no intervention counts',
    ]);
    expect(lines(runChecks(docs, { min_interventions: 40 })).filter((l) => l.includes('compare #1 memory (c.json)'))).toEqual([
      '[FAIL] interventions compare #1 memory (c.json): 31 with autonomy on, expected at least 40',
    ]);
  });

  test('latency p99 of 0 fails; cancelled runs are not looked at', async () => {
    const doc = await docOf('model-memory-commands', 'model-cancel');
    doc.runs[0]!.metrics.latency_p99_ns = 0;
    doc.runs[3]!.metrics.latency_p99_ns = 0;
    expect(lines(runChecks([{ path: 'r.json', doc }], {})).filter((l) => l.includes('latency'))).toEqual([
      '[FAIL] latency run #1 memory (r.json): p99 is 0 ns (latency tracking not working)',
    ]);
  });

  test('--max-oom and --min-success-rate look at standalone runs that report the figure', async () => {
    const doc = await docOf('model-memory-commands', 'model-chaos-verbose', 'model-compare');
    expect(lines(runChecks([{ path: 'r.json', doc }], { max_oom: 2, min_success_rate: 50 })).slice(-2)).toEqual([
      '[FAIL] max OOM events run #1 memory (r.json): 3, limit <= 2',
      '[FAIL] min success rate run #4 chaos (r.json): 20%, limit >= 50%',
    ]);
    expect(lines(runChecks([{ path: 'r.json', doc }], { max_oom: 3, min_success_rate: 20 })).slice(-2)).toEqual([
      '[PASS] max OOM events: 1 run checked, all <= 3',
      '[PASS] min success rate: 2 runs checked, all >= 20%',
    ]);
  });
});

describe('loadResults and the thresholds file', () => {
  const write = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  test('a valid document loads; another schema_version, bad JSON or a schema mismatch is refused clearly', async () => {
    const doc = await docOf('model-memory-commands');
    expect(loadResults(write('ok.json', JSON.stringify(doc)))).toEqual({ ok: true, doc });
    const v2 = write('v2.json', JSON.stringify({ ...doc, schema_version: 2 }));
    expect(loadResults(v2)).toEqual({ ok: false, message: `${v2}: schema_version 2 is not supported (this validator reads schema_version 1)` });
    const none = write('none.json', '{"runs": []}');
    expect(loadResults(none)).toEqual({ ok: false, message: `${none}: no schema_version is not supported (this validator reads schema_version 1)` });
    const array = write('array.json', '[]');
    expect(loadResults(array)).toEqual({ ok: false, message: `${array}: not a results document (expected a JSON object)` });
    const torn = write('torn.json', JSON.stringify(doc).slice(0, 100));
    expect(loadResults(torn)).toMatchObject({ ok: false, message: expect.stringMatching(new RegExp(`^${torn}: not JSON \\(`)) });
    const bad = structuredClone(doc) as any;
    bad.runs[0].verdict = 'GREAT';
    delete bad.runs[1].metrics;
    const invalid = write('invalid.json', JSON.stringify(bad));
    expect(loadResults(invalid)).toEqual({
      ok: false,
      message: [
        `${invalid}: does not match schema/results.schema.json:`,
        '  /runs/0/verdict must be null',
        '  /runs/0/verdict must be equal to one of the allowed values',
        '  /runs/0/verdict must match exactly one schema in oneOf',
        "  /runs/1 must have required property 'metrics'",
      ].join('\n'),
    });
    expect(loadResults(join(dir, 'missing.json'))).toEqual({ ok: false, message: `${join(dir, 'missing.json')}: cannot read the file (ENOENT)` });
  });

  test('thresholds file: known keys with whole numbers in range', () => {
    expect(readThresholdsFile(write('t.json', '{"max_oom": 3, "min_success_rate": 80}'))).toEqual({
      ok: true,
      thresholds: { max_oom: 3, min_success_rate: 80 },
    });
    const unknown = write('u.json', '{"max_ooms": 3}');
    expect(readThresholdsFile(unknown)).toEqual({
      ok: false,
      message: `--thresholds ${unknown}: unknown key 'max_ooms' (expected max_oom, min_success_rate, min_interventions)`,
    });
    const range = write('r.json', '{"min_success_rate": 101}');
    expect(readThresholdsFile(range)).toEqual({
      ok: false,
      message: `--thresholds ${range}: min_success_rate: invalid value 101 (expected an integer 0..100)`,
    });
  });
});

describe('scripts/validate_stress_tests.ts, run with ts-node', () => {
  const script = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', './scripts/ts-node-register.mjs', 'scripts/validate_stress_tests.ts', ...args], {
      cwd: ROOT,
      encoding: 'utf8',
    });

  test('prints [PASS]/[FAIL]/[NOTE] lines and the tally; exits 1 on a failed check, 2 on a bad file', async () => {
    const good = join(dir, 'compare.json');
    writeFileSync(good, JSON.stringify(await docOf('model-compare')));
    const failed = script(good, '--max-oom', '5');
    expect(failed.stdout).toBe(
      [
        'Validating 1 file, 4 runs (max_oom=5)',
        `[PASS] interventions compare #1 memory (${good}): 31 with autonomy on (at least 5)`,
        `[FAIL] interventions compare #2 multi (${good}): 0 with autonomy on, expected at least 5`,
        '[PASS] latency: p99 > 0 in all 2 runs that report it',
        '[NOTE] max OOM events: no run reports it',
        '2 passed, 1 failed',
        '',
      ].join('\n'),
    );
    expect([failed.status, failed.stderr]).toEqual([1, '']);
    const v2 = join(dir, 'v2-script.json');
    writeFileSync(v2, JSON.stringify({ schema_version: 2 }));
    const refused = script(good, v2);
    expect([refused.status, refused.stdout, refused.stderr]).toEqual([
      2,
      '',
      `validate_stress_tests: ${v2}: schema_version 2 is not supported (this validator reads schema_version 1)\n`,
    ]);
    const usage = script(good, '--max-oom', 'lots');
    expect([usage.status, usage.stderr]).toEqual([
      2,
      "validate_stress_tests: --max-oom: invalid value \"lots\" (expected an integer >= 0)\nTry --help for more information.\n",
    ]);
  });
});
