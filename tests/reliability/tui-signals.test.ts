import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Tmux } from '../helpers/tmux.js';
import { exitStatus, expectTtyRestored, killConsoles, startConsole, startFakeDevice, startShell, type FakeDevice } from './terminal.js';
import { describeWithTools, requireTool } from '../helpers/tools.js';

let dir: string;
let tmux: Tmux | undefined;
let device: FakeDevice | undefined;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sis-reliability-signals-'));
});
afterEach(async () => {
  killConsoles();
  tmux?.kill();
  tmux = undefined;
  await device?.close();
  device = undefined;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** 200 000 bytes of lines, then a marker and a prompt: most of it sits in the log's buffer when the signal comes. */
const BURST = Buffer.concat([
  Buffer.from(Array.from({ length: 2000 }, (_, i) => `line ${String(i).padStart(4, '0')} ${'x'.repeat(88)}\r\n`).join('')),
  Buffer.from('END-MARK\r\nsis> '),
]);

describeWithTools([requireTool('tmux', 'tmux')], 'signals end the TUI as they end plain mode: 128 + the signal number, log flushed, terminal restored', () => {
  test.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('%s: exit status %i', async (signal, status) => {
    device = await startFakeDevice({ greeting: BURST });
    const log = join(dir, `${signal}.log`);
    tmux = startShell();
    const pid = await startConsole(tmux, `tcp:127.0.0.1:${device.port} --log ${log}`);
    await tmux.expectScreen((s) => /^END-MARK$/m.test(s) && /^sis>/m.test(s));
    process.kill(pid, signal);
    expect(await exitStatus(tmux)).toBe(status);
    await expectTtyRestored(tmux);
    expect(readFileSync(log).equals(Buffer.concat(device.sent))).toBe(true);
    expect(Buffer.concat(device.sent).equals(BURST)).toBe(true);
    // A console start-up, 200 KB through the TUI and a terminal check, on a machine that may be loaded.
  }, 60_000);
});
