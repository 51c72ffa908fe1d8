import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { openTarget, type TargetSpec } from '../../shell/connect/index.js';
import type { Speed } from '../../shell/connect/kernel-host.js';
import type { HostClock } from '../../uart/index.js';
import { attachTarget } from '../../shell/web/attach.js';
import { createHub, type Hub } from '../../shell/web/hub.js';
import { createDashboardServer } from '../../shell/web/server.js';
import type { AccessOptions } from '../../shell/web/access.js';
import type { WireMessage } from '../../shell/web/wire.js';

export interface Rig {
  base: string;
  wsUrl: string;
  hub: Hub;
  historyPath: string;
  close(): Promise<void>;
}

export interface RigOptions {
  target?: TargetSpec;
  speed?: Speed;
  access?: Partial<AccessOptions>;
  /** The server's clock (the viewers' close on shutdown); default the system clock. */
  serverClock?: HostClock;
  /** The first wait before reconnecting to a target that went away (default 50 ms). */
  retryDelayMs?: number;
}

const ASSETS = join(process.cwd(), 'dist', 'web');

/** `sis dashboard` in process: a real target, the real server on a free loopback port. */
export async function startRig(options: RigOptions = {}): Promise<Rig> {
  const dir = mkdtempSync(join(tmpdir(), 'sis-web-'));
  const historyPath = join(dir, 'history.jsonl');
  const opened = await openTarget({
    target: options.target ?? { kind: 'model', seed: 5n },
    reconnect: true,
    enter: 'cr',
    incomingCr: 'keep',
    defaultSpeed: options.speed ?? 'max',
    initialDelayMs: options.retryDelayMs ?? 50,
  });
  if (!opened.ok) throw new Error(opened.message);
  const attachment = await attachTarget({ connection: opened.connection, version: 'test', historyPath });
  const hub = createHub(attachment);
  const app = await createDashboardServer({
    hub,
    version: 'test',
    assetsDir: ASSETS,
    access: { writeToken: null, readToken: null, loopback: true, ...options.access },
    ...(options.serverClock !== undefined && { clock: options.serverClock }),
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    base: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/events`,
    hub,
    historyPath,
    async close() {
      await app.close();
      hub.close();
      await attachment.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A WebSocket viewer that keeps every message and can wait for one. */
export class Viewer {
  readonly messages: WireMessage[] = [];
  readonly socket: WebSocket;
  readonly opened: Promise<void>;
  private waiters: Array<() => void> = [];

  constructor(url: string, headers: Record<string, string> = {}) {
    this.socket = new WebSocket(url, { headers });
    this.opened = new Promise((resolve, reject) => {
      this.socket.once('open', () => resolve());
      this.socket.once('error', reject);
    });
    this.socket.on('message', (data) => {
      this.messages.push(JSON.parse(String(data)) as WireMessage);
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  /** Resolves with the first message (from `from` on) that matches. */
  async next<T extends WireMessage>(match: (m: WireMessage) => m is T, from = 0, timeoutMs = 20_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (let i = from; ; ) {
      for (; i < this.messages.length; i++) if (match(this.messages[i]!)) return this.messages[i] as T;
      if (Date.now() > deadline) throw new Error(`no matching message in ${this.messages.length}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(0, deadline - Date.now()));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  rawText(): string {
    return this.messages.map((m) => (m.type === 'raw' ? Buffer.from(m.data, 'base64').toString('latin1') : '')).join('');
  }

  close(): void {
    this.socket.close();
  }
}

export const isType =
  <K extends WireMessage['type']>(type: K) =>
  (m: WireMessage): m is Extract<WireMessage, { type: K }> =>
    m.type === type;

export async function post(base: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: any }> {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body: body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}

export async function get(base: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; json: any }> {
  const response = await fetch(`${base}${path}`, { headers });
  return { status: response.status, json: await response.json() };
}
