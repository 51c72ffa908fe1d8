import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  changeLineSettings,
  formatLineStatus,
  formatModemLines,
  parseSettingsText,
  pulseDtrAction,
  readModemLines,
  sendBreak,
  toggleDtr,
  toggleRts,
} from '../../../shell/connect/line-control.js';
import { openTarget, type OpenTargetOptions } from '../../../shell/connect/index.js';
import { createSocketPort } from '../../../uart/socket-port.js';
import type { BytePort } from '../../../uart/port.js';
import { bytes, collect, waitFor } from '../../uart/wait.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sis-line-control-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BANNER = '!KERNEL(U)';
const base: OpenTargetOptions = {
  target: { kind: 'model', seed: 5n },
  reconnect: true,
  enter: 'cr',
  incomingCr: 'keep',
  defaultSpeed: 'max',
};
const count = (text: string, part: string): number => text.split(part).length - 1;

async function openModel(options: Partial<OpenTargetOptions> = {}) {
  const opened = await openTarget({ ...base, ...options });
  if (!opened.ok) throw new Error(opened.message);
  const { connection } = opened;
  const received = collect(connection.port);
  return { connection, port: connection.port, received };
}

describe('the kernel model answers line control as a board would', () => {
  test('a BREAK reboots it into a fresh state; the banner prints again', async () => {
    const { connection, port, received } = await openModel();
    await received.until('sis> ');
    port.write(bytes('autoctl off\r'));
    await received.until('Autonomous mode DISABLED');
    expect(await sendBreak(port, 20)).toEqual({ ok: true, message: 'BREAK sent (20 ms)' });
    await waitForCount(port, received, BANNER, 2);
    port.write(bytes('autoctl status\r'));
    await received.until('Mode: ENABLED');
    await connection.close();
  });

  test('DTR off holds it in reset (CTS and DSR drop); DTR on boots it; RTS is only recorded', async () => {
    const { connection, port, received } = await openModel();
    await received.until('sis> ');
    expect(await readModemLines(port)).toMatchObject({ ok: true, message: 'CTS on  DSR on  DCD on  RI off' });
    expect(await toggleDtr(port)).toEqual({ ok: true, message: 'DTR off' });
    expect(await readModemLines(port)).toMatchObject({ ok: true, message: 'CTS off  DSR off  DCD on  RI off' });
    expect(await toggleRts(port)).toEqual({ ok: true, message: 'RTS off' });
    expect(await toggleDtr(port)).toEqual({ ok: true, message: 'DTR on' });
    await waitForCount(port, received, BANNER, 2);
    expect(await pulseDtrAction(port, 10)).toEqual({ ok: true, message: 'DTR pulsed (10 ms)' });
    await waitForCount(port, received, BANNER, 3);
    await connection.close();
  });

  test('line settings re-pace the virtual line without a reboot', async () => {
    const { connection, port, received } = await openModel();
    await received.until('sis> ');
    expect(await changeLineSettings(port, { baudRate: 9600, parity: 'even' })).toEqual({
      ok: true, message: 'line now 9600 8E1 flow none',
    });
    port.write(bytes('autoctl status\r'));
    await received.until('Mode: ENABLED');
    expect(count(received.text(), BANNER)).toBe(1);
    expect(await changeLineSettings(port, { baudRate: 0 })).toEqual({
      ok: false, message: 'invalid baud rate 0 (expected an integer 1..16000000)',
    });
    await connection.close();
  });

  test('new line settings while a test runs: the test carries on to its result, nothing reboots', async () => {
    const { connection, port, received } = await openModel();
    await received.until('sis> ');
    port.write(bytes('stresstest memory --duration 2000 --seed 1\r'));
    await received.until('METRIC stress_');
    expect(await changeLineSettings(port, { baudRate: 115200 })).toMatchObject({ ok: true });
    await received.until('[STRESSTEST] Memory completed');
    expect(count(received.text(), BANNER)).toBe(1);
    await connection.close();
  });

  test('--dtr-pulse on connect: the console sees the power-on banner and the reboot banner', async () => {
    const { connection, port, received } = await openModel({ lineFlags: { breakMs: 250, dtrPulseMs: 10 } });
    await waitForCount(port, received, BANNER, 2);
    await connection.close();
  });

  test('--send: the file reaches the kernel, paced at the line rate (96 bytes at 9600 8N1 take 0.1 s)', async () => {
    const path = join(dir, 'commands.txt');
    writeFileSync(path, `autoctl off\r${'#'.repeat(83)}\r`);
    const said: string[] = [];
    const { connection, received } = await openModel({
      target: { kind: 'model', seed: 5n, line: { baudRate: 9600 } },
      lineFlags: { breakMs: 250, sendFile: path },
      say: (line) => said.push(line),
    });
    await received.until('Autonomous mode DISABLED');
    expect(said).toHaveLength(1);
    const seconds = Number(/in ([\d.]+) s\)$/.exec(said[0]!)?.[1]);
    expect(said[0]).toMatch(new RegExp(`^sent ${path} \\(96 bytes in [\\d.]+ s\\)$`));
    expect(seconds).toBeGreaterThanOrEqual(0.09);
    await connection.close();
  });

  test('--send with a file that cannot be read: status 2 and one line', async () => {
    const missing = join(dir, 'missing.bin');
    expect(await openTarget({ ...base, lineFlags: { breakMs: 250, sendFile: missing } })).toEqual({
      ok: false, status: 2, message: `--send: cannot read ${missing}: no such file`,
    });
  });
});

describe('ports without line control', () => {
  test('a plain socket answers every action with a not-supported message', async () => {
    const port = createSocketPort({ endpoint: { kind: 'tcp', host: '127.0.0.1', port: 9 } });
    expect(await sendBreak(port, 100)).toEqual({
      ok: false, message: 'tcp:127.0.0.1:9: BREAK not supported (a plain byte stream)',
    });
    expect(await toggleDtr(port)).toEqual({ ok: false, message: 'tcp:127.0.0.1:9: DTR/RTS not supported (a plain byte stream)' });
    expect(await sendBreak(port, 0)).toEqual({ ok: false, message: 'invalid BREAK length 0 ms (expected an integer 1..10000)' });
  });
});

describe('the settings form and the modem line text', () => {
  test.each([
    ['9600', { baudRate: 9600 }],
    ['115200 8N1 none', { baudRate: 115200, dataBits: 8, parity: 'none', stopBits: 1, flow: 'none' }],
    ['7e2 RTSCTS', { dataBits: 7, parity: 'even', stopBits: 2, flow: 'rtscts' }],
    ['8m1.5', { dataBits: 8, parity: 'mark', stopBits: 1.5 }],
  ])('%s', (text, settings) => {
    expect(parseSettingsText(text)).toEqual({ ok: true, settings });
  });

  test.each([
    ['', 'no settings given (e.g. 115200 8N1 none)'],
    ['fast', "'fast' is not a baud rate, a frame like 8N1, or none/rtscts/xonxoff"],
    ['9N1', "'9N1' is not a baud rate, a frame like 8N1, or none/rtscts/xonxoff"],
    ['0', 'invalid baud rate 0 (expected an integer 1..16000000)'],
  ])('%j is refused', (text, message) => {
    expect(parseSettingsText(text)).toEqual({ ok: false, message });
  });

  test('the status line part: settings, modem lines and byte counts, each only when known', () => {
    expect(formatLineStatus({
      settings: { baudRate: 9600, parity: 'even' },
      modem: { cts: true, dsr: true, dcd: false, ri: false },
      traffic: { rxBytes: 1234, txBytes: 40 },
    })).toBe('9600 8E1  CTS on  DSR on  DCD off  RI off  RX 1.2k TX 40');
    expect(formatLineStatus({ traffic: { rxBytes: 12_345_678, txBytes: 999_999 } })).toBe('RX 12M TX 999k');
    expect(formatLineStatus({})).toBe('');
  });

  test('modem lines a device does not report show ?', () => {
    expect(formatModemLines({ cts: true, dsr: false, dcd: true })).toBe('CTS on  DSR off  DCD on  RI ?');
  });
});

/** Resolves once `part` has arrived `n` times, woken by each received chunk. */
function waitForCount(port: BytePort, received: ReturnType<typeof collect>, part: string, n: number): Promise<void> {
  return waitFor(`${n} × '${part}'`, () => count(received.text(), part) >= n, (wake) => port.onData(() => queueMicrotask(wake)));
}
