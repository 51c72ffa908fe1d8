import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { chmodSync, existsSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { startPtyPair, type PtyPair } from '../uart/socat.js';
import { killAll, SisProcess } from './transports-helpers.js';
import { describeWithTools, requireTool } from '../helpers/tools.js';

let dir: string;
const pairs: PtyPair[] = [];
const servers: Server[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sis-errors-'));
  chmodSync(dir, 0o755);
});
afterEach(async () => {
  await killAll();
  for (const pair of pairs.splice(0)) await pair.kill();
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A tcp server on a free loopback port that runs `onClient` for each connection. */
async function tcpServer(onClient: (socket: import('node:net').Socket) => void): Promise<{ port: number; clients: () => number }> {
  let clients = 0;
  const server = createServer((socket) => {
    clients += 1;
    socket.on('error', () => {});
    // What the console sends (answers to terminal queries) is read and dropped, so the peer's close is seen.
    socket.resume();
    onClient(socket);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, clients: () => clients };
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('bad targets: one line on stderr, exit status 1, nothing on stdout', () => {
  test('connection refused on a closed local port', async () => {
    const port = await closedPort();
    const result = await runCli([`tcp:127.0.0.1:${port}`], 'help\n');
    expect(result.stderr).toBe(`sis: tcp:127.0.0.1:${port}: connection refused\n`);
    expect(result.status).toBe(1);
    expect(result.stdout.length).toBe(0);
  });

  test('a missing device, a missing unix socket, a regular file', async () => {
    const missing = await runCli([join(dir, 'ttyNope')]);
    expect(missing.stderr).toBe(`sis: cannot open ${join(dir, 'ttyNope')}: no such device\n`);
    expect(missing.status).toBe(1);
    const socket = await runCli([`unix:${join(dir, 'none.sock')}`]);
    expect(socket.stderr).toBe(`sis: unix:${join(dir, 'none.sock')}: no such socket\n`);
    expect(socket.status).toBe(1);
    const file = join(dir, 'plain.txt');
    writeFileSync(file, 'not a tty\n');
    const notTty = await runCli(['--device', file]);
    expect(notTty.stderr).toBe(`sis: ${file}: is not a tty\n`);
    expect(notTty.status).toBe(1);
    expect(notTty.stdout.length + missing.stdout.length + socket.stdout.length).toBe(0);
  });

  test('a log that cannot be opened: exit 2 before anything starts', async () => {
    const { port, clients } = await tcpServer((socket) => socket.end('sis> '));
    const result = await runCli([`tcp:127.0.0.1:${port}`, '--log', join(dir, 'no-such-dir', 'x.log')], 'help\n');
    expect(result.stderr).toBe(`sis: cannot open log file ${join(dir, 'no-such-dir', 'x.log')}: directory ${join(dir, 'no-such-dir')} does not exist\n`);
    expect(result.status).toBe(2);
    expect(result.stdout.length).toBe(0);
    expect(clients()).toBe(0);
    const isDir = await runCli(['--log', dir]);
    expect(isDir.stderr).toBe(`sis: cannot open log file ${dir}: it is a directory\n`);
    expect(isDir.status).toBe(2);
    expect(isDir.stdout.length).toBe(0);
  });

  test('usage errors are status 2', async () => {
    const result = await runCli(['tcp:127.0.0.1:4444', '--baud', '9600']);
    expect(result.stderr).toBe(
      'sis: --baud applies to serial devices, rfc2217:// servers and the embedded model, not to tcp:127.0.0.1:4444 ' +
        '(a plain byte stream has no line control)\n' +
        "Try 'sis --help' for more information.\n",
    );
    expect(result.status).toBe(2);
  });
});

describe('garbage from the far end', () => {
  test('every byte value and escape sequences reach stdout and the log untouched', async () => {
    const everyByte = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const escapes = Buffer.from('\x1b[2J\x1b[H\x1b[31mred\x1b[0m\x1b]0;title\x07\x1bc\x1b[999;999H\x1b[6n\x9b1m\r\n', 'latin1');
    const payload = Buffer.concat([everyByte, escapes, everyByte.reverse(), Buffer.from('\r\nsis> ')]);
    let received = Buffer.alloc(0);
    const { port } = await tcpServer((socket) => {
      socket.on('data', (chunk: Buffer) => (received = Buffer.concat([received, chunk])));
      socket.write(payload.subarray(0, 300));
      setTimeout(() => socket.write(payload.subarray(300)), 20);
    });
    const log = join(dir, 'garbage.log');
    const result = await runCli([`tcp:127.0.0.1:${port}`, '--log', log], '');
    expect(result.status).toBe(0);
    expect(result.stderr).toBe(`sis: connected to tcp:127.0.0.1:${port}\n`);
    expect(result.stdout.equals(payload)).toBe(true);
    expect(readFileSync(log).equals(payload)).toBe(true);
    // `ESC[6n` asked for the cursor position: a terminal of 80x24 answers, after `ESC[999;999H`, its corner.
    expect(received.toString('latin1')).toBe('\x1b[24;80R');
  });
});

describe('sis ports', () => {
  test('lists what it can, says plainly when enumeration is limited, exits 0', async () => {
    const text = await runCli(['ports']);
    expect(text.status).toBe(0);
    expect(text.stdout.toString()).toMatch(/^(no serial ports found\n|(\/dev\/\S+[^\n]*\n)+)$/);
    const udev = ['/usr/bin/udevadm', '/bin/udevadm', '/sbin/udevadm', '/usr/sbin/udevadm'].some((path) => existsSync(path));
    expect(text.stderr).toBe(udev
      ? 'sis ports: note: ptys (/dev/pts/*) are never listed; pass their path directly\n'
      : 'sis ports: note: enumeration is limited (udevadm not available): scanned /dev by name; ' +
        'ptys (/dev/pts/*) are never listed; pass their path directly\n');

    const json = await runCli(['ports', '--json']);
    expect(json.status).toBe(0);
    const listing = JSON.parse(json.stdout.toString()) as { ports: Array<{ path: string }>; note?: string };
    expect(listing.ports.map((port) => port.path)).toEqual(
      text.stdout.toString() === 'no serial ports found\n' ? [] : text.stdout.toString().trim().split('\n').map((line) => line.split('  ')[0]),
    );
    if (!udev) expect(listing.note).toMatch(/^enumeration is limited/);
    const bad = await runCli(['ports', '--jsn']);
    expect(bad.stderr).toBe("sis ports: unknown option '--jsn' (did you mean --json?)\nTry 'sis ports --help' for more information.\n");
    expect(bad.status).toBe(2);
  });
});

describeWithTools([requireTool('socat', 'socat')], 'bad targets on a socat pty pair: one line on stderr, exit status 1', () => {
  test('a locked port: a second sis on the same pty', async () => {
    const pair = await startPtyPair(dir);
    pairs.push(pair);
    const first = new SisProcess([pair.b]);
    await first.untilStderr(/^sis: connected to /m);
    const second = await runCli([pair.b], 'help\n');
    expect(second.stderr).toBe(`sis: ${pair.b}: port is locked by another program\n`);
    expect(second.status).toBe(1);
    first.end();
    first.kill('SIGTERM');
    expect((await first.exited).status).toBe(143);
  });

  test('permission denied (root bypasses modes, so as root the console runs as nobody)', async () => {
    const pair = await startPtyPair(dir);
    pairs.push(pair);
    const asRoot = process.getuid?.() === 0;
    if (!asRoot) chmodSync(realpathSync(pair.b), 0o000);
    const client = new SisProcess([pair.b], asRoot ? { uid: 65534, gid: 65534 } : {});
    client.end();
    expect(await client.exited).toEqual({ status: 1, signal: null });
    expect(client.stderr).toBe(`sis: ${pair.b}: permission denied\n`);
  });
});
