import { afterEach, expect, test } from '@jest/globals';
import { describeWithTools, requireTool } from '../helpers/tools.js';
import { runCli } from '../helpers/cli.js';
import type { Tmux } from '../helpers/tmux.js';
import { exitStatus, killConsoles, startConsole, startShell } from '../reliability/terminal.js';
import { killAll, SisProcess, startServe } from './transports-helpers.js';

let tmux: Tmux | undefined;
afterEach(async () => {
  tmux?.kill();
  tmux = undefined;
  killConsoles();
  await killAll();
});

describeWithTools([requireTool('tmux', 'tmux')], 'sis serve started or restarted under a console', () => {
  test('a client that connects the moment sis serve listens gets a prompt and runs its command', async () => {
    const serve = new SisProcess(['serve', '--listen', 'tcp:127.0.0.1:0', '--speed', 'realtime']);
    const [, address] = await serve.untilStderr(/^sis serve: listening on (\S+)$/m);
    const run = await runCli([address!], 'help\n', 20_000);
    expect(run.status).toBe(0);
    const out = run.stdout.toString('latin1');
    // The prompt is shown at once; a timer tick due then may print between it and the echo.
    expect(out).toMatch(/^\r?\n?sis> /);
    expect(out).toMatch(/help\r\nAvailable commands:\n/);
  });

  test('kill -9 and restart: the line typed while down stays queued in view, then it and a Ctrl-C reach the new kernel', async () => {
    const first = await startServe(['--listen', 'tcp:127.0.0.1:0', '--speed', 'realtime', '--seed', '3']);
    const address = first.addresses[0]!;
    tmux = startShell();
    await startConsole(tmux, address);
    await tmux.expectScreen((s) => /^sis> *$/m.test(s) && s.includes('line mode'), 20_000);

    first.serve.child.kill('SIGKILL');
    await tmux.expectScreen((s) => s.includes(`sis: ${address} link down`) && s.includes('(reconnecting)'), 20_000);
    tmux.type('stresstest chaos --duration 60000');
    tmux.key('Enter');
    await tmux.expectScreen((s) => s.includes("the link is down: 'stresstest chaos --duration 60000' is queued"), 20_000);
    await tmux.expectScreen((s) => s.includes('1 queued: stresstest chaos --dura…'), 20_000);

    await startServe(['--listen', address, '--speed', 'realtime', '--seed', '4']);
    await tmux.expectScreen((s) => s.includes(`sis: ${address} reconnected`) && s.includes('=== Chaos Engineering Stress Test'), 20_000);
    tmux.key('C-c');
    await tmux.expectScreen((s) => /Cancelled after \d+ ms/.test(s) || s.includes('Status: CANCELLED'), 20_000);
    tmux.key('C-t');
    tmux.key('q');
    expect(await exitStatus(tmux)).toBe(0);
  }, 90_000);
});
