import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Tmux } from '../helpers/tmux.js';
import { exitStatus, expectTtyRestored, killConsoles, startConsole, startFakeDevice, startShell, type FakeDevice } from './terminal.js';
import { describeWithTools, requireTool } from '../helpers/tools.js';

let dir: string;
let tmux: Tmux | undefined;
const devices: FakeDevice[] = [];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sis-reliability-reconnect-'));
});
afterEach(async () => {
  killConsoles();
  tmux?.kill();
  tmux = undefined;
  for (const device of devices.splice(0)) await device.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A board that greets, prompts, answers `ping` with its boot number, and prints `tick N` every 10 ms after `stream`, never done. */
function board(boot: number, port = 0): Promise<FakeDevice> {
  return startFakeDevice({
    port,
    greeting: Buffer.from(`\r\nBOOT-${boot}\r\n${'filler line\r\n'.repeat(500)}sis> `),
    answer: (line, write) => {
      if (line === 'stream') {
        let tick = 0;
        const timer = setInterval(() => {
          if (!write(`tick ${++tick}\r\n`)) clearInterval(timer);
        }, 10);
        return 'stream\r\n';
      }
      return line === 'ping' ? `ping\r\npong-${boot}\r\nsis> ` : line === '' ? '\r\nsis> ' : undefined;
    },
  });
}

describeWithTools([requireTool('tmux', 'tmux')], 'the TUI when the device vanishes and returns', () => {
  test('the link drops mid-command and comes back on the same port: the status line follows, the session carries on, the log holds every byte', async () => {
    const first = await board(1);
    devices.push(first);
    const log = join(dir, 'reconnect.log');
    tmux = startShell();
    await startConsole(tmux, `tcp:127.0.0.1:${first.port} --log ${log}`);
    await tmux.expectScreen((s) => /^BOOT-1$/m.test(s) && /^sis>/m.test(s));
    tmux.type('ping');
    tmux.key('Enter');
    await tmux.expectScreen((s) => /^pong-1$/m.test(s));
    tmux.type('stream');
    tmux.key('Enter');
    await tmux.expectScreen((s) => /^tick 20$/m.test(s));

    await first.close();
    await tmux.expectScreen((s) => /o tcp:127\.0\.0\.1:\d+ waiting, retry in \d+s/.test(s));

    const second = await board(2, first.port);
    devices.push(second);
    await tmux.expectScreen((s) => /^BOOT-2$/m.test(s) && /\* tcp:127\.0\.0\.1:\d+ connected/.test(s));
    tmux.type('ping');
    tmux.key('Enter');
    await tmux.expectScreen((s) => /^pong-2$/m.test(s));

    tmux.key('C-d');
    expect(await exitStatus(tmux)).toBe(0);
    await expectTtyRestored(tmux);
    expect(readFileSync(log).toString('latin1')).toBe(Buffer.concat([...first.sent, ...second.sent]).toString('latin1'));
    expect(tmux.history()).toMatch(/BOOT-1[^]*pong-1[^]*tick 20[^]*BOOT-2[^]*pong-2/);
  }, 90_000);
});
