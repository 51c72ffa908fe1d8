import { afterEach, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/cli.js';
import { Tmux } from '../helpers/tmux.js';
import { describeWithTools, requireTool } from '../helpers/tools.js';
import { startPtyPair, type PtyPair } from '../uart/socat.js';
import { killAll, startServe } from './transports-helpers.js';

const tools = [requireTool('socat', 'socat'), requireTool('tmux', 'tmux'), requireTool('picocom', 'picocom')];
let tmux: Tmux | undefined;
let pair: PtyPair | undefined;
let dir: string | undefined;

afterEach(async () => {
  tmux?.kill();
  await killAll();
  await pair?.kill();
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

describeWithTools(tools, 'picocom as the far end', () => {
  test('picocom on a pty linked to sis serve --device drives the kernel model', async () => {
    dir = mkdtempSync(join(tmpdir(), 'sis-picocom-'));
    pair = await startPtyPair(dir);
    // --speed max: idle time does not pass, so the autonomy controller's first-tick lines cannot race picocom.
    const { serve } = await startServe(['--device', pair.a, '--seed', '5', '--speed', 'max']);
    tmux = new Tmux('bash --norc --noprofile', { cwd: ROOT, env: { PS1: 'SHELL$ ' } });
    expect(await tmux.waitForScreen((s) => s.includes('SHELL$'))).toBe(true);
    tmux.typeCommand(`picocom -b 115200 --imap lfcrlf ${pair.b}; echo "picocom=$?"`);
    tmux.key('Enter');
    expect(await tmux.waitForScreen((s) => s.includes('Terminal ready'))).toBe(true);

    tmux.type('help');
    tmux.key('Enter');
    // capture-pane drops trailing spaces: the prompt reads `sis>`.
    expect(await tmux.waitForScreen((s) => /\nsis>\s*$/.test((s.split('Terminal ready')[1] ?? '').trimEnd()))).toBe(true);
    const answer = tmux.history().split('Terminal ready')[1]!;
    expect(answer).toMatch(/^\nhelp\nAvailable commands:\n  help       - List commands, or describe one: help <command>\n  clear      - Clear the screen\n/);
    expect(answer).toContain('  metricsctl - METRIC line output: on|off|status\n');

    tmux.key('C-a');
    tmux.key('C-x');
    expect(await tmux.waitForScreen((s) => s.includes('picocom=0'))).toBe(true);
    expect(tmux.history()).toContain('Thanks for using picocom');
    serve.kill('SIGTERM');
    expect(await serve.exited).toEqual({ status: 0, signal: null });
    // socat, sis serve, tmux and picocom start one after another: slow when the machine is loaded.
  }, 60_000);
});
