import type { Server, Socket } from 'node:net';
import { busyLine } from './busy-line.js';
import { systemClock, type HostClock } from './host-clock.js';
import type { TcpEndpoint, UnixEndpoint } from './endpoint.js';
import type { PortError } from './port.js';
import { listenOn } from './socket-listen.js';

export type ServerEvent =
  | { readonly type: 'client-connected'; readonly client: string; readonly via: string }
  | { readonly type: 'client-disconnected'; readonly client: string }
  /** Every place was taken: `holders` are the clients connected, oldest first. */
  | { readonly type: 'client-rejected'; readonly client: string; readonly holders: readonly string[] }
  /** The client sent nothing for `idleTimeoutMs` and was disconnected. */
  | { readonly type: 'client-idle'; readonly client: string; readonly idleMs: number };

export interface SocketServerOptions {
  /** tcp: and unix: endpoints to listen on. A tcp port of 0 picks a free port (see `addresses`). */
  readonly listen: readonly (TcpEndpoint | UnixEndpoint)[];
  /** Bytes typed by any connected client, for the device. */
  readonly onClientData: (bytes: Uint8Array) => void;
  readonly onEvent?: (event: ServerEvent) => void;
  /** Clients connected at once; each sees all output and may type. Default 1. */
  readonly maxClients?: number;
  /** Bytes queued for a client that is not reading beyond this are dropped. Default 1 MiB. */
  readonly maxQueuedBytes?: number;
  /** A client that sends nothing this long is disconnected, freeing its place. Default: never. */
  readonly idleTimeoutMs?: number;
  /** Timers run on it; default the system clock. */
  readonly clock?: HostClock;
}

export interface SocketServer {
  /** Where the server actually listens, e.g. `tcp:127.0.0.1:40123`, `unix:/tmp/sis.sock`. */
  readonly addresses: readonly string[];
  /** The connected clients (`127.0.0.1:51234`, or the unix: address), oldest first. */
  readonly clients: readonly string[];
  /**
   * Device output that did not reach a client: counted once while nobody is connected, and once
   * for each client that was not reading.
   */
  readonly droppedBytes: number;
  /** Send device output to every connected client. */
  broadcast(bytes: Uint8Array): void;
  /** Send bytes to one client only (a prompt shown to a late client); false if it is gone. */
  sendTo(client: string, bytes: Uint8Array): boolean;
  /** Stop listening, disconnect the clients and remove unix socket files. */
  close(): Promise<void>;
}

export type SocketServerResult =
  | { readonly ok: true; readonly server: SocketServer }
  | { readonly ok: false; readonly error: PortError };

interface Client {
  readonly socket: Socket;
  readonly name: string;
  readonly since: number;
}

/**
 * Serves one device-side byte stream, like ser2net (`max-connections`) or QEMU's
 * `-serial tcp:…,server`: up to `maxClients` clients hold the line at once; each reads all the
 * output and may type. One more gets the one line `busyLine(holders)` and is closed, so nobody
 * types into a console shared with more people than the server was told to allow. The device
 * keeps running between clients; its output while nobody is connected is dropped, as on a real
 * line with nothing attached.
 */
export async function createSocketServer(options: SocketServerOptions): Promise<SocketServerResult> {
  const maxQueued = options.maxQueuedBytes ?? 1024 * 1024;
  const maxClients = options.maxClients ?? 1;
  const clock = options.clock ?? systemClock;
  const servers: Server[] = [];
  const addresses: string[] = [];
  const sockets = new Set<Socket>();
  const clients: Client[] = [];
  let droppedBytes = 0;
  let closing: Promise<void> | undefined;

  const release = (entry: Client): boolean => {
    const at = clients.indexOf(entry);
    if (at < 0) return false;
    clients.splice(at, 1);
    return true;
  };
  /** Unix clients have no address of their own: the second one at once is `unix:PATH#2`. */
  const uniqueName = (name: string): string => {
    let unique = name;
    for (let n = 2; clients.some((c) => c.name === unique); n++) unique = `${name}#${n}`;
    return unique;
  };
  const send = (entry: Client, bytes: Uint8Array): void => {
    if (entry.socket.writableLength + bytes.length > maxQueued) {
      droppedBytes += bytes.length;
      return;
    }
    entry.socket.write(Buffer.from(bytes));
  };

  const onConnection = (socket: Socket, via: string): void => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    const address = socket.remoteAddress !== undefined ? `${socket.remoteAddress}:${socket.remotePort}` : via;
    if (clients.length >= maxClients) {
      const now = clock.now();
      options.onEvent?.({ type: 'client-rejected', client: address, holders: clients.map((c) => c.name) });
      socket.end(busyLine(clients.map((c) => ({ name: c.name, heldMs: now - c.since }))));
      clock.setTimer(() => socket.destroy(), 1000, { background: true });
      return;
    }
    const entry: Client = { socket, name: uniqueName(address), since: clock.now() };
    const { name } = entry;
    clients.push(entry);
    if (socket.remoteAddress !== undefined) socket.setNoDelay(true);
    const idleMs = options.idleTimeoutMs;
    let idleTimer: unknown;
    const stopIdle = (): void => {
      if (idleTimer !== undefined) clock.clearTimer(idleTimer);
      idleTimer = undefined;
    };
    const armIdle = (): void => {
      if (idleMs === undefined) return;
      stopIdle();
      idleTimer = clock.setTimer(() => {
        // The place is free at once: the next client must not be turned away while this one closes.
        if (!release(entry)) return;
        options.onEvent?.({ type: 'client-idle', client: name, idleMs });
        socket.destroy();
      }, idleMs);
    };
    armIdle();
    socket.on('data', (chunk: Buffer) => {
      if (!clients.includes(entry) || chunk.length === 0) return;
      armIdle();
      options.onClientData(chunk);
    });
    socket.on('close', () => {
      stopIdle();
      if (release(entry)) options.onEvent?.({ type: 'client-disconnected', client: name });
    });
    options.onEvent?.({ type: 'client-connected', client: name, via });
  };

  const closeAll = async (): Promise<void> => {
    for (const socket of sockets) socket.destroy();
    await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
  };

  for (const endpoint of options.listen) {
    const bound = await listenOn(endpoint, onConnection, clock);
    if (!bound.ok) {
      await closeAll();
      return bound;
    }
    servers.push(bound.server);
    addresses.push(bound.address);
  }

  const server: SocketServer = {
    addresses,
    get clients() {
      return clients.map((c) => c.name);
    },
    get droppedBytes() {
      return droppedBytes;
    },
    broadcast(bytes) {
      if (bytes.length === 0) return;
      if (clients.length === 0 || closing !== undefined) {
        droppedBytes += bytes.length;
        return;
      }
      for (const entry of clients) send(entry, bytes);
    },
    sendTo(client, bytes) {
      const entry = clients.find((c) => c.name === client);
      if (entry === undefined || closing !== undefined) return false;
      if (bytes.length > 0) send(entry, bytes);
      return true;
    },
    close() {
      closing ??= closeAll();
      return closing;
    },
  };
  return { ok: true, server };
}
