import { afterAll, describe, expect, test } from '@jest/globals';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectDocument, type ResultsDocument } from '../../shell/results/index.js';
import { runCli } from '../helpers/cli.js';
import { readJson, tempDir, tempFiles, validateResults } from './run-helpers.js';

const dir = tempDir();
process.env.SIS_HISTORY = join(dir, 'default-history.jsonl');
afterAll(() => expect(existsSync(process.env.SIS_HISTORY!)).toBe(false));

describe('results in the plain-mode console (sis with stdin a pipe)', () => {
  test('--output-json on a typed line and for the whole session; both recorded in the history', async () => {
    const line = join(dir, 'line.json');
    const session = join(dir, 'session.json');
    const history = join(dir, 'history.jsonl');
    const input = [
      `stresstest memory --duration 300 --seed 1 --output-json ${line}`,
      'stresstest chaos --duration 300 --seed 2',
      '',
    ].join('\n');
    const result = await runCli(['--seed', '4', '--output-json', session, '--history', history], input);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe(
      `sis: results of 'stresstest memory --duration 300 --seed 1' written to ${line} (1 run)\n` +
        `sis: session results written to ${session} (2 runs)\n`,
    );
    const transcript = result.stdout.toString('latin1');
    expect(transcript).toContain('sis> stresstest memory --duration 300 --seed 1\r\n');
    expect(transcript).not.toContain('--output-json');
    const own = readJson(line) as ResultsDocument;
    const whole = readJson(session) as ResultsDocument;
    expect(validateResults(own)).toBe(true);
    expect(validateResults(whole)).toBe(true);
    expect(whole.runs.map((r) => r.type)).toEqual(['memory', 'chaos']);
    expect(projectDocument(own).runs).toEqual([projectDocument(whole).runs[0]]);
    const entries = readFileSync(history, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(entries.map((e) => [e.source, e.run.type, e.target.transport])).toEqual([
      ['console', 'memory', 'virtual'],
      ['console', 'chaos', 'virtual'],
    ]);
    expect(tempFiles(dir)).toEqual([]);
  });

  test('a line whose results file cannot be written is not sent; a bad session path is refused at once', async () => {
    const file = join(dir, 'plain-file');
    writeFileSync(file, 'x');
    const result = await runCli(['--no-history'], `help --output-json ${file}/out.json\nfrobnicate\n`);
    // The rest of the input still runs; the refused line makes the exit status 2.
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`sis: --output-json: cannot write '${file}/out.json': a path component is not a directory (ENOTDIR)\n`);
    const transcript = result.stdout.toString('latin1');
    expect(transcript).not.toContain('sis> help');
    expect(transcript).toContain('sis> frobnicate\r\nUnknown command: frobnicate\n');
    const refused = await runCli(['--output-json', `${file}/session.json`, '--no-history'], 'help\n');
    expect([refused.status, refused.stderr, refused.stdout.length]).toEqual([
      2,
      `sis: --output-json: cannot write '${file}/session.json': a path component is not a directory (ENOTDIR)\nTry 'sis --help' for more information.\n`,
      0,
    ]);
  });
});
