import { afterEach, expect, test } from '@jest/globals';
import { describeWithTools, requireTool } from '../helpers/tools.js';
import { CLI } from '../helpers/cli.js';
import type { Tmux } from '../helpers/tmux.js';
import { startFakeDevice, startShell, type FakeDevice } from '../reliability/terminal.js';

let tmux: Tmux | undefined;
let device: FakeDevice | undefined;
afterEach(async () => {
  tmux?.kill();
  await device?.close();
  tmux = undefined;
  device = undefined;
});

const HOSTILE = '\x1b]0;HACKED-TITLE\x07\x1b]52;c;aGk=\x07\x1b[?1049hAFTER-SWITCH \x1b[8m\r\nsis> ';

describeWithTools([requireTool('tmux', 'tmux')], 'plain mode with stdout on a terminal', () => {
  test('a device cannot retitle the terminal, write the clipboard or switch screens; --raw-output opts out', async () => {
    device = await startFakeDevice({ greeting: Buffer.from(HOSTILE, 'latin1'), answer: (line) => `${line}\r\nok\r\nsis> ` });
    tmux = startShell();
    await tmux.expectScreen((s) => s.includes('SHELL$'));
    tmux.type(`printf 'x\\n' | node ${CLI} tcp:127.0.0.1:${device.port}; echo status=$?`);
    tmux.key('Enter');
    await tmux.expectScreen((s) => /status=0$/m.test(s), 20_000);
    const screen = tmux.history();
    expect(screen).toContain('␛]0;HACKED-TITLE');
    expect(screen).toContain('AFTER-SWITCH');
    expect(tmux.tmux('display', '-p', '-t', tmux.session, '#{pane_title}')).not.toContain('HACKED');
    expect(tmux.tmux('display', '-p', '-t', tmux.session, '#{alternate_on}').trim()).toBe('0');
    tmux.type(`printf 'x\\n' | node ${CLI} tcp:127.0.0.1:${device.port} --raw-output; echo status=$?`);
    tmux.key('Enter');
    await tmux.waitForScreen(() => tmux!.tmux('display', '-p', '-t', tmux!.session, '#{pane_title}').includes('HACKED-TITLE'), 20_000);
    expect(tmux.tmux('display', '-p', '-t', tmux.session, '#{pane_title}')).toContain('HACKED-TITLE');
  }, 60_000);
});
