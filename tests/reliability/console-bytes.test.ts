import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { Kernel } from '../../kernel/index.js';
import { runCli } from '../helpers/cli.js';
import type { Tmux } from '../helpers/tmux.js';
import { MB, pseudoRandomBytes } from './heap.js';
import { latin1 } from './kernel-drive.js';
import { exitStatus, expectTtyRestored, killConsoles, startConsole, startFakeDevice, startShell, type FakeDevice } from './terminal.js';
import { describeWithTools, requireTool } from '../helpers/tools.js';

let dir: string;
let tmux: Tmux | undefined;
let device: FakeDevice | undefined;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sis-reliability-bytes-'));
});
afterEach(async () => {
  killConsoles();
  tmux?.kill();
  tmux = undefined;
  await device?.close();
  device = undefined;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const everyByte = (times: number): Buffer => Buffer.from(Array.from({ length: 256 * times }, (_, i) => i & 0xff));
const ESCAPES = latin1('\x1b[2J\x1b[H\x1b]0;TITLE\x07\x1b]52;c;aGk=\x07\x1bP1$r\x1b\\\x9b31m\x1b[?1049h\x1b[6n\x1b');

/**
 * What plain mode makes of `input` on the model in max mode: the lines readline splits it into
 * (decoded one byte per character, as plain mode does), each sent with CR once the previous one has finished.
 */
async function replay(input: Buffer, seed: bigint): Promise<Buffer> {
  const kernel = new Kernel({ seed });
  kernel.boot();
  const out = [Buffer.from(kernel.takeOutput())];
  const lines = createInterface({ input: Readable.from([input.toString('latin1')]), crlfDelay: Infinity, terminal: false });
  for await (const line of lines) {
    if (line.trim() === 'exit' || line.trim() === 'quit') break;
    kernel.receive(Buffer.from(`${line}\r`, 'latin1'));
    while (kernel.busy) kernel.advance(kernel.nowUs + 100_000, true);
    out.push(Buffer.from(kernel.takeOutput()));
  }
  return Buffer.concat(out);
}

describe('hostile bytes through the built console', () => {
  test('plain mode: every byte value, escapes and 256 KB of random bytes piped in: the kernel bytes copied exactly, exit 0', async () => {
    const input = Buffer.concat([everyByte(64), ESCAPES, pseudoRandomBytes(256 * 1024, 11), Buffer.from('\nhelp\n')]);
    const result = await runCli(['--seed', '7'], input);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.findIndex((b) => b >= 0x80)).toBe(-1);
    expect(result.stdout.equals(await replay(input, 7n))).toBe(true);
    expect(result.stdout.toString('latin1')).toMatch(/sis> help\r\nAvailable commands:\n[^]*sis> $/);
  });

  test('plain mode: clear prints escape sequences before its prompt; the next line is still sent (exit 0, exact bytes)', async () => {
    const input = Buffer.from('clear\nhelp\nclear\nautoctl status\n');
    const result = await runCli(['--seed', '7'], input);
    expect(result.status).toBe(0);
    expect(result.stdout.toString('latin1')).toBe((await replay(input, 7n)).toString('latin1'));
    expect(result.stdout.toString('latin1')).toMatch(/\x1b\[Hsis> autoctl status\r\n\n=== Autonomous Control Status ===/);
  });

});

describeWithTools([requireTool('tmux', 'tmux')], 'hostile bytes through the TUI in tmux', () => {
  test('the TUI fed every byte value, escapes, random bytes and 1 MB without a line end by a tcp device: alive, log exact, tty restored on Ctrl-D', async () => {
    const stream = Buffer.concat([
      Buffer.from('START-MARK\r\n'),
      everyByte(256),
      ESCAPES,
      pseudoRandomBytes(256 * 1024, 5),
      Buffer.from('\r\n'),
      Buffer.from(pseudoRandomBytes(MB, 9).map((b) => (b === 0x0a || b === 0x0d ? 0x2e : b))),
      Buffer.from('\r\nEND-MARK\r\nsis> '),
    ]);
    device = await startFakeDevice({ greeting: stream, answer: () => '\r\nsis> ' });
    const log = join(dir, 'tui-bytes.log');
    tmux = startShell();
    await startConsole(tmux, `tcp:127.0.0.1:${device.port} --log ${log}`);
    await tmux.expectScreen((s) => /^END-MARK$/m.test(s) && /^sis>/m.test(s), 30_000);
    tmux.type('abc');
    await tmux.expectScreen((s) => /^sis> abc/m.test(s));
    tmux.key('C-u');
    tmux.key('C-d');
    expect(await exitStatus(tmux)).toBe(0);
    await expectTtyRestored(tmux);
    expect(readFileSync(log).equals(Buffer.concat(device.sent))).toBe(true);
  }, 60_000);
});
