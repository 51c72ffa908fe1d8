import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { mkdtempSync, renameSync, rmSync, writeFileSync, existsSync, lstatSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TcpEndpoint, UnixEndpoint } from '../../uart/endpoint.js';
import { socketErrorToPortError } from '../../uart/socket-errors.js';
import { createSocketPort } from '../../uart/socket-port.js';
import { BUSY_PREFIX } from '../../uart/busy-line.js';
import { createSocketServer, type ServerEvent, type SocketServer } from '../../uart/socket-server.js';
import { bytes, closed, collect, waitFor } from './wait.js';

let dir: string;
const cleanups: Array<() => Promise<unknown>> = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sis-socket-'));
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  rmSync(dir, { recursive: true, force: true });
});

/** A server whose client input and events are recorded. */
async function serve(listen: (TcpEndpoint | UnixEndpoint)[]) {
  let input = '';
  const events: ServerEvent[] = [];
  const wakers = new Set<() => void>();
  const wake = (): void => { for (const w of wakers) w(); };
  const result = await createSocketServer({
    listen,
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

describe.each(['tcp', 'unix'] as const)('socket client and server over %s', (kind) => {
  const listenOn = (): TcpEndpoint | UnixEndpoint =>
    kind === 'tcp' ? { kind: 'tcp', host: '127.0.0.1', port: 0 } : { kind: 'unix', path: join(dir, 'sis.sock') };
  const clientEndpoint = (address: string): TcpEndpoint | UnixEndpoint =>
    kind === 'tcp' ? tcpOf(address) : { kind: 'unix', path: join(dir, 'sis.sock') };

  test('bytes flow both ways; a second client is turned away; the server outlives its clients', async () => {
    const s = await serve([listenOn()]);
    expect(s.server.addresses).toHaveLength(1);
    const address = s.server.addresses[0] as string;
    if (kind === 'unix') expect(address).toBe(`unix:${join(dir, 'sis.sock')}`);
    else expect(address).not.toBe('tcp:127.0.0.1:0');

    s.server.broadcast(bytes('nobody hears this'));
    expect(s.server.droppedBytes).toBe(17);

    const first = await connected(clientEndpoint(address));
    expect(first.port.description).toBe(kind === 'tcp' ? address : `unix:${join(dir, 'sis.sock')}`);
    await s.untilEvents(1);
    expect(s.events[0]?.type).toBe('client-connected');
    first.port.write(bytes('stresstest memory\r'));
    await first.port.drain();
    await s.untilInput('stresstest memory\r');
    s.server.broadcast(bytes('sis> '));
    await first.received.until('sis> ');

    // The busy line is the server's word, not the device's: the client sees a refused connection.
    const second = await connected(clientEndpoint(address));
    const reason = await second.closing;
    expect(reason?.kind).toBe('refused');
    expect(reason?.message).toMatch(new RegExp(`^${second.port.description}: port busy \\(held by \\S+ for \\d+ s\\)$`));
    expect(second.received.text()).toBe('');
    second.port.write(bytes('ignored'));
    expect(s.events.map((e) => e.type)).toEqual(['client-connected', 'client-rejected']);

    s.server.broadcast(bytes('still first\n'));
    await first.received.until('still first\n');
    expect(first.received.text()).toBe('sis> still first\n');

    await first.port.close();
    expect(await first.closing).toBeUndefined();
    await s.untilEvents(3);
    expect(s.events[2]?.type).toBe('client-disconnected');
    expect(s.server.clients).toEqual([]);

    const third = await connected(clientEndpoint(address));
    await s.untilEvents(4);
    expect(s.events[3]?.type).toBe('client-connected');
    expect(s.server.clients).toHaveLength(1);
    third.port.write(bytes('help\r'));
    await s.untilInput('help\r');
    s.server.broadcast(bytes('ok\n'));
    await third.received.until('ok\n');
    expect(s.input()).toBe('stresstest memory\rhelp\r');
  });

  test('the server closing ends the client with disconnected', async () => {
    const s = await serve([listenOn()]);
    const client = await connected(clientEndpoint(s.server.addresses[0] as string));
    await s.untilEvents(1);
    await s.server.close();
    const reason = await client.closing;
    expect(reason?.kind).toBe('disconnected');
    if (kind === 'unix') expect(existsSync(join(dir, 'sis.sock'))).toBe(false);
  });
});

describe('socket server listening', () => {
  test('tcp and unix at once; port 0 reports the bound port', async () => {
    const s = await serve([{ kind: 'tcp', host: '127.0.0.1', port: 0 }, { kind: 'unix', path: join(dir, 'a.sock') }]);
    expect(s.server.addresses[0]).toMatch(/^tcp:127\.0\.0\.1:[1-9]\d*$/);
    expect(s.server.addresses[1]).toBe(`unix:${join(dir, 'a.sock')}`);
    const viaUnix = await connected({ kind: 'unix', path: join(dir, 'a.sock') });
    await s.untilEvents(1);
    const viaTcp = await connected(tcpOf(s.server.addresses[0] as string));
    expect((await viaTcp.closing)?.kind).toBe('refused');
    viaUnix.port.write(bytes('x'));
    await s.untilInput('x');
  });

  test('a stale unix socket file is replaced', async () => {
    const path = join(dir, 'stale.sock');
    const old = createServer();
    await new Promise<void>((resolve) => old.listen(join(dir, 'tmp.sock'), resolve));
    renameSync(join(dir, 'tmp.sock'), path);
    await new Promise<void>((resolve) => old.close(() => resolve()));
    expect(lstatSync(path).isSocket()).toBe(true);

    const s = await serve([{ kind: 'unix', path }]);
    const client = await connected({ kind: 'unix', path });
    await s.untilEvents(1);
    client.port.write(bytes('hi'));
    await s.untilInput('hi');
  });

  test('a live unix server, a regular file and a taken tcp port are refused', async () => {
    const path = join(dir, 'live.sock');
    await serve([{ kind: 'unix', path }]);
    expect(await createSocketServer({ listen: [{ kind: 'unix', path }], onClientData: () => {} })).toEqual({
      ok: false,
      error: { kind: 'locked', message: `cannot listen on unix:${path}: another server is listening on this socket` },
    });

    const file = join(dir, 'notes.txt');
    writeFileSync(file, 'keep me');
    expect(await createSocketServer({ listen: [{ kind: 'unix', path: file }], onClientData: () => {} })).toEqual({
      ok: false,
      error: { kind: 'io', message: `cannot listen on unix:${file}: the path exists and is not a socket` },
    });
    expect(existsSync(file)).toBe(true);

    const missingDir = join(dir, 'no-such-dir', 'x.sock');
    const noDir = await createSocketServer({ listen: [{ kind: 'unix', path: missingDir }], onClientData: () => {} });
    expect(noDir).toEqual({
      ok: false,
      error: { kind: 'not-found', message: `cannot listen on unix:${missingDir}: directory ${join(dir, 'no-such-dir')} does not exist` },
    });

    const tcp = await serve([{ kind: 'tcp', host: '127.0.0.1', port: 0 }]);
    const taken = tcpOf(tcp.server.addresses[0] as string);
    const both = await createSocketServer({
      listen: [{ kind: 'unix', path: join(dir, 'first.sock') }, taken],
      onClientData: () => {},
    });
    expect(both).toEqual({
      ok: false,
      error: { kind: 'locked', message: `cannot listen on tcp:127.0.0.1:${taken.port}: address already in use` },
    });
    expect(existsSync(join(dir, 'first.sock'))).toBe(false);
  });
});

describe('socket client errors', () => {
  test('a closed tcp port is refused', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as { port: number };
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const client = createSocketPort({ endpoint: { kind: 'tcp', host: '127.0.0.1', port } });
    await expect(client.open()).rejects.toEqual({
      kind: 'refused', message: `tcp:127.0.0.1:${port}: connection refused`,
    });
    await client.close();
  });

  test('a missing unix socket is not-found; a stale one is refused', async () => {
    const path = join(dir, 'nope.sock');
    const client = createSocketPort({ endpoint: { kind: 'unix', path } });
    await expect(client.open()).rejects.toEqual({ kind: 'not-found', message: `unix:${path}: no such socket` });

    const stale = join(dir, 'stale.sock');
    const old = createServer();
    await new Promise<void>((resolve) => old.listen(join(dir, 'tmp.sock'), resolve));
    renameSync(join(dir, 'tmp.sock'), stale);
    await new Promise<void>((resolve) => old.close(() => resolve()));
    const staleClient = createSocketPort({ endpoint: { kind: 'unix', path: stale } });
    await expect(staleClient.open()).rejects.toEqual({ kind: 'refused', message: `unix:${stale}: connection refused` });
  });

  test('a reset connection closes with disconnected', async () => {
    let accepted: (socket: Socket) => void = () => {};
    const serverSide = new Promise<Socket>((resolve) => { accepted = resolve; });
    const resetter = createServer((socket) => accepted(socket));
    await new Promise<void>((resolve) => resetter.listen(0, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => resetter.close(() => resolve())));
    const { port } = resetter.address() as { port: number };
    const client = await connected({ kind: 'tcp', host: '127.0.0.1', port });
    (await serverSide).resetAndDestroy();
    expect(await client.closing).toEqual({
      kind: 'disconnected', message: `tcp:127.0.0.1:${port}: connection reset by the remote end`,
    });
  });

  test('socket error codes map to one-line port errors', () => {
    const cases: Array<[string, string, string]> = [
      ['ECONNREFUSED', 'refused', 'tcp:10.0.0.1:4444: connection refused'],
      ['ENOTFOUND', 'unreachable', "tcp:10.0.0.1:4444: unknown host 'board.lab'"],
      ['EAI_AGAIN', 'unreachable', "tcp:10.0.0.1:4444: cannot resolve host 'board.lab' (DNS lookup failed)"],
      ['ENOENT', 'not-found', 'tcp:10.0.0.1:4444: no such socket'],
      ['EACCES', 'permission-denied', 'tcp:10.0.0.1:4444: permission denied'],
      ['ETIMEDOUT', 'unreachable', 'tcp:10.0.0.1:4444: connection timed out'],
      ['EHOSTUNREACH', 'unreachable', 'tcp:10.0.0.1:4444: host unreachable'],
      ['ENETUNREACH', 'unreachable', 'tcp:10.0.0.1:4444: network unreachable'],
      ['ECONNRESET', 'disconnected', 'tcp:10.0.0.1:4444: connection reset by the remote end'],
      ['EPIPE', 'disconnected', 'tcp:10.0.0.1:4444: connection reset by the remote end'],
      ['EWHATEVER', 'io', 'tcp:10.0.0.1:4444: something odd'],
    ];
    for (const [code, kind, message] of cases) {
      expect(socketErrorToPortError('tcp:10.0.0.1:4444', { code, message: 'something odd' }, 'board.lab'))
        .toEqual({ kind, message });
    }
  });

  test('close() before open and twice: listeners run once, nothing throws', async () => {
    const client = createSocketPort({ endpoint: { kind: 'tcp', host: '127.0.0.1', port: 9 } });
    const reasons: unknown[] = [];
    client.onClose((reason) => reasons.push(reason));
    await client.close();
    await client.close();
    client.write(bytes('dropped'));
    await client.drain();
    expect(reasons).toEqual([undefined]);
  });
});
