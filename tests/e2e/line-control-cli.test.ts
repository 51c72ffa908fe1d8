import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { startPtyPair, type PtyPair } from '../uart/socat.js';
import { killAll, SisProcess } from './transports-helpers.js';

let dir: string;
let pair: PtyPair;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sis-line-cli-'));
  pair = await startPtyPair(dir);
});
afterAll(async () => {
  await killAll();
  await pair.kill();
  rmSync(dir, { recursive: true, force: true });
});

const BANNER = '!KERNEL(U)';
const count = (text: string, part: string): number => text.split(part).length - 1;

describe('line control on the command line', () => {
  test('--dtr-pulse on connect reboots the model: the power-on banner, then the reboot banner, then the commands', async () => {
    const result = await runCli(['--seed', '5', '--dtr-pulse', '20'], 'autoctl status\n');
    const out = result.stdout.toString('latin1');
    expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
    expect(count(out, BANNER)).toBe(2);
    expect(out.lastIndexOf(BANNER)).toBeLessThan(out.indexOf('autoctl status'));
    expect(out).toContain('Mode: ENABLED');
  });

  test('--send FILE reaches the kernel once connected, paced at --baud; the console carries on after it', async () => {
    const file = join(dir, 'setup.txt');
    writeFileSync(file, 'autoctl off\r');
    const sis = new SisProcess(['--seed', '5', '--baud', '9600', '--send', file]);
    await sis.untilStderr(new RegExp(`^sis: sent ${file} \\(12 bytes in \\d+\\.\\d\\d s\\)$`, 'm'));
    await sis.untilStdout((text) => text.includes('[AUTOCTL] Command complete\nsis> '));
    sis.end('autoctl status\n');
    expect(await sis.exited).toEqual({ status: 0, signal: null });
    expect(sis.stdoutText).toContain('Mode: DISABLED');
  });

  test('a --send that takes seconds says how far it got, once a second, before the console takes over', async () => {
    const file = join(dir, 'blank-lines.txt');
    writeFileSync(file, '\r'.repeat(2880)); // 3 s at 9600 8N1 (960 bytes/s)
    const sis = new SisProcess(['--seed', '5', '--baud', '9600', '--send', file]);
    await sis.untilStderr(new RegExp(`^sis: sent ${file} \\(2880 bytes in \\d+\\.\\d\\d s\\)$`, 'm'), 30_000);
    sis.end();
    expect(await sis.exited).toEqual({ status: 0, signal: null });
    const lines = sis.stderr.split('\n').filter((line) => line !== '');
    const progress = lines.slice(0, -1).map((line) => new RegExp(`^sis: sending ${file}: (\\d+)% \\((\\d+) of 2880 bytes\\)$`).exec(line));
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.every((match) => match !== null && Number(match[1]) === Math.floor((Number(match[2]) * 100) / 2880))).toBe(true);
    const percents = progress.map((match) => Number(match![1]));
    expect(percents.every((pct, i) => pct < 100 && (i === 0 || pct > percents[i - 1]!))).toBe(true);
  });

  test('a pty has no DTR: --dtr-pulse fails with one line and status 1', async () => {
    const result = await runCli([pair.b, '--dtr-pulse', '10']);
    expect({ status: result.status, stderr: result.stderr }).toEqual({
      status: 1,
      stderr: `sis: --dtr-pulse: ${pair.b}: DTR/RTS not supported by this device (it has no modem control lines)\n`,
    });
  });

  test.each([
    [['--dtr-pulse', '0'], "sis: --dtr-pulse: invalid value '0' (expected milliseconds 1..10000)"],
    [['--break-ms', 'long'], "sis: --break-ms: invalid value 'long' (expected milliseconds 1..10000)"],
    [['tcp:127.0.0.1:9', '--break-ms', '100'],
      'sis: --break-ms applies to serial devices, rfc2217:// servers and the embedded model, not to tcp:127.0.0.1:9 (a plain byte stream has no line control)'],
    [['rfc2217://127.0.0.1'], "sis: invalid endpoint 'rfc2217://127.0.0.1': missing port (expected rfc2217://HOST:PORT)"],
    [['--send', '/nonexistent/fw.bin'], 'sis: --send: cannot read /nonexistent/fw.bin: no such file'],
    [['--send-protocol', 'ymodem'], 'sis: --send-protocol needs --send FILE'],
    [['--send', 'x', '--send-protocol', 'zmodem'], "sis: --send-protocol: invalid value 'zmodem' (expected raw, xmodem, xmodem-1k or ymodem)"],
  ])('%j: status 2 and one line', async (args, line) => {
    const result = await runCli(args);
    expect({ status: result.status, stderr: result.stderr.split('\n')[0] }).toEqual({ status: 2, stderr: line });
  });

  test('--help lists the line-control options and the telnet targets', async () => {
    const result = await runCli(['--help']);
    const help = result.stdout.toString();
    for (const part of ['--break-ms MS', '--dtr-pulse MS', '--send FILE', '--send-protocol P', 'rfc2217://HOST:PORT', 'telnet://HOST:PORT']) {
      expect(help).toContain(part);
    }
  });
});
