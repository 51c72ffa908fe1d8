import { afterAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'sis-run-macros-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, 'macros.txt');
writeFileSync(file, '1 metrics: metricsctl off; metricsctl status\n2 auto: autoctl interval 700\n');

describe('sis run --macro NAME', () => {
  test("a macro's commands are sent in order with -c, each after the prompt", async () => {
    const result = await runCli(['run', '--seed', '1', '--no-history', '--macros', file, '--macro', 'metrics', '-c', 'metricsctl on', '--macro', '2']);
    expect(result.status).toBe(0);
    const sent = result.stdout.toString('latin1').split('\n').filter((line) => line.startsWith('sis> ') && line.trim() !== 'sis>');
    expect(sent).toEqual(['sis> metricsctl off\r', 'sis> metricsctl status\r', 'sis> metricsctl on\r', 'sis> autoctl interval 700\r']);
    expect(result.stdout.toString('latin1')).toContain('sis> metricsctl status\r\n[METRICSCTL] capture: OFF\n');
  });

  test('an unknown macro, or --macro without --macros: one line, status 2, nothing sent', async () => {
    const unknown = await runCli(['run', '--no-history', '--macros', file, '--macro', 'boot']);
    expect(unknown.stderr).toBe(`sis run: --macro: no macro 'boot' in ${file} (it has 1 metrics, 2 auto)\n`);
    expect(unknown.status).toBe(2);
    expect(unknown.stdout.length).toBe(0);
    const orphan = await runCli(['run', '--no-history', '--macro', '1']);
    expect(orphan.stderr).toBe("sis run: --macro needs --macros FILE\nTry 'sis run --help' for more information.\n");
    expect(orphan.status).toBe(2);
  });
});
