import { afterEach, expect, test } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PtyProcess } from '../../scripts/bench/pty.js';
import { CLI, TEST_HISTORY } from '../helpers/cli.js';
import { describeWithTools, requireTool } from '../helpers/tools.js';
import { waitFor } from '../helpers/wait.js';

let pty: PtyProcess | undefined;
afterEach(async () => {
  await pty?.kill();
  pty = undefined;
});

/** The output flag of the terminal `script` runs its command on: `opost` or `-opost`. */
const outputProcessing = (script: PtyProcess): string | undefined => script.ttyModes().find((mode) => mode === 'opost' || mode === '-opost');

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
    expect(await waitFor(() => outputProcessing(shell) === '-opost')).toBe(true);
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
    expect(await waitFor(() => existsSync(after) && readFileSync(after, 'utf8').includes('\n'))).toBe(true);
    expect(readFileSync(after, 'utf8').split(/\s+/)).toEqual(expect.arrayContaining(['opost', 'onlcr', 'icanon', 'echo']));
  }, 60_000);
});
