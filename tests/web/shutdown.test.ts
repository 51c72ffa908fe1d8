import { afterEach, expect, test } from '@jest/globals';
import { connect, type Socket } from 'node:net';
import { VIEWER_CLOSE_GRACE_MS } from '../../shell/web/close-viewers.js';
import { createManualClock } from '../../uart/index.js';
import { killAll, SisProcess } from '../e2e/transports-helpers.js';
import { waitFor } from '../helpers/wait.js';
import { isType, startRig, Viewer } from './dashboard-rig.js';

const REASON = 'the dashboard is shutting down';

/** A viewer that completes the WebSocket upgrade and then never answers anything (a suspended tab). */
class DeadViewer {
  readonly socket: Socket;
  received = '';
  closed = false;

  constructor(base: string) {
    const { hostname, port } = new URL(base);
    this.socket = connect(Number(port), hostname);
    this.socket.on('error', () => {});
    this.socket.on('data', (chunk: Buffer) => (this.received += chunk.toString('latin1')));
    this.socket.on('close', () => (this.closed = true));
    this.socket.write(
      `GET /events HTTP/1.1\r\nHost: ${hostname}:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        `Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nOrigin: ${base}\r\n\r\n`,
    );
  }

  async upgraded(): Promise<void> {
    if (!(await waitFor(() => this.received.startsWith('HTTP/1.1 101')))) throw new Error(`no upgrade: ${this.received.slice(0, 200)}`);
  }
}

/**
 * A request whose headers the server has (it answered `100 Continue`) and whose body never comes:
 * a stalled upload, a client gone from the network mid-request.
 */
class StalledRequest {
  readonly socket: Socket;
  received = '';
  closed = false;

  constructor(base: string) {
    const { hostname, port } = new URL(base);
    this.socket = connect(Number(port), hostname);
    this.socket.on('error', () => {});
    this.socket.on('data', (chunk: Buffer) => (this.received += chunk.toString('latin1')));
    this.socket.on('close', () => (this.closed = true));
    this.socket.write(
      `POST /api/stress/run HTTP/1.1\r\nHost: ${hostname}:${port}\r\nOrigin: ${base}\r\nContent-Type: application/json\r\n` +
        'Content-Length: 100\r\nExpect: 100-continue\r\n\r\n{"command":',
    );
  }

  async inFlight(): Promise<void> {
    if (!(await waitFor(() => this.received.startsWith('HTTP/1.1 100 Continue')))) throw new Error(`no 100 Continue: ${this.received.slice(0, 200)}`);
  }
}

afterEach(killAll);

test('on shutdown every viewer gets a close frame (1001) and a viewer that never answers is cut after the grace', async () => {
  const clock = createManualClock();
  const rig = await startRig({ serverClock: clock });
  const dead = new DeadViewer(rig.base);
  const live = new Viewer(rig.wsUrl);
  await Promise.all([dead.upgraded(), live.next(isType('hello'))]);
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
  const stalled = new StalledRequest(rig.base);
  await stalled.inFlight();
  // Before, the server waited for that request for ever: this test's limit is 10 s.
  await rig.close();
  expect(await waitFor(() => stalled.closed)).toBe(true);
  expect(stalled.received).toBe('HTTP/1.1 100 Continue\r\n\r\n');
}, 10_000);

test('sis dashboard exits at once on Ctrl-C while a viewer never answers its close frame', async () => {
  const dashboard = new SisProcess(['dashboard', '--listen', '127.0.0.1:0', '--no-history', '--speed', 'max']);
  const base = (await dashboard.untilStderr(/serving (http:\/\/[\d.:]+)\//))[1]!;
  const dead = new DeadViewer(base);
  await dead.upgraded();
  dashboard.kill('SIGINT');
  // Before, the server waited 30 s for that viewer: this test's limit is 20 s.
  expect(await dashboard.exited).toEqual({ status: 0, signal: null });
  expect(dead.received).toContain(REASON);
}, 20_000);

test('sis dashboard exits at once on Ctrl-C while a request is in flight', async () => {
  const dashboard = new SisProcess(['dashboard', '--listen', '127.0.0.1:0', '--no-history', '--speed', 'max']);
  const base = (await dashboard.untilStderr(/serving (http:\/\/[\d.:]+)\//))[1]!;
  const stalled = new StalledRequest(base);
  await stalled.inFlight();
  dashboard.kill('SIGINT');
  expect(await dashboard.exited).toEqual({ status: 0, signal: null });
  expect(await waitFor(() => stalled.closed)).toBe(true);
}, 20_000);
