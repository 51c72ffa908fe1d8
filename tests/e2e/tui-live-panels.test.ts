import { afterEach, expect, test } from '@jest/globals';
import { CLI, ROOT, TEST_HISTORY } from '../helpers/cli.js';
import { describeWithTools, requireTool } from '../helpers/tools.js';
import { Tmux } from '../helpers/tmux.js';

let tmux: Tmux | undefined;
afterEach(() => tmux?.kill());

const ENV = { TERM: 'xterm-256color', SIS_HISTORY: TEST_HISTORY, SIS_CONSOLE_HISTORY: '' };

describeWithTools([requireTool('tmux', 'tmux')], 'live panels in a real terminal (tmux)', () => {
  test('compare --runs N shows run k of N from the start, then means and the interval as runs come in', async () => {
    // Real time: each run is two 1 s halves; the autonomy ticks print between the prompt and the echo.
    tmux = new Tmux(`node ${CLI} --seed 1`, { cwd: ROOT, width: 110, height: 30, env: ENV });
    await tmux.expectScreen((s) => /^sis>/m.test(s));
    tmux.typeCommand('stresstest compare memory --runs 3 --duration 1000 --seed 1');
    tmux.key('Enter');
    await tmux.expectScreen(() => /▶ compare memory · run 1 of 3/.test(tmux!.screen()) && /0\/3 runs/.test(tmux!.screen()));
    await tmux.expectScreen(() => /run 2 of 3/.test(tmux!.screen()) && /peakPressure +off \d+\.\d +on \d+\.\d .*95% after run 2/.test(tmux!.screen()));
    await tmux.expectScreen(() => /run 3 of 3/.test(tmux!.screen()) && /peakPressure .*95% \[-?\d+\.\d, -?\d+\.\d\]/.test(tmux!.screen()), 30_000);
    await tmux.expectScreen((s) => s.includes('=== Paired Comparison (3 runs'), 30_000);
    await tmux.expectScreen(() => !tmux!.screen().includes('compare memory · run'));
    expect(tmux.history()).not.toContain('▶ compare');
  }, 90_000);
});
