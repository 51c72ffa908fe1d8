import { afterEach, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, ROOT, TEST_HISTORY } from '../helpers/cli.js';
import { describeWithTools, requireTool } from '../helpers/tools.js';
import { Tmux } from '../helpers/tmux.js';
import { waitFor } from '../helpers/wait.js';

let tmux: Tmux | undefined;
afterEach(() => tmux?.kill());

const ENV = { TERM: 'xterm-256color', SIS_HISTORY: TEST_HISTORY, SIS_CONSOLE_HISTORY: '' };

function resize(t: Tmux, width: number, height: number): void {
  t.tmux('resize-window', '-t', t.session, '-x', String(width), '-y', String(height));
}

/**
 * Resizes while the console is stopped (SIGSTOP) and tmux has applied every byte it wrote: a resize
 * that overtakes bytes already written for the old size (tmux applies them at the new one) leaves a
 * piece of that frame in the history, which no program can erase. This test is about what the
 * console does once it learns the new size (SIGWINCH, delivered when it continues).
 */
async function resizeStopped(t: Tmux, pid: number, width: number, height: number): Promise<void> {
  process.kill(pid, 'SIGSTOP');
  try {
    let last = t.screen();
    await waitFor(() => {
      const now = t.screen();
      const still = now === last;
      last = now;
      return still;
    });
    resize(t, width, height);
  } finally {
    process.kill(pid, 'SIGCONT');
  }
}

const lines = (text: string): string[] => text.split('\n');
/** The live panel's top border at `width` columns (the panel is at most 100 wide). */
const panelTop = (width: number) => (s: string) => lines(s).some((l) => l === `╭${'─'.repeat(Math.min(width, 100) - 2)}╮`);

describeWithTools([requireTool('tmux', 'tmux')], 'the console frame in a real terminal (tmux): resize and clear', () => {
  test('resizing during a test leaves no piece of the live panel in the scrollback', async () => {
    tmux = new Tmux(`node ${CLI} --seed 1`, { cwd: ROOT, width: 120, height: 40, env: ENV });
    await tmux.expectScreen((s) => /^sis>/m.test(s));
    tmux.typeCommand('stresstest memory --duration 12000 --seed 3');
    tmux.key('Enter');
    await tmux.expectScreen(panelTop(120));
    const pid = tmux.processPid(CLI);
    if (pid === undefined) throw new Error(`no process of ${CLI} in the pane`);
    for (const [width, height] of [
      [80, 24],
      [60, 15],
      [200, 60],
    ] as const) {
      await resizeStopped(tmux, pid, width, height);
      // The panel is drawn again at the new width, and still while the test runs.
      await tmux.expectScreen(panelTop(width));
      await tmux.expectScreen((s) => s.includes('▶ Memory Stress Test'));
    }
    await tmux.expectScreen((s) => s.includes('[STRESSTEST] Memory completed'), 60_000);
    await tmux.expectScreen((s) => /^\* /m.test(s) && !s.includes('▶'));
    const history = tmux.history();
    // The result card is the one box left; every frame of the live panel is gone.
    expect(history).not.toMatch(/[▶░]|ETA |^│ pressure /m);
    expect(lines(history).filter((l) => l.startsWith('╭'))).toHaveLength(1);
    expect(lines(history).filter((l) => /^sis>\s*$/.test(l))).toHaveLength(1);
  }, 120_000);

  test('resizing at the prompt keeps exactly one prompt line', async () => {
    tmux = new Tmux(`node ${CLI} --seed 1 --speed max`, { cwd: ROOT, width: 120, height: 40, env: ENV });
    await tmux.expectScreen((s) => /^sis>/m.test(s));
    let typed = '';
    for (const [width, height] of [
      [80, 24],
      [60, 15],
      [200, 60],
      [120, 40],
    ] as const) {
      resize(tmux, width, height);
      // A key typed after the resize: once it shows, the console has drawn its frame at the new size.
      const key = String.fromCharCode(97 + typed.length);
      typed += key;
      tmux.type(key);
      await tmux.expectScreen((s) => lines(s).includes(`sis> ${typed}`));
    }
    const prompts = lines(tmux.history()).filter((l) => l.startsWith('sis>'));
    expect(prompts).toEqual([`sis> ${typed}`]);
  }, 60_000);

  test('Ctrl-T c clears the screen and keeps the terminal history; ESC[3J is never sent', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sis-clear-'));
    const bytes = join(dir, 'pane.bytes');
    tmux = new Tmux('bash --norc --noprofile', { cwd: ROOT, width: 100, height: 30, env: { ...ENV, PS1: 'SHELL$ ' } });
    await tmux.expectScreen((s) => s.includes('SHELL$'));
    tmux.tmux('pipe-pane', '-o', '-t', tmux.session, `cat >> ${bytes}`);
    tmux.typeCommand('echo earlier-line-kept');
    tmux.key('Enter');
    await tmux.expectScreen((s) => /^earlier-line-kept$/m.test(s));
    tmux.typeCommand(`node ${CLI} --seed 1 --speed max`);
    tmux.key('Enter');
    await tmux.expectScreen((s) => /^sis>/m.test(s));
    tmux.type('help');
    tmux.key('Enter');
    await tmux.expectScreen((s) => s.includes('  metricsctl - METRIC line output'));
    tmux.key('C-t');
    await tmux.expectScreen((s) => s.includes('Ctrl-T: q quit'));
    tmux.key('c');
    // The visible screen holds only the frame; what was on it went up into the history.
    await tmux.expectScreen(() => !tmux!.screen().includes('Available commands:'));
    expect(tmux.screen().split('\n')[0]).toBe('sis>');
    const history = tmux.history();
    expect(history).toMatch(/^earlier-line-kept$/m);
    expect(history).toContain('Available commands:');
    tmux.type('x');
    await tmux.expectScreen(() => tmux!.screen().startsWith('sis> x'));
    tmux.tmux('pipe-pane', '-t', tmux.session);
    expect(readFileSync(bytes, 'latin1')).not.toContain('\x1b[3J');
  }, 60_000);
});
