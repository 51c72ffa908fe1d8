import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { formatEndpoint, type Endpoint, type TcpEndpoint, type UnixEndpoint } from './endpoint.js';
import type { PortError } from './port.js';
import { socketErrorToPortError } from './socket-errors.js';
import { prepareUnixSocketPath } from './unix-socket-path.js';

/** How a turned-away client's one line starts; clients take it as a refused connection. */
export const BUSY_PREFIX = 'sis: port busy';

/** The line a turned-away client gets: who holds the line, and for how long (whole seconds). */
export function busyLine(holder: string, heldMs: number): string {
  return `${BUSY_PREFIX} (held by ${holder} for ${Math.floor(heldMs / 1000)} s)\r\n`;
}

export type ServerEvent =
  | { readonly type: 'client-connected'; readonly client: string; readonly via: string }
  | { readonly type: 'client-disconnected'; readonly client: string }
  | { readonly type: 'client-rejected'; readonly client: string; readonly holder: string }
  /** The active client sent nothing for `idleTimeoutMs` and was disconnected. */
  | { readonly type: 'client-idle'; readonly client: string; readonly idleMs: number };

export interface SocketServerOptions {
  /** tcp: and unix: endpoints to listen on. A tcp port of 0 picks a free port (see `addresses`). */
  readonly listen: readonly (TcpEndpoint | UnixEndpoint)[];
  /** Bytes typed by the active client, for the device. */
  readonly onClientData: (bytes: Uint8Array) => void;
  readonly onEvent?: (event: ServerEvent) => void;
  /** Bytes queued for a client that is not reading beyond this are dropped. Default 1 MiB. */
  readonly maxQueuedBytes?: number;
  /** A client that sends nothing this long is disconnected, freeing the line. Default: never. */
  readonly idleTimeoutMs?: number;
}

export interface SocketServer {
  /** Where the server actually listens, e.g. `tcp:127.0.0.1:40123`, `unix:/tmp/sis.sock`. */
  readonly addresses: readonly string[];
  /** The active client (`127.0.0.1:51234`, or the unix: address), if one is connected. */
  readonly client: string | undefined;
  /** Device output dropped because no client was connected or the client was not reading. */
  readonly droppedBytes: number;
  /** Send device output to the active client. */
  broadcast(bytes: Uint8Array): void;
  /** Stop listening, disconnect the client and remove unix socket files. */
  close(): Promise<void>;
}

export type SocketServerResult =
  | { readonly ok: true; readonly server: SocketServer }
  | { readonly ok: false; readonly error: PortError };

/**
 * Serves one device-side byte stream, like ser2net or QEMU's `-serial tcp:…,server`: one client
 * at a time owns the line (reads the output, types the input). A second client gets the one line
 * `busyLine(holder, held)` and is closed, so two people never type into one console unknowingly. The device
 * keeps running between clients; its output while nobody is connected is dropped, as on a real
 * line with nothing attached.
 */
export async function createSocketServer(options: SocketServerOptions): Promise<SocketServerResult> {
  const maxQueued = options.maxQueuedBytes ?? 1024 * 1024;
  const servers: Server[] = [];
  const addresses: string[] = [];
  const sockets = new Set<Socket>();
  let active: { socket: Socket; name: string; since: number } | undefined;
  let droppedBytes = 0;

  const onConnection = (socket: Socket, via: string): void => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    const name = socket.remoteAddress !== undefined ? `${socket.remoteAddress}:${socket.remotePort}` : via;
    if (active !== undefined) {
      options.onEvent?.({ type: 'client-rejected', client: name, holder: active.name });
      socket.end(busyLine(active.name, Date.now() - active.since));
      setTimeout(() => socket.destroy(), 1000).unref();
      return;
    }
    const entry = { socket, name, since: Date.now() };
    active = entry;
    if (socket.remoteAddress !== undefined) socket.setNoDelay(true);
    const idleMs = options.idleTimeoutMs;
    let idleTimer: ReturnType<typeof setTimeout> | undefined;
    const armIdle = (): void => {
      if (idleMs === undefined) return;
      clearTimeout(idleTimer);
      idleTimer = setTimeout(() => {
        if (active !== entry) return;
        // The line is free at once: the next client must not be turned away while this one closes.
        active = undefined;
        options.onEvent?.({ type: 'client-idle', client: name, idleMs });
        socket.destroy();
      }, idleMs);
    };
    armIdle();
    socket.on('data', (chunk: Buffer) => {
      if (active !== entry || chunk.length === 0) return;
      armIdle();
      options.onClientData(chunk);
    });
    socket.on('close', () => {
      clearTimeout(idleTimer);
      if (active !== entry) return;
      active = undefined;
      options.onEvent?.({ type: 'client-disconnected', client: name });
    });
    options.onEvent?.({ type: 'client-connected', client: name, via });
  };

  const closeAll = async (): Promise<void> => {
    for (const socket of sockets) socket.destroy();
    await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
  };

  for (const endpoint of options.listen) {
    const bound = await listenOn(endpoint, onConnection);
    if (!bound.ok) {
      await closeAll();
      return bound;
    }
    servers.push(bound.server);
    addresses.push(bound.address);
  }

  let closing: Promise<void> | undefined;
  const server: SocketServer = {
    addresses,
    get client() {
      return active?.name;
    },
    get droppedBytes() {
      return droppedBytes;
    },
    broadcast(bytes) {
      if (bytes.length === 0) return;
      const socket = active?.socket;
      if (socket === undefined || closing !== undefined || socket.writableLength + bytes.length > maxQueued) {
        droppedBytes += bytes.length;
        return;
      }
      socket.write(Buffer.from(bytes));
    },
    close() {
      closing ??= closeAll();
      return closing;
    },
  };
  return { ok: true, server };
}

type Bound = { ok: true; server: Server; address: string } | { ok: false; error: PortError };

async function listenOn(
  endpoint: TcpEndpoint | UnixEndpoint,
  onConnection: (socket: Socket, via: string) => void,
): Promise<Bound> {
  const description = formatEndpoint(endpoint);
  if (endpoint.kind === 'unix') {
    const prepared = await prepareUnixSocketPath(endpoint.path);
    if (prepared !== undefined) return { ok: false, error: prepared };
  }
  const server = createServer();
  return new Promise<Bound>((resolve) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const mapped = socketErrorToPortError(`cannot listen on ${description}`, error,
        endpoint.kind === 'tcp' ? endpoint.host : undefined);
      resolve({ ok: false, error: mapped });
    });
    const onListening = (): void => {
      const address = server.address();
      const actual: Endpoint = endpoint.kind === 'tcp' && address !== null && typeof address === 'object'
        ? { kind: 'tcp', host: endpoint.host, port: (address as AddressInfo).port }
        : endpoint;
      const via = formatEndpoint(actual);
      server.on('connection', (socket) => onConnection(socket, via));
      server.on('error', () => {});
      resolve({ ok: true, server, address: via });
    };
    if (endpoint.kind === 'tcp') server.listen({ host: endpoint.host, port: endpoint.port }, onListening);
    else server.listen({ path: endpoint.path }, onListening);
  });
}
