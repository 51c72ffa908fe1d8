import { afterEach, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PtyProcess } from '../../scripts/bench/pty.js';
import { CLI, TEST_HISTORY } from '../helpers/cli.js';
import { describeWithTools, requireTool } from '../helpers/tools.js';

let pty: PtyProcess | undefined;
afterEach(async () => {
  await pty?.kill();
  pty = undefined;
});

/** The output flags of the terminal `script` runs its command on (`opost` or `-opost`). */
function outputProcessing(script: PtyProcess): string | undefined {
  const pid = execFileSync('pgrep', ['-P', String(script.child.pid)], { encoding: 'utf8' }).trim().split('\n')[0]!;
  const modes = execFileSync('stty', ['-a', '-F', readlinkSync(`/proc/${pid}/fd/0`)], { encoding: 'utf8' }).split(/\s+/);
  return modes.find((mode) => mode === 'opost' || mode === '-opost');
}

async function eventually<T>(read: () => T, wanted: T, timeoutMs = 10_000): Promise<void> {
  const until = performance.now() + timeoutMs;
  let value = read();
  while (value !== wanted && performance.now() < until) {
    await new Promise((resolve) => setImmediate(resolve));
    value = read();
  }
  expect(value).toBe(wanted);
}

describeWithTools([requireTool('script', 'bsdutils'), requireTool('stty', 'coreutils'), requireTool('pgrep', 'procps')], "the console's terminal output", () => {
  test('runs with the terminal output processing off, ends every line with CR LF itself, and turns it back on when it quits', async () => {
    const state = mkdtempSync(join(tmpdir(), 'sis-opost-'));
    const after = join(state, 'stty-after');
    pty = new PtyProcess(`sh -c 'node ${CLI}; stty -a > ${after}'`, {
      env: { SIS_CONSOLE_HISTORY: join(state, 'console_history'), SIS_HISTORY: TEST_HISTORY },
    });
    let output = '';
    pty.onOutput((text) => void (output += text));
    await pty.waitFor('autonomy ON');
    const shell = pty;
    await eventually(() => outputProcessing(shell), '-opost');
    const from = output.length;
    pty.write('help stresstest\r');
    await pty.waitFor('Show the last 5 runs');
    // Without the terminal's help, a line feed alone would start the next line under the end of the last.
    const written = output.slice(from);
    expect(written).toContain('\r\n');
    expect(written.replaceAll('\r\n', '')).not.toContain('\n');
    pty.write('\x14');
    await pty.waitFor('q quit');
    pty.write('q');
    await eventually(() => existsSync(after) && readFileSync(after, 'utf8').includes('\n'), true);
    expect(readFileSync(after, 'utf8').split(/\s+/)).toEqual(expect.arrayContaining(['opost', 'onlcr', 'icanon', 'echo']));
  }, 60_000);
});
