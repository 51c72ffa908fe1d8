import { describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { lstatSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { tempDir } from './run-helpers.js';

const dir = tempDir();
const MEMORY = 'stresstest memory --duration 200 --seed 1';

describe('--output-json and --junit write only onto what may be written', () => {
  test('--junit /dev/stdout: the XML follows the transcript on stdout', async () => {
    const result = await runCli(['run', '-c', MEMORY, '--junit', '/dev/stdout', '--no-history']);
    expect(result.status).toBe(0);
    expect(result.stdout.toString()).toMatch(/<testsuites name="sis" tests="1" failures="0"[^]*<\/testsuites>\n$/);
  });

  test('a full device: the error is reported, exit 2, the device is still a device', async () => {
    // As root a wrong rename would replace /dev/full itself: use a copy of the node.
    const root = process.getuid?.() === 0;
    const full = root ? join(dir, 'full') : '/dev/full';
    if (root) execFileSync('mknod', ['-m', '666', full, 'c', '1', '7']);
    const result = await runCli(['run', '-c', MEMORY, '--output-json', full, '--no-history']);
    expect(result.stderr).toContain(`sis run: cannot write '${full}': no space left on device (ENOSPC)\n`);
    expect(result.status).toBe(2);
    expect(statSync(full).isCharacterDevice()).toBe(true);
  });

  test('a symlink keeps pointing at its target, which gets the results; a 0600 file stays 0600', async () => {
    const target = join(dir, 'kept.json');
    const link = join(dir, 'link.json');
    writeFileSync(target, '{}', { mode: 0o600 });
    symlinkSync(target, link);
    const result = await runCli(['run', '-c', MEMORY, '--output-json', link, '--no-history']);
    expect(result.status).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(target, 'utf8')).runs).toHaveLength(1);
  });

  test('a socket is refused before anything is sent', async () => {
    const path = join(dir, 'results.sock');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(path, resolve));
    try {
      const result = await runCli(['run', '-c', MEMORY, '--junit', path, '--no-history']);
      expect(result.stderr).toBe(
        `sis run: cannot write '${path}': it is a socket (only a regular file, a character device or a FIFO is written) (EINVAL)\n`,
      );
      expect(result.status).toBe(2);
      expect(result.stdout.length).toBe(0);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
