import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTarget } from '../../shell/connect/index.js';
import { changeLineSettings, readModemLines, sendBreak, toggleDtr } from '../../shell/connect/line-control.js';
import { lineControlOf } from '../../uart/port.js';
import { startPtyPair, type PtyPair } from '../uart/socat.js';
import { bytes, collect } from '../uart/wait.js';
import { startSer2net, type Ser2net } from './ser2net-helpers.js';
import { killAll, SisProcess, startServe } from './transports-helpers.js';

/** Fails (never skips) when a tool is missing, naming the Debian package that provides it. */
function requireToolForSer2netTest(command: string, aptPackage: string): void {
  const found = spawnSync('sh', ['-c', `command -v ${command} || test -x /usr/sbin/${command}`]).status === 0;
  if (!found) throw new Error(`${command} is missing: apt-get install -y ${aptPackage}`);
}

let dir: string;
let pair: PtyPair;
let ser2net: Ser2net | undefined;
let url: string;

beforeAll(async () => {
  requireToolForSer2netTest('ser2net', 'ser2net');
  requireToolForSer2netTest('socat', 'socat');
  dir = mkdtempSync(join(tmpdir(), 'sis-ser2net-'));
  pair = await startPtyPair(dir);
  // The kernel model plays the board on one end of the pty pair; ser2net exports the other end.
  await startServe(['--device', pair.a, '--seed', '5', '--speed', 'max']);
  ser2net = await startSer2net(dir, pair.b);
  url = ser2net.url;
});

afterAll(async () => {
  await ser2net?.stop();
  await killAll();
  await pair?.kill();
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

const ttySpeed = (): string => execFileSync('stty', ['-F', pair.b, 'speed']).toString().trim();

describe('sis against a real ser2net exporting a pty whose far end is sis serve --device', () => {
  test('sis rfc2217://… --baud 57600: ser2net sets its tty to 57600 while connected, and a memory test passes', async () => {
    const console = new SisProcess([url, '--baud', '57600']);
    await console.untilStderr(/^sis: connected to rfc2217:/m);
    expect(ttySpeed()).toBe('57600');
    console.write('stresstest memory --duration 1000 --seed 1\n');
    await console.untilStdout((text) => text.includes('[STRESSTEST] Memory completed'));
    expect(console.stdoutText).toMatch(/\[STRESS TEST\] Memory test complete\n(?:.*\n)*?  Status: PASS\n/);
    console.end();
    expect(await console.exited).toEqual({ status: 0, signal: null });
  });

  test('sis run rfc2217://… runs a stress test and reports it', async () => {
    const run = new SisProcess(['run', url, '--baud', '9600', '-c', 'stresstest memory --duration 1000 --seed 1']);
    run.end();
    expect(await run.exited).toEqual({ status: 0, signal: null });
    expect(run.stdoutText).toContain('[STRESS TEST] Memory test complete');
    expect(run.stderr).toMatch(/1 run: 1 PASS/);
  });

  test('BREAK and a baud change through the line-control module, then a stress test on the same link', async () => {
    const opened = await openTarget({
      target: { kind: 'telnet', endpoint: { kind: 'telnet', rfc2217: true, host: '127.0.0.1', port: Number(url.split(':')[2]) }, line: {} },
      reconnect: false,
      enter: 'cr',
      incomingCr: 'keep',
      defaultSpeed: 'max',
    });
    if (!opened.ok) throw new Error(opened.message);
    const { port } = opened.connection;
    const received = collect(port);
    // No engine here: ask for a prompt as a person would, with Enter.
    port.write(Uint8Array.of(0x0d));
    await received.until('sis> ');
    // Asked of ser2net at connect: the line from its config.
    expect(lineControlOf(port).settings).toEqual({ baudRate: 115200, dataBits: 8, parity: 'none', stopBits: 1, flow: 'none' });
    expect(await sendBreak(port, 100)).toEqual({ ok: true, message: 'BREAK sent (100 ms)' });
    expect(await changeLineSettings(port, { baudRate: 19200, parity: 'even' })).toEqual({
      ok: true, message: 'line now 19200 8E1 flow none',
    });
    // A Linux pty keeps the speed but always reads back as 8 bits, no parity: only the baud is checked there.
    expect(ttySpeed()).toBe('19200');
    // ser2net reports the pty's modem lines (a pty has none: all off) and cannot drive its DTR.
    expect(await readModemLines(port)).toMatchObject({ ok: true, message: 'CTS off  DSR off  DCD off  RI off' });
    expect(await toggleDtr(port)).toEqual({
      ok: false,
      message: `${url}: no answer to SET-CONTROL DTR OFF within 3 s (the server's port may not have this line)`,
    });
    port.write(bytes('stresstest memory --duration 1000 --seed 2\r'));
    await received.until('[STRESSTEST] Memory completed');
    expect(received.text()).toMatch(/\[STRESS TEST\] Memory test complete\n(?:.*\n)*?  Status: PASS\n/);
    await opened.connection.close();
  });
});
