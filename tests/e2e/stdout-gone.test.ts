import { describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, ROOT, cliEnv } from '../helpers/cli.js';

/**
 * Runs the CLI with its stdout's reader gone (`sis ... | head` once head has left): before it writes
 * anything, or once `after` has been read.
 */
function runWithReaderGone(args: readonly string[], input: string, after?: string): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: cliEnv() });
    if (after === undefined) child.stdout.destroy();
    let seen = '';
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk.toString('latin1');
      if (after !== undefined && seen.includes(after)) child.stdout.destroy();
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stderr }));
    child.stdin.on('error', () => {});
    child.stdin.end(input);
  });
}

describe("a reader that went away (`| head`)", () => {
  test('sis history and sis --help end as SIGPIPE would: 141, no stack trace', async () => {
    for (const args of [['history'], ['--help']]) {
      const { status, stderr } = await runWithReaderGone(args, '');
      expect({ args, status, stderr }).toEqual({ args, status: 141, stderr: '' });
    }
  }, 60_000);

  test('sis run keeps its own status: the target rejected a command, 1', async () => {
    const { status, stderr } = await runWithReaderGone(['run', '--seed', '1', '-c', 'help', '-c', 'foo'], '');
    expect(status).toBe(1);
    expect(stderr).not.toMatch(/\n\s+at |EPIPE/);
  }, 60_000);

  test('plain mode ends the session with 141 and still writes the results of what finished', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sis-stdout-gone-'));
    const json = join(dir, 'results.json');
    // The reader leaves after the first command's answer: the next ones are running or queued.
    const { status, stderr } = await runWithReaderGone(['--seed', '1', '--output-json', json], 'help\n'.repeat(50), 'Available commands');
    expect(status).toBe(141);
    expect(stderr).not.toMatch(/\n\s+at |EPIPE|Error| lost: /);
    expect(existsSync(json)).toBe(true);
    expect(JSON.parse(readFileSync(json, 'utf8')).generator.name).toBe('sis');
  }, 60_000);
});
