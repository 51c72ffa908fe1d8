import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { tempDir } from './run-helpers.js';

const dir = tempDir();
const usage = (command: string, message: string): string => {
  const prefix = command === '' ? 'sis' : `sis ${command}`;
  return `${prefix}: ${message}\nTry '${prefix} --help' for more information.\n`;
};

describe('one clear line for each bad argument', () => {
  test.each([
    [['--baud', '-1'], usage('', "--baud: invalid value '-1' (expected an integer 1..16000000)")],
    [['--seed', '-1'], usage('', "--seed: invalid value '-1' (expected an integer 0..18446744073709551615)")],
    [['--speed', '-1'], usage('', "--speed: invalid value '-1' (expected realtime, max, or a factor 0.01..100000)")],
    [['run', '-c', 'help', '--timeout', '-1'], usage('run', "--timeout: invalid value '-1' (expected an integer 0..86400000)")],
    [['history', '--last', '-1'], usage('history', "--last: invalid value '-1' (expected an integer 1..9007199254740991)")],
    [['run', '-c'], usage('run', "option '-c, --command' needs a value")],
    [['--seed', '1', '--seed', '2'], usage('', "option '--seed' given twice ('1', then '2'); give it once")],
    [['run', '-c', 'help', '--speed', 'max', '--speed', '10'], usage('run', "option '--speed' given twice ('max', then '10'); give it once")],
    [['bogus-sub'], usage('', "unknown command 'bogus-sub'")],
  ])('sis %j', async (args, stderr) => {
    const result = await runCli(args);
    expect(result.stderr).toBe(stderr);
    expect(result.status).toBe(2);
    expect(result.stdout.length).toBe(0);
  });
});

describe('exit statuses that tell what happened', () => {
  test('plain mode: a line whose --output-json cannot be written is not sent, and the console exits 2', async () => {
    const path = join(dir, 'missing', 'x.json');
    const result = await runCli(['--no-history'], `help --output-json ${path}\nhelp\n`);
    expect(result.stderr).toBe(`sis: --output-json: cannot write '${path}': the directory does not exist (ENOENT)\n`);
    expect(result.stdout.toString().match(/Available commands:/g)).toHaveLength(1);
    expect(result.status).toBe(2);
  });

  test('sis run: JUnit counts the commands the target rejected as failures', async () => {
    const xml = join(dir, 'rejected.xml');
    const result = await runCli(['run', '-c', 'stresstest memory --bogus', '-c', 'nosuchcmd', '--junit', xml, '--no-history']);
    expect(result.status).toBe(1);
    const text = readFileSync(xml, 'utf8');
    expect(text).toContain('<testsuites name="sis" tests="2" failures="2" errors="0" skipped="0"');
    expect(text).toContain('<testcase name="rejected: stresstest memory --bogus" classname="sis.rejected"');
    expect(text).toContain('<failure message="Unknown command: nosuchcmd" type="unknown-command"/>');
  });
});
