import { afterEach, beforeAll, expect, test } from '@jest/globals';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sendWithLrzsz } from '../../shell/connect/index.js';
import { SILENT_RECEIVER_MS } from '../../shell/connect/send-lrzsz.js';
import type { BytePort } from '../../uart/index.js';
import { createManualClock } from '../../uart/manual-clock.js';
import { waitFor } from '../helpers/wait.js';
import { killAll, SisProcess } from './transports-helpers.js';

/** Fails (never skips) when a tool is missing, naming the Debian package that provides it. */
function requireToolForLrzszTest(command: string, aptPackage: string): void {
  if (spawnSync('sh', ['-c', `command -v ${command}`]).status !== 0) {
    throw new Error(`${command} is missing: apt-get install -y ${aptPackage}`);
  }
}

beforeAll(() => {
  for (const tool of ['sx', 'sb', 'rx', 'rb']) requireToolForLrzszTest(tool, 'lrzsz');
  requireToolForLrzszTest('socat', 'socat');
});

let dir: string | undefined;
let receiver: ChildProcess | undefined;
afterEach(async () => {
  await killAll();
  if (receiver !== undefined && receiver.exitCode === null) {
    const exited = new Promise((resolve) => receiver!.once('exit', resolve));
    receiver.kill('SIGTERM');
    await exited;
  }
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

/** A pty whose far end is an lrzsz receiver (`rx`/`rb`) writing into `inbox`; resolves once the pty exists. */
async function startReceiver(command: string): Promise<{ tty: string; inbox: string }> {
  dir = mkdtempSync(join(tmpdir(), 'sis-lrzsz-'));
  const inbox = join(dir, 'inbox');
  mkdirSync(inbox);
  const tty = join(dir, 'ttyX');
  receiver = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${tty}`, `SYSTEM:cd ${inbox} && exec ${command}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  receiver.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  if (!(await waitFor(() => log.includes('starting data transfer loop')))) throw new Error(`socat: ${log}`);
  return { tty, inbox };
}

test.each([
  ['ymodem', 'rb -b', 3000, 'firmware.bin', 3000],
  ['xmodem-1k', 'rx -b got.bin', 3000, 'got.bin', 3072],
])('--send FILE --send-protocol %s: %s on the far end receives the file', async (protocol, command, size, name, received) => {
  const { tty, inbox } = await startReceiver(command);
  const file = join(dir!, 'firmware.bin');
  const content = Buffer.from(Array.from({ length: size }, (_, i) => (i * 7 + (i >> 8)) & 0xff));
  writeFileSync(file, content);
  const sis = new SisProcess([tty, '--send', file, '--send-protocol', protocol, '--enter', 'crlf']);
  await sis.untilStderr(new RegExp(`^sis: sent ${file} by ${protocol} \\(${size} bytes in [\\d.]+ s\\)$`, 'm'), 30_000);
  const got = readFileSync(join(inbox, name));
  expect(got.length).toBe(received);
  // XMODEM pads the last block with SUB (0x1a); YMODEM sends the length, so the file is exact.
  expect(got.subarray(0, size).equals(content)).toBe(true);
  expect(got.subarray(size).every((byte) => byte === 0x1a)).toBe(true);
  // The receiver's ACKs and 'C's were protocol, not console output.
  expect(sis.stdout.includes(0x06)).toBe(false);
  sis.kill('SIGTERM');
  expect((await sis.exited).status).toBe(143);
});

/** A port whose far end is an lrzsz receiver on pipes, as sis's sender itself runs: no tty on either side. */
function receiverOnPipes(command: string, inbox: string): BytePort {
  receiver = spawn('sh', ['-c', `cd ${inbox} && exec ${command}`], { stdio: ['pipe', 'pipe', 'ignore'] });
  const child = receiver;
  return {
    description: command,
    open: () => Promise.resolve(),
    close: () => Promise.resolve(),
    write: (data) => void child.stdin!.write(data),
    drain: () => Promise.resolve(),
    onData: (listener) => {
      const relay = (chunk: Buffer): void => listener(new Uint8Array(chunk));
      child.stdout!.on('data', relay);
      return () => child.stdout!.off('data', relay);
    },
    onClose: () => () => {},
  };
}

test.each([
  ['xmodem', 'rx -b got.bin', 128],
  ['xmodem-1k', 'rx -b got.bin', 1024],
  ['ymodem', 'rb -b', 1024],
] as const)('%s: the sender reports each block as it goes, up to the whole file', async (protocol, command, block) => {
  dir = mkdtempSync(join(tmpdir(), 'sis-lrzsz-'));
  const inbox = join(dir, 'inbox');
  mkdirSync(inbox);
  const file = join(dir, 'firmware.bin');
  const size = 20_000;
  writeFileSync(file, Buffer.from(Array.from({ length: size }, (_, i) => (i * 13) & 0xff)));
  const reports: number[] = [];
  const result = await sendWithLrzsz(receiverOnPipes(command, inbox), file, size, protocol, {
    onProgress: (_line, sent) => {
      if (sent !== undefined) reports.push(sent);
    },
  });
  expect(result).toMatchObject({ ok: true, bytes: size });
  // A report per block or so (stderr chunks may carry several), never going back, ending at the size.
  expect(reports.length).toBeGreaterThan(size / block / 4);
  expect(reports.every((sent, i) => i === 0 || sent >= reports[i - 1]!)).toBe(true);
  expect(reports.at(-1)).toBe(size);
});

test('a receiver that goes quiet: a minute after the last byte from it the transfer ends, with one line', async () => {
  dir = mkdtempSync(join(tmpdir(), 'sis-lrzsz-'));
  const file = join(dir, 'firmware.bin');
  writeFileSync(file, Buffer.alloc(3000, 0x55));
  const clock = createManualClock();
  let written = 0;
  let answer: ((chunk: Uint8Array) => void) | undefined;
  const port: BytePort = {
    description: 'a receiver that calls once',
    open: () => Promise.resolve(),
    close: () => Promise.resolve(),
    write: (data) => void (written += data.length),
    drain: () => Promise.resolve(),
    onData: (listener) => {
      answer = listener;
      return () => (answer = undefined);
    },
    onClose: () => () => {},
  };
  const sending = sendWithLrzsz(port, file, 3000, 'xmodem', { clock, label: 'send' });
  expect(await waitFor(() => answer !== undefined)).toBe(true);
  clock.advance(30_000);
  answer!(new Uint8Array([0x43])); // 'C': the receiver asks for CRC blocks, and then says nothing more
  expect(await waitFor(() => written >= 133)).toBe(true); // block 1: SOH, numbers, 128 bytes, CRC
  clock.advance(SILENT_RECEIVER_MS - 1);
  expect(clock.pending()).toBe(1); // the watch, re-armed by the 'C': sx has not been ended
  clock.advance(1);
  expect(await sending).toEqual({ ok: false, message: 'send: no answer from the receiver for 60 s (0 of 3000 bytes sent)' });
});
