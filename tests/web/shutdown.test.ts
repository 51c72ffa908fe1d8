import { afterEach, expect, test } from '@jest/globals';
import { connect, type Socket } from 'node:net';
import { VIEWER_CLOSE_GRACE_MS } from '../../shell/web/close-viewers.js';
import { createManualClock } from '../../uart/index.js';
import { killAll, SisProcess } from '../e2e/transports-helpers.js';
import { waitFor } from '../helpers/wait.js';
import { isType, startRig, Viewer } from './dashboard-rig.js';

const REASON = 'the dashboard is shutting down';

/** A client on a raw socket of the dashboard that sends one request head and then nothing more. */
class SilentClient {
  readonly socket: Socket;
  received = '';
  closed = false;

  constructor(base: string, head: (host: string) => string) {
    const { hostname, port } = new URL(base);
    this.socket = connect(Number(port), hostname);
    this.socket.on('error', () => {});
    this.socket.on('data', (chunk: Buffer) => (this.received += chunk.toString('latin1')));
    this.socket.on('close', () => (this.closed = true));
    this.socket.write(head(`${hostname}:${port}`));
  }

  async answered(status: string): Promise<void> {
    if (!(await waitFor(() => this.received.startsWith(`HTTP/1.1 ${status}`)))) throw new Error(`no ${status}: ${this.received.slice(0, 200)}`);
  }
}

/** A viewer that completes the WebSocket upgrade and then never answers anything (a suspended tab). */
async function deadViewer(base: string): Promise<SilentClient> {
  const client = new SilentClient(
    base,
    (host) =>
      `GET /events HTTP/1.1\r\nHost: ${host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      `Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nOrigin: ${base}\r\n\r\n`,
  );
  await client.answered('101');
  return client;
}

/**
 * A request whose headers the server has (it answered `100 Continue`) and whose body never comes:
 * a stalled upload, a client gone from the network mid-request.
 */
async function stalledRequest(base: string): Promise<SilentClient> {
  const client = new SilentClient(
    base,
    (host) =>
      `POST /api/stress/run HTTP/1.1\r\nHost: ${host}\r\nOrigin: ${base}\r\nContent-Type: application/json\r\n` +
      'Content-Length: 100\r\nExpect: 100-continue\r\n\r\n{"command":',
  );
  await client.answered('100 Continue');
  return client;
}

afterEach(killAll);

test('on shutdown every viewer gets a close frame (1001) and a viewer that never answers is cut after the grace', async () => {
  const clock = createManualClock();
  const rig = await startRig({ serverClock: clock });
  const live = new Viewer(rig.wsUrl);
  const [dead] = await Promise.all([deadViewer(rig.base), live.next(isType('hello'))]);
  const liveClosed = new Promise<[number, string]>((resolve) => live.socket.once('close', (code, reason) => resolve([code, reason.toString()])));
  let closed = false;
  const closing = rig.close().then(() => (closed = true));

  expect(await liveClosed).toEqual([1001, REASON]);
  // The close frame, unmasked from the server: 0x88, its length, the code 1001 (0x03e9), the reason.
  expect(await waitFor(() => dead.received.includes(`\x88${String.fromCharCode(2 + REASON.length)}\x03\xe9${REASON}`))).toBe(true);
  expect(closed).toBe(false);
  expect(dead.closed).toBe(false);

  clock.advance(VIEWER_CLOSE_GRACE_MS);
  await closing;
  expect(await waitFor(() => dead.closed)).toBe(true);
});

test('shutdown cuts a request in flight whose body never comes', async () => {
  const rig = await startRig();
  const stalled = await stalledRequest(rig.base);
  // Before, the server waited for that request for ever: this test's limit is 10 s.
  await rig.close();
  expect(await waitFor(() => stalled.closed)).toBe(true);
  expect(stalled.received).toBe('HTTP/1.1 100 Continue\r\n\r\n');
}, 10_000);

/** `sis dashboard` with `client` on it, interrupted (Ctrl-C): how it exited, and the client. */
async function interruptedWith(client: (base: string) => Promise<SilentClient>): Promise<[unknown, SilentClient]> {
  const dashboard = new SisProcess(['dashboard', '--listen', '127.0.0.1:0', '--no-history', '--speed', 'max']);
  const base = (await dashboard.untilStderr(/serving (http:\/\/[\d.:]+)\//))[1]!;
  const opened = await client(base);
  dashboard.kill('SIGINT');
  return [await dashboard.exited, opened];
}

// Before, the server waited 30 s for a silent viewer, and for ever for a stalled request: these tests' limit is 20 s.
test('sis dashboard exits at once on Ctrl-C while a viewer never answers its close frame', async () => {
  const [exit, dead] = await interruptedWith(deadViewer);
  expect(exit).toEqual({ status: 0, signal: null });
  expect(dead.received).toContain(REASON);
}, 20_000);

test('sis dashboard exits at once on Ctrl-C while a request is in flight', async () => {
  const [exit, stalled] = await interruptedWith(stalledRequest);
  expect(exit).toEqual({ status: 0, signal: null });
  expect(await waitFor(() => stalled.closed)).toBe(true);
}, 20_000);
