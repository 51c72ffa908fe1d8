import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { request } from 'node:http';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import WebSocket from 'ws';
import { parseDashboardArgs } from '../../shell/web/dashboard-args.js';
import { runCli } from '../helpers/cli.js';
import { get, isType, post, startRig, Viewer, type Rig } from './dashboard-rig.js';

/** A request with any Host header (fetch does not let one set it). */
function withHost(base: string, path: string, host: string): Promise<{ status: number; json: any }> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { headers: { host } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(body) }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The status of a GET, its body read so the connection is idle again. */
async function statusOf(url: string, headers: Record<string, string> = {}): Promise<number> {
  const response = await fetch(url, { headers });
  await response.arrayBuffer();
  return response.status;
}

/** The HTTP status a refused WebSocket upgrade got. */
function refusedUpgrade(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.on('error', () => {});
    ws.on('unexpected-response', (req, res) => {
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    ws.on('open', () => reject(new Error('the upgrade was accepted')));
  });
}

describe('tokens', () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await startRig({ access: { writeToken: 'w-secret', readToken: 'r-secret', loopback: false } });
  });
  afterAll(() => rig.close());

  test('every request needs a token: header, query or the page cookie; the grant follows the token', async () => {
    expect(await get(rig.base, '/api/health')).toMatchObject({ status: 401, json: { error: 'unauthorized', message: 'a token is required' } });
    expect(await get(rig.base, '/api/health', { authorization: 'Bearer nope' })).toMatchObject({ status: 401, json: { message: 'wrong token' } });
    expect((await get(rig.base, '/api/stress/runs')).status).toBe(401);
    expect((await get(rig.base, '/api/openapi.json')).status).toBe(401);
    expect((await get(rig.base, '/api/health', { authorization: 'Bearer w-secret' })).json.grant).toBe('write');
    expect((await get(rig.base, '/api/health?token=r-secret')).json.grant).toBe('read');
    expect((await get(rig.base, '/api/health', { cookie: 'sis_token=w-secret' })).json.grant).toBe('write');
    const page = await fetch(`${rig.base}/?token=w-secret`);
    expect(page.status).toBe(200);
    expect(page.headers.get('set-cookie')).toBe('sis_token=w-secret; Path=/; HttpOnly; SameSite=Strict');
    await page.arrayBuffer();
    expect(await statusOf(`${rig.base}/assets/app.js`)).toBe(401);
    expect(await statusOf(`${rig.base}/assets/app.js`, { cookie: 'sis_token=r-secret' })).toBe(200);
  });

  test('a read token cannot run, cancel or type at the web terminal', async () => {
    const read = { authorization: 'Bearer r-secret' };
    expect(await post(rig.base, '/api/stress/run', { command: 'stresstest memory' }, read)).toMatchObject({ status: 403, json: { error: 'read_only' } });
    expect(await post(rig.base, '/api/stress/cancel', undefined, read)).toMatchObject({ status: 403, json: { error: 'read_only' } });
    expect(await refusedUpgrade(rig.wsUrl)).toBe(401);

    const reader = new Viewer(`${rig.wsUrl}?token=r-secret`);
    const writer = new Viewer(rig.wsUrl, { authorization: 'Bearer w-secret' });
    await Promise.all([reader.opened, writer.opened]);
    expect((await reader.next(isType('hello'))).write).toBe(false);
    expect((await writer.next(isType('hello'))).write).toBe(true);
    reader.socket.send(JSON.stringify({ type: 'input', data: Buffer.from('XYZ').toString('base64') }));
    reader.socket.send(JSON.stringify({ type: 'line', text: 'autoctl off' }));
    reader.socket.send(JSON.stringify({ type: 'interrupt' }));
    // A pong is sent after the frames before the ping were handled: the reader's input has been dealt with.
    await new Promise<void>((resolve) => {
      reader.socket.once('pong', () => resolve());
      reader.socket.ping();
    });
    const from = writer.messages.length;
    writer.socket.send(JSON.stringify({ type: 'input', data: Buffer.from('help\r').toString('base64') }));
    const echoed = await writer.next((m): m is Extract<typeof m, { type: 'parsed' }> => m.type === 'parsed' && m.event.type === 'command', from);
    expect(echoed.event).toEqual({ type: 'command', command: 'help' });
    reader.close();
    writer.close();
  });

  test('sis dashboard refuses to listen beyond loopback without a token (exit 2)', async () => {
    const result = await runCli(['dashboard', '--listen', '0.0.0.0:0']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      "sis dashboard: --listen 0.0.0.0: listening beyond loopback needs --token (or SIS_TOKEN)\nTry 'sis dashboard --help' for more information.\n",
    );
  });

  test('sis dashboard on a port in use: one line, exit 1', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      const result = await runCli(['dashboard', '--listen', `127.0.0.1:${port}`, '--no-history', '--speed', 'max']);
      expect(result.status).toBe(1);
      expect(result.stderr).toBe(`sis dashboard: cannot listen on 127.0.0.1:${port}: address already in use\n`);
    } finally {
      taken.close();
    }
  });

  test('listening beyond loopback needs a token', () => {
    expect(parseDashboardArgs(['--listen', '0.0.0.0:8871'], {})).toEqual({
      ok: false,
      message: '--listen 0.0.0.0: listening beyond loopback needs --token (or SIS_TOKEN)',
    });
    expect(parseDashboardArgs(['--listen', '0.0.0.0:8871'], { SIS_TOKEN: 't' })).toMatchObject({ ok: true, options: { writeToken: 't', listen: { host: '0.0.0.0', port: 8871 } } });
    expect(parseDashboardArgs([], {})).toMatchObject({ ok: true, options: { listen: { host: '127.0.0.1', port: 8871 }, writeToken: null } });
    expect(parseDashboardArgs(['--listen', '9000'], {})).toMatchObject({ ok: true, options: { listen: { host: '127.0.0.1', port: 9000 } } });
  });
});

describe('same origin and loopback host names', () => {
  let rig: Rig;
  beforeAll(async () => {
    rig = await startRig();
  });
  afterAll(() => rig.close());

  test('POST and the WebSocket upgrade refuse another origin; a loopback server refuses other host names', async () => {
    const evil = { origin: 'http://evil.example' };
    expect(await post(rig.base, '/api/stress/run', { command: 'stresstest memory' }, evil)).toMatchObject({ status: 403, json: { error: 'forbidden_origin' } });
    expect(await post(rig.base, '/api/stress/cancel', undefined, { 'sec-fetch-site': 'cross-site' })).toMatchObject({ status: 403, json: { error: 'forbidden_origin' } });
    expect(await refusedUpgrade(rig.wsUrl, evil)).toBe(403);
    const same = new Viewer(rig.wsUrl, { origin: rig.base });
    await same.opened;
    same.close();
    expect(await withHost(rig.base, '/api/health', 'attacker.example:80')).toMatchObject({ status: 403, json: { error: 'forbidden_host' } });
    expect((await withHost(rig.base, '/api/health', 'localhost:8871')).status).toBe(200);
  });
});

describe('the link to the target', () => {
  let board: Server;
  let sockets: Socket[] = [];
  let rig: Rig | undefined;
  afterEach(async () => {
    await rig?.close();
    for (const s of sockets) s.destroy();
    board?.close();
  });

  test('a board with no prompt yet: the run waits in the engine queue; cancel drops it and the launch is lost', async () => {
    board = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => board.listen(0, '127.0.0.1', resolve));
    const { port } = board.address() as AddressInfo;
    rig = await startRig({ target: { kind: 'socket', endpoint: { kind: 'tcp', host: '127.0.0.1', port } } });
    const viewer = new Viewer(rig.wsUrl);
    const hello = await viewer.next(isType('hello'));
    expect(hello.engine).toMatchObject({ mode: 'raw', running: null });
    const started = await post(rig.base, '/api/stress/run', { command: 'stresstest memory' });
    expect(started.status).toBe(202);
    await viewer.next((m): m is Extract<typeof m, { type: 'engine' }> => m.type === 'engine' && m.engine.queued === 1);
    expect(await post(rig.base, '/api/stress/run', { command: 'stresstest chaos' })).toMatchObject({ status: 409, json: { error: 'busy' } });
    expect((await post(rig.base, '/api/stress/cancel')).status).toBe(202);
    const lost = await viewer.next((m): m is Extract<typeof m, { type: 'launch' }> => m.type === 'launch' && m.launch.status !== 'running');
    expect(lost.launch).toMatchObject({ id: started.json.id, status: 'lost', commandId: null, detail: 'dropped from the queue before it was sent' });
    expect((await get(rig.base, '/api/health')).json.busy).toBe(false);
    viewer.close();
  });

  test('a board that goes away: viewers see the link retrying, a run is refused with 503', async () => {
    board = createServer((socket) => {
      sockets.push(socket);
      socket.write('sis> ');
    });
    await new Promise<void>((resolve) => board.listen(0, '127.0.0.1', resolve));
    const { port } = board.address() as AddressInfo;
    // The first retry waits a minute, so the link is still waiting on its first attempt while the API is read.
    rig = await startRig({ target: { kind: 'socket', endpoint: { kind: 'tcp', host: '127.0.0.1', port } }, retryDelayMs: 60_000 });
    const viewer = new Viewer(rig.wsUrl);
    expect((await viewer.next(isType('hello'))).link.status).toBe('connected');
    board.close();
    for (const s of sockets) s.destroy();
    const waiting = await viewer.next((m): m is Extract<typeof m, { type: 'link' }> => m.type === 'link' && m.link.status === 'waiting');
    expect(waiting.link).toMatchObject({ target: `tcp:127.0.0.1:${port}`, attempt: 1 });
    expect(await post(rig.base, '/api/stress/run', { command: 'stresstest memory' })).toMatchObject({ status: 503, json: { error: 'link_down' } });
    expect((await get(rig.base, '/api/health')).json.link.status).toBe('waiting');
    viewer.close();
  });
});
