import { afterEach, expect, test } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
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

describeWithTools([requireTool('script', 'bsdutils'), requireTool('stty', 'coreutils')], 'the console before Ink has loaded', () => {
  test('the first frame comes at once with the terminal raw, and keys typed then reach the kernel', async () => {
    const state = mkdtempSync(join(tmpdir(), 'sis-early-'));
    pty = new PtyProcess(`node ${CLI}`, {
      env: { SIS_CONSOLE_HISTORY: join(state, 'console_history'), SIS_HISTORY: TEST_HISTORY },
    });
    let output = '';
    pty.onOutput((text) => void (output += text));
    await pty.waitFor('starting the console');
    // Raw from the first frame on: a key typed now is neither echoed by the terminal over the frame
    // nor held back for a whole line; it waits, unseen, for the input line.
    const modes = pty.ttyModes();
    expect(modes).toEqual(expect.arrayContaining(['-icanon', '-echo']));
    pty.write('autoctl off\r');
    await pty.waitFor('Autonomous mode DISABLED');
    // The status line Ink draws replaces the first one.
    await pty.waitFor('autonomy OFF');
    expect(output).toContain('sis> ');
  });
});
