import { afterEach, expect, test } from '@jest/globals';
import { startFloodFarEnd, type FloodFarEnd } from '../../scripts/bench/flood-far-end.js';
import { ROOT, TEST_HISTORY } from '../helpers/cli.js';
import { Tmux } from '../helpers/tmux.js';
import { describeWithTools, requireTool } from '../helpers/tools.js';
import { killConsoles, startConsole } from '../reliability/terminal.js';

const tools = [requireTool('tmux', 'tmux')];

let far: FloodFarEnd | undefined;
let tmux: Tmux | undefined;
afterEach(async () => {
  tmux?.kill();
  tmux = undefined;
  killConsoles();
  await far?.close();
});

/** The highest flood line number on the screen (lines are `NNNNNNNN 0123…`). */
function lastLineNumber(screen: string): number {
  const numbers = [...screen.matchAll(/(\d{8}) 0123456789/g)].map((m) => Number(m[1]));
  return numbers.length > 0 ? Math.max(...numbers) : -1;
}

describeWithTools(tools, 'the console under a tcp flood from a far end it did not write', () => {
  test('typed keys show on the input line while the far end floods as fast as the socket takes, and the flood goes on after', async () => {
    // Long enough that it cannot end during the test: the echo must come while it runs.
    far = await startFloodFarEnd({ durationMs: 600_000 });
    // A terminal emulator (tmux), since the console redraws only the cells that change.
    tmux = new Tmux('bash --norc --noprofile', {
      cwd: ROOT,
      env: { PS1: 'SHELL$ ', TERM: 'xterm-256color', SIS_CONSOLE_HISTORY: '', SIS_HISTORY: TEST_HISTORY },
      height: 40,
    });
    await startConsole(tmux, `tcp:127.0.0.1:${far.port} --no-reconnect`);
    await tmux.expectScreen((s) => s.includes('line mode') && /^sis> *$/m.test(s), 60_000);
    tmux.type('flood');
    tmux.key('Enter');
    await tmux.expectScreen((s) => lastLineNumber(s) > 0, 60_000);
    tmux.type('qzj');
    let atEcho = -1;
    // The input line follows the far end's unfinished line: `sis> ` only when a read ended at a line's
    // end, otherwise the part of a flood line that has come so far (cut on the left to fit).
    await tmux.expectScreen((s) => {
      atEcho = lastLineNumber(s);
      return /^(sis> |…?\d*[ \d]\d*)qzj *$/m.test(s);
    }, 60_000);
    expect(atEcho).toBeGreaterThan(0);
    // The far end is still sending: more numbered lines reach the screen after the echo.
    await tmux.expectScreen((s) => lastLineNumber(s) > atEcho + 1000, 60_000);
    expect(tmux.screen()).not.toContain('flood done');
  }, 180_000);
});
