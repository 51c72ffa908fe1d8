import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { ResultsDocument } from '../../shell/results/index.js';
import { ROOT } from '../helpers/cli.js';
import { readJson, tempDir, validateResults } from './run-helpers.js';

/** The README's CI recipe, verbatim: the repository's two example files and the two commands. */
const RUN = 'node dist/sis.js run --script examples/ci.sis --junit junit.xml --output-json results.json';
const VALIDATE =
  'node --import ./scripts/ts-node-register.mjs scripts/validate_stress_tests.ts results.json --thresholds examples/ci-thresholds.json';

interface Shell {
  status: number | null;
  stdout: string;
  stderr: string;
}

function sh(command: string, cwd: string, env: Record<string, string>): Promise<Shell> {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', command], { cwd, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('the README CI recipe, in a checkout with nothing but the built tree', () => {
  const work = tempDir();
  const env = { SIS_HISTORY: join(work, 'state', 'history.jsonl') };
  let run: Shell;
  let validate: Shell;

  beforeAll(async () => {
    // A fresh checkout after `npm ci && npm run build`: the repository files the recipe uses.
    for (const entry of ['dist', 'scripts', 'schema', 'examples', 'node_modules', 'package.json', 'tsconfig.json']) {
      symlinkSync(join(ROOT, entry), join(work, entry));
    }
    run = await sh(RUN, work, env);
    validate = await sh(VALIDATE, work, env);
  }, 60_000);

  afterAll(() => expect(existsSync(join(ROOT, 'results.json'))).toBe(false));

  test('sis run passes and writes schema-valid results and JUnit', () => {
    expect(run.stderr).toMatch(/\n6 runs: 6 PASS\n$/);
    expect(run.status).toBe(0);
    const doc = readJson(join(work, 'results.json')) as ResultsDocument;
    expect(validateResults(doc)).toBe(true);
    expect(doc.runs.filter((r) => r.compare === null).map((r) => r.type)).toEqual(['memory', 'memory', 'chaos', 'chaos']);
    expect(doc.compares).toHaveLength(1);
    expect(readFileSync(join(work, 'junit.xml'), 'utf8')).toMatch(/<testsuite name="sis\.stresstest" tests="\d+" failures="0"/);
  });

  test('the validation script passes every check', () => {
    expect(validate.stderr).toBe('');
    const lines = validate.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Validating 1 file, 6 runs (max_oom=20, min_success_rate=50, min_interventions=5)');
    expect(lines.slice(1, -1).every((l) => /^\[(PASS|NOTE)\] /.test(l))).toBe(true);
    expect(lines).toContain('[PASS] variability (memory): 2 runs, 2 distinct results');
    expect(lines).toContain('[PASS] variability (chaos): 2 runs, 2 distinct results');
    expect(lines.some((l) => l.startsWith('[PASS] interventions compare #1 memory (results.json): '))).toBe(true);
    expect(lines.at(-1)).toMatch(/^\d+ passed, 0 failed$/);
    expect(validate.status).toBe(0);
  });

  test('a threshold the results miss makes the script exit 1', async () => {
    const strict = await sh(`${VALIDATE} --min-success-rate 100`, work, env);
    expect(strict.status).toBe(1);
    const failures = strict.stdout.split('\n').filter((l) => l.startsWith('[FAIL] min success rate'));
    expect(failures).toEqual([
      expect.stringMatching(/^\[FAIL\] min success rate run #3 chaos \(results\.json\): \d\d%, limit >= 100%$/),
      expect.stringMatching(/^\[FAIL\] min success rate run #4 chaos \(results\.json\): \d\d%, limit >= 100%$/),
    ]);
    expect(strict.stdout).toMatch(/\n\[PASS\] max OOM events: 2 runs checked, all <= 20\n/);
  });
});
