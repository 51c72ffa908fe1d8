import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { busyLine } from '../../uart/busy-line.js';
import type { TcpEndpoint, UnixEndpoint } from '../../uart/endpoint.js';
import { createSocketPort } from '../../uart/socket-port.js';
import { createSocketServer, type ServerEvent, type SocketServer, type SocketServerOptions } from '../../uart/socket-server.js';
import { bytes, closed, collect, waitFor } from './wait.js';

let dir: string;
const cleanups: Array<() => Promise<unknown>> = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sis-shared-'));
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  rmSync(dir, { recursive: true, force: true });
});

async function serve(listen: (TcpEndpoint | UnixEndpoint)[], options: Partial<SocketServerOptions> = {}) {
  let input = '';
  const events: ServerEvent[] = [];
  const wakers = new Set<() => void>();
  const wake = (): void => { for (const w of wakers) w(); };
  const result = await createSocketServer({
    listen,
    ...options,
    onClientData: (chunk) => { input += Buffer.from(chunk).toString('latin1'); wake(); },
    onEvent: (event) => { events.push(event); wake(); },
  });
  if (!result.ok) throw new Error(result.error.message);
  const server: SocketServer = result.server;
  cleanups.push(() => server.close());
  const until = (what: string, check: () => boolean): Promise<void> =>
    waitFor(what, check, (w) => { wakers.add(w); return () => wakers.delete(w); });
  return {
    server,
    events,
    input: () => input,
    untilInput: (text: string) => until(`server input '${text}'`, () => input.includes(text)),
    untilEvents: (count: number) => until(`${count} server events`, () => events.length >= count),
  };
}

const LOOPBACK: TcpEndpoint = { kind: 'tcp', host: '127.0.0.1', port: 0 };

function tcpOf(address: string): TcpEndpoint {
  const match = /^tcp:127\.0\.0\.1:(\d+)$/.exec(address);
  if (match === null) throw new Error(`unexpected address ${address}`);
  return { kind: 'tcp', host: '127.0.0.1', port: Number(match[1]) };
}

async function connected(endpoint: TcpEndpoint | UnixEndpoint) {
  const port = createSocketPort({ endpoint });
  const received = collect(port);
  const closing = closed(port);
  await port.open();
  cleanups.push(() => port.close());
  return { port, received, closing };
}

describe('busy line', () => {
  test('names the holders and for how long, at most three of them', () => {
    expect(busyLine([{ name: '127.0.0.1:5000', heldMs: 12_999 }])).toBe('sis: port busy (held by 127.0.0.1:5000 for 12 s)\r\n');
    expect(busyLine([{ name: 'a:1', heldMs: 61_000 }, { name: 'b:2', heldMs: 999 }]))
      .toBe('sis: port busy (held by a:1 for 61 s, b:2 for 0 s)\r\n');
    const five = ['a', 'b', 'c', 'd', 'e'].map((name, i) => ({ name, heldMs: i * 1000 }));
    expect(busyLine(five)).toBe('sis: port busy (held by a for 0 s, b for 1 s, c for 2 s and 2 more)\r\n');
  });
});

describe('a socket server shared by --max-clients clients', () => {
  test('every client sees all the output, bytes from each reach the device, one client too many is turned away naming the holders', async () => {
    const s = await serve([LOOPBACK], { maxClients: 2 });
    const address = tcpOf(s.server.addresses[0]!);
    const first = await connected(address);
    await s.untilEvents(1);
    const second = await connected(address);
    await s.untilEvents(2);
    expect(s.events.map((e) => e.type)).toEqual(['client-connected', 'client-connected']);
    const holders = s.events.map((e) => (e as { client: string }).client);
    expect(s.server.clients).toEqual(holders);
    expect(new Set(holders).size).toBe(2);

    s.server.broadcast(bytes('sis> '));
    await first.received.until('sis> ');
    await second.received.until('sis> ');

    first.port.write(bytes('help\r'));
    await s.untilInput('help\r');
    second.port.write(bytes('autoctl off\r'));
    await s.untilInput('autoctl off\r');
    expect(s.input()).toBe('help\rautoctl off\r');
    s.server.broadcast(bytes('[AUTOCTL] off\n'));
    await first.received.until('[AUTOCTL] off\n');
    await second.received.until('[AUTOCTL] off\n');
    expect(first.received.text()).toBe('sis> [AUTOCTL] off\n');
    expect(second.received.text()).toBe('sis> [AUTOCTL] off\n');

    const third = await connected(address);
    const reason = await third.closing;
    expect(reason?.kind).toBe('refused');
    expect(reason?.message).toMatch(new RegExp(
      `^${third.port.description}: port busy \\(held by ${holders[0]} for \\d+ s, ${holders[1]} for \\d+ s\\)$`,
    ));
    expect(third.received.text()).toBe('');
    expect(s.events[2]).toEqual({ type: 'client-rejected', client: expect.stringMatching(/^127\.0\.0\.1:\d+$/), holders });

    // One leaving frees one place; the other stays and still gets everything.
    await first.port.close();
    await s.untilEvents(4);
    expect(s.events[3]).toEqual({ type: 'client-disconnected', client: holders[0] });
    expect(s.server.clients).toEqual([holders[1]]);
    const fourth = await connected(address);
    await s.untilEvents(5);
    expect(s.events[4]?.type).toBe('client-connected');
    s.server.broadcast(bytes('both\n'));
    await fourth.received.until('both\n');
    await second.received.until('both\n');
    expect(fourth.received.text()).toBe('both\n');
    expect(s.server.droppedBytes).toBe(0);
  });

  test('sendTo reaches one client only; a client that is gone is reported', async () => {
    const s = await serve([LOOPBACK], { maxClients: 3 });
    const address = tcpOf(s.server.addresses[0]!);
    const first = await connected(address);
    await s.untilEvents(1);
    const second = await connected(address);
    await s.untilEvents(2);
    const late = s.server.clients[1]!;
    expect(s.server.sendTo(late, bytes('\r\nsis> '))).toBe(true);
    s.server.broadcast(bytes('x'));
    await second.received.until('\r\nsis> x');
    await first.received.until('x');
    expect(first.received.text()).toBe('x');
    expect(s.server.sendTo('127.0.0.1:1', bytes('nobody'))).toBe(false);
  });

  test('unix clients, which have no address of their own, get distinct names', async () => {
    const path = join(dir, 'sis.sock');
    const s = await serve([{ kind: 'unix', path }], { maxClients: 2 });
    await connected({ kind: 'unix', path });
    await s.untilEvents(1);
    await connected({ kind: 'unix', path });
    await s.untilEvents(2);
    expect(s.server.clients).toEqual([`unix:${path}`, `unix:${path}#2`]);
    const third = await connected({ kind: 'unix', path });
    expect((await third.closing)?.message).toMatch(
      new RegExp(`port busy \\(held by unix:${path} for \\d+ s, unix:${path}#2 for \\d+ s\\)$`),
    );
  });

  test('a client that does not read loses its own output only; the others get every byte', async () => {
    const maxQueuedBytes = 64 * 1024;
    const s = await serve([LOOPBACK], { maxClients: 2, maxQueuedBytes });
    const { port } = tcpOf(s.server.addresses[0]!);
    const slow = await rawClient(port);
    await s.untilEvents(1);
    slow.socket.pause();
    const fast = await rawClient(port);
    await s.untilEvents(2);

    // Far more than the loopback socket buffers hold, so the paused client's queue overflows.
    const chunk = new Uint8Array(64 * 1024).fill(0x41);
    const chunks = 256;
    for (let i = 1; i <= chunks; i++) {
      s.server.broadcast(chunk);
      await fast.until(i * chunk.length);
    }
    expect(fast.count()).toBe(chunks * chunk.length);
    const dropped = s.server.droppedBytes;
    expect(dropped).toBeGreaterThan(0);
    expect(dropped % chunk.length).toBe(0);

    // What was not dropped was queued for the slow client, and reaches it once it reads.
    slow.socket.resume();
    await slow.until(chunks * chunk.length - dropped);
    s.server.broadcast(bytes('end'));
    await slow.until(chunks * chunk.length - dropped + 3);
    await fast.until(chunks * chunk.length + 3);
    expect(slow.count()).toBe(chunks * chunk.length - dropped + 3);
  }, 60_000);

  test('--idle-timeout frees the place of a silent client, not of one that types', async () => {
    const idleMs = 2000;
    const s = await serve([LOOPBACK], { maxClients: 2, idleTimeoutMs: idleMs });
    const address = tcpOf(s.server.addresses[0]!);
    const silent = await connected(address);
    await s.untilEvents(1);
    const silentName = s.server.clients[0]!;
    const typing = await connected(address);
    // A key every 200 ms keeps this one's place while the silent one times out.
    const keys = setInterval(() => typing.port.write(bytes(' ')), 200);
    try {
      expect((await silent.closing)?.kind).toBe('disconnected');
      const idle = s.events.find((e) => e.type === 'client-idle');
      expect(idle).toEqual({ type: 'client-idle', client: silentName, idleMs });
      expect(s.server.clients).toEqual([expect.not.stringMatching(silentName)]);
    } finally {
      clearInterval(keys);
    }
    expect(s.events.map((e) => e.type)).toEqual(['client-connected', 'client-connected', 'client-idle']);
  });
});

/** A plain socket, so the test can stop reading (`pause()`); counts the bytes it got. */
function rawClient(port: number): Promise<{ socket: Socket; count: () => number; until: (n: number) => Promise<void> }> {
  return new Promise((resolve, reject) => {
    let count = 0;
    const wakers = new Set<() => void>();
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.on('data', (data: Buffer) => {
      count += data.length;
      for (const wake of wakers) wake();
    });
    cleanups.push(async () => socket.destroy());
    socket.once('error', reject);
    socket.once('connect', () =>
      resolve({
        socket,
        count: () => count,
        until: (n) => waitFor(`${n} bytes (have ${count})`, () => count >= n, (w) => { wakers.add(w); return () => wakers.delete(w); }, 30_000),
      }),
    );
  });
}
