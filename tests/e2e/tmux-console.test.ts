import { afterEach, describe, expect, test } from '@jest/globals';
import { CLI, ROOT, TEST_HISTORY } from '../helpers/cli.js';
import { describeWithTools, requireTool } from '../helpers/tools.js';
import { Tmux } from '../helpers/tmux.js';

let tmux: Tmux | undefined;
afterEach(() => tmux?.kill());

describeWithTools([requireTool('tmux', 'tmux')], 'the console in a real terminal (tmux)', () => {
  test('prompt, help, exit; the tty is back in canonical mode with echo', async () => {
    tmux = new Tmux('bash --norc --noprofile', { cwd: ROOT, env: { PS1: 'SHELL$ ', TERM: 'xterm-256color', SIS_HISTORY: TEST_HISTORY, SIS_CONSOLE_HISTORY: '' } });
    expect(await tmux.waitForScreen((s) => s.includes('SHELL$'))).toBe(true);
    // --speed max: idle time does not pass, so no autonomy tick lines land between prompt and echo.
    tmux.type(`node ${CLI} --speed max`);
    tmux.key('Enter');
    expect(await tmux.waitForScreen((s) => /^sis>/m.test(s))).toBe(true);
    expect(tmux.history()).toContain('=== SIS Kernel Shell ===');

    tmux.type('help');
    expect(await tmux.waitForScreen((s) => /^sis> help/m.test(s))).toBe(true);
    tmux.key('Enter');
    expect(await tmux.waitForScreen((s) => s.includes('  metricsctl - METRIC line output: on|off|status'))).toBe(true);
    expect(tmux.history()).toMatch(/^sis> help\nAvailable commands:\n/m);

    tmux.type('exit');
    tmux.key('Enter');
    expect(await tmux.waitForScreen((s) => s.trimEnd().endsWith('SHELL$'))).toBe(true);
    tmux.type("stty -a | tr ' ' '\\n' | grep -xE -- '-?(icanon|echo)' | tr '\\n' ' '; echo END");
    tmux.key('Enter');
    expect(await tmux.waitForScreen((s) => /icanon echo END/.test(s))).toBe(true);
    expect(tmux.history()).not.toContain('-icanon');
  });

  test('Ctrl-D on an empty line quits and restores the terminal', async () => {
    tmux = new Tmux('bash --norc --noprofile', { cwd: ROOT, env: { PS1: 'SHELL$ ', SIS_HISTORY: TEST_HISTORY, SIS_CONSOLE_HISTORY: '' } });
    expect(await tmux.waitForScreen((s) => s.includes('SHELL$'))).toBe(true);
    tmux.type(`node ${CLI}; echo "status=$?"`);
    tmux.key('Enter');
    expect(await tmux.waitForScreen((s) => /^sis>/m.test(s))).toBe(true);
    tmux.key('C-d');
    expect(await tmux.waitForScreen((s) => s.includes('status=0'))).toBe(true);
    tmux.type("stty -a | tr ' ' '\\n' | grep -xE -- '-?(icanon|echo)' | tr '\\n' ' '; echo END");
    tmux.key('Enter');
    expect(await tmux.waitForScreen((s) => /icanon echo END/.test(s))).toBe(true);
  });
});
