import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CLI = `${ROOT}dist/sis.js`;

/** Results history of CLI runs in tests goes here, never into the user's state directory. */
const historyDir = mkdtempSync(join(tmpdir(), 'sis-test-history-'));
// Some tests run the CLI as another user: they record here too.
chmodSync(historyDir, 0o777);
export const TEST_HISTORY = join(historyDir, 'history.jsonl');

/** The test's environment for a CLI child; history goes to TEST_HISTORY unless the test chose a place. */
export function cliEnv(): NodeJS.ProcessEnv {
  const chosen = process.env.SIS_HISTORY !== undefined || process.env.XDG_STATE_HOME !== undefined;
  return { ...(chosen ? {} : { SIS_HISTORY: TEST_HISTORY }), ...process.env, CI: 'true' };
}

export interface CliResult {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: Buffer;
  stderr: string;
}

/** Runs the built CLI with `input` on a pipe as stdin (never a TTY), collecting everything it prints. */
export function runCli(args: readonly string[], input: string | Uint8Array = '', timeoutMs = 60_000): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: cliEnv() });
    const out: Buffer[] = [];
    let err = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout: Buffer.concat(out), stderr: err });
    });
    child.stdin.on('error', () => {});
    child.stdin.end(typeof input === 'string' ? Buffer.from(input, 'latin1') : input);
  });
}
