import { describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { tempDir } from './run-helpers.js';

const dir = tempDir();

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('--log write failures are told at once and end in a non-zero status', () => {
  test('plain console: one line on stderr, the session still runs, exit 2', async () => {
    const result = await runCli(['--log', '/dev/full', '--no-history'], 'help\n');
    expect(result.stderr).toBe('sis: log file /dev/full: no space left on device\n');
    expect(result.stdout.toString()).toContain('Available commands:');
    expect(result.status).toBe(2);
  });

  test('sis run: the line comes before the summary, exit 2', async () => {
    const result = await runCli(['run', '-c', 'help', '--log', '/dev/full', '--no-history']);
    expect(result.stderr).toMatch(/^sis run: log file \/dev\/full: no space left on device\n\n0 runs\n/);
    expect(result.stdout.toString()).toContain('Available commands:');
    expect(result.status).toBe(2);
  });
});

describe('--log empties a file only once the target has answered', () => {
  test.each([
    ['sis', [] as string[]],
    ['sis run', ['run', '-c', 'help']],
  ])('%s: an unreachable target leaves an existing log as it was and creates none', async (_name, before) => {
    const port = await closedPort();
    const kept = join(dir, `kept-${before.length}.log`);
    writeFileSync(kept, 'the last session\n');
    const result = await runCli([...before, `tcp:127.0.0.1:${port}`, '--log', kept, '--no-history'], 'help\n');
    expect(result.stderr).toContain(`tcp:127.0.0.1:${port}: connection refused\n`);
    expect(readFileSync(kept, 'utf8')).toBe('the last session\n');
    const fresh = join(dir, `fresh-${before.length}.log`);
    await runCli([...before, `tcp:127.0.0.1:${port}`, '--log', fresh, '--no-history'], 'help\n');
    expect(readdirSync(dir)).not.toContain(`fresh-${before.length}.log`);
  });

  test('a dangling symlink names the link and the missing directory', async () => {
    const link = join(dir, 'dangling.log');
    symlinkSync(join(dir, 'gone', 'x.log'), link);
    const result = await runCli(['--log', link, '--no-history'], 'help\n');
    expect(result.stderr).toBe(
      `sis: cannot open log file ${link}: it is a symbolic link to ${join(dir, 'gone', 'x.log')}, and directory ${join(dir, 'gone')} does not exist\n`,
    );
    expect(result.status).toBe(2);
  });
});
