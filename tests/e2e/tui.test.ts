import { afterEach, describe, expect, test } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, ROOT, TEST_HISTORY } from '../helpers/cli.js';
import { describeWithTools, requireTool } from '../helpers/tools.js';
import { Tmux } from '../helpers/tmux.js';
import { waitFor } from '../helpers/wait.js';

let tmux: Tmux | undefined;
let server: Server | undefined;
afterEach(() => {
  tmux?.kill();
  server?.close();
});

const STTY = "stty -a | tr ' ' '\\n' | grep -xE -- '-?(opost|icanon|echo)' | tr '\\n' ' '; echo END";

function startShell(history: string): Tmux {
  const t = new Tmux('bash --norc --noprofile', {
    cwd: ROOT,
    env: { PS1: 'SHELL$ ', SIS_CONSOLE_HISTORY: history, SIS_HISTORY: TEST_HISTORY, TERM: 'xterm-256color' },
    height: 50,
  });
  return t;
}

async function startSis(t: Tmux, args = ''): Promise<void> {
  await t.expectScreen((s) => s.includes('SHELL$'));
  t.typeCommand(`node ${CLI} ${args}`.trim());
  t.key('Enter');
  await t.expectScreen((s) => /^sis>/m.test(s) && s.includes('connected'));
}

async function expectTtyRestored(t: Tmux): Promise<void> {
  await t.expectScreen((s) => s.trimEnd().endsWith('SHELL$'));
  t.typeCommand(STTY);
  t.key('Enter');
  await t.expectScreen((s) => /^opost icanon echo END$/m.test(s));
}

describeWithTools([requireTool('tmux', 'tmux')], 'the console in a real terminal', () => {
  test('editing keys, Tab completion, live view, result card; Ctrl-T v lists the run from the history store', async () => {
    const history = join(mkdtempSync(join(tmpdir(), 'sis-tui-')), 'history');
    tmux = startShell(history);
    await startSis(tmux, '--seed 9');

    // Type with editing: "metricsctl statsu" → fix the typo with Left/BSpace, Home to check the cursor.
    tmux.type('metricsctl statsu');
    tmux.key('BSpace');
    tmux.key('BSpace');
    tmux.type('us');
    tmux.key('C-a');
    tmux.key('C-e');
    await tmux.expectScreen((s) => /^sis> metricsctl status/m.test(s));
    tmux.key('Enter');
    await tmux.expectScreen((s) => s.includes('[METRICSCTL] capture: ON'));

    // Tab completes the subcommand and a flag; a short test shows the live panel, then a result card.
    tmux.type('stresstest mem');
    tmux.key('Tab');
    tmux.type('--dur');
    tmux.key('Tab');
    await tmux.expectScreen((s) => /^sis> stresstest memory --duration\s*$/m.test(s));
    tmux.type('3000 --seed 1');
    tmux.key('Enter');
    await tmux.expectScreen((s) => s.includes('Memory Stress Test (Enhanced) · seed 1') && /\d+%\s+[\d.]+s \/ 3\.0s/.test(s));
    await tmux.expectScreen((s) => /│ (PASS|FAIL) +Memory Stress Test/.test(s));

    // Ctrl-T v shows past results from the history store, once the run has been recorded there.
    const recorded = (): boolean => existsSync(TEST_HISTORY) && /"type":"memory"[^\n]*"seed":"1"/.test(readFileSync(TEST_HISTORY, 'utf8'));
    expect(await waitFor(recorded)).toBe(true);
    tmux.key('C-t');
    await tmux.expectScreen((s) => s.includes('Ctrl-T: q quit'));
    tmux.type('v');
    await tmux.expectScreen((s) => /Test +Verdict/.test(s) && /memory +(PASS|FAIL) /.test(s) && s.includes('PgUp older'));
    // Enter keeps the page in the scrollback and gives the keys back to the line.
    tmux.key('Enter');
    await tmux.expectScreen((s) => !s.includes('PgUp older') && /^Past results · \d+ entr/m.test(s));
    tmux.key('C-d');
    await expectTtyRestored(tmux);
    expect(readFileSync(history, 'utf8')).toContain('stresstest memory --duration 3000 --seed 1\n');
  }, 60_000);

  test('Ctrl-C cancels a running test; after a restart Up recalls the last command', async () => {
    const history = join(mkdtempSync(join(tmpdir(), 'sis-tui-')), 'history');
    tmux = startShell(history);
    await startSis(tmux, '--seed 9');
    tmux.type('stresstest chaos --duration 60000');
    tmux.key('Enter');
    await tmux.expectScreen((s) => s.includes('[CHAOS]'));
    tmux.key('C-c');
    await tmux.expectScreen((s) => /\[STRESS TEST\] Cancelled after \d+ ms/.test(s) && s.includes('Status: CANCELLED'));
    tmux.key('C-d');
    await expectTtyRestored(tmux);

    tmux.type('clear');
    tmux.key('Enter');
    await startSis(tmux);
    tmux.key('Up');
    await tmux.expectScreen((s) => /^sis> stresstest chaos --duration 60000/m.test(s));
    tmux.key('C-u');
    tmux.type('exit');
    tmux.key('Enter');
    await expectTtyRestored(tmux);
  }, 60_000);

  test("quitting during a test erases the console's frame (live panel, menu, status line) and keeps the scrollback", async () => {
    const history = join(mkdtempSync(join(tmpdir(), 'sis-tui-')), 'history');
    tmux = startShell(history);
    await startSis(tmux, '--seed 9');
    // The timer stopped, nothing is printed after the test's header until it ends.
    tmux.type('autoctl off');
    tmux.key('Enter');
    await tmux.expectScreen((s) => s.includes('[AUTOCTL] Command complete'));
    tmux.type('stresstest memory --duration 60000 --seed 3');
    tmux.key('Enter');
    await tmux.expectScreen((s) => s.includes('▶ Memory Stress Test (Enhanced)') && s.includes('Seed: 3 (profile report)'));
    tmux.key('C-t');
    await tmux.expectScreen((s) => s.includes('Ctrl-T: q quit'));
    tmux.key('q');
    await expectTtyRestored(tmux);
    const all = tmux.history();
    expect(all).toContain('Seed: 3 (profile report)');
    for (const frame of ['▶', 'Ctrl-T: q quit', 'line mode', '* virtual connected']) expect([frame, all.includes(frame)]).toEqual([frame, false]);
    // The shell's prompt follows the last scrollback line: no blank line left where the frame was.
    expect(all).toContain('Seed: 3 (profile report)\n\nSHELL$ stty');
  }, 60_000);

  test('a device cannot retitle the pane, set the clipboard or clear the screen: its clear clears the console view', async () => {
    const hostile =
      'BEFORE-MARK\n' +
      '\x1b]0;HACKED-TITLE\x07' +
      '\x1b]52;c;aGFja2Vk\x07' +
      '\x1b[2J\x1b[H' +
      'AFTER-MARK\nsis> ';
    server = createServer((socket) => {
      socket.write(hostile);
      socket.on('data', () => socket.write('\r\nsis> '));
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const history = join(mkdtempSync(join(tmpdir(), 'sis-tui-')), 'history');
    tmux = startShell(history);
    tmux.tmux('set-option', '-g', 'set-clipboard', 'on');
    tmux.tmux('set-option', '-g', 'allow-rename', 'on');
    const titleBefore = tmux.tmux('display-message', '-p', '#{pane_title}');
    await startSis(tmux, `tcp:127.0.0.1:${port}`);
    await tmux.expectScreen((s) => s.includes('AFTER-MARK'));
    const screen = tmux.history();
    expect(screen).toContain('BEFORE-MARK');
    expect(screen).toContain('␛]0;HACKED-TITLE␇');
    // The device's clear-screen clears the console's view: not printed, not obeyed (what was on the
    // screen went up into the pane's history, which keeps it).
    expect(screen).not.toContain('␛[2J');
    expect(screen).not.toContain('␛[H');
    expect(tmux.screen()).not.toContain('BEFORE-MARK');
    expect(tmux.screen()).toContain('AFTER-MARK');
    expect(tmux.tmux('display-message', '-p', '#{pane_title}')).toBe(titleBefore);
    expect(tmux.tmux('list-buffers')).toBe('');
    tmux.key('C-d');
    await expectTtyRestored(tmux);
  });
});
