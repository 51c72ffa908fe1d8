import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { formatEndpoint, type Endpoint, type TcpEndpoint, type UnixEndpoint } from './endpoint.js';
import { systemClock, type HostClock } from './host-clock.js';
import type { PortError } from './port.js';
import { socketErrorToPortError } from './socket-errors.js';
import { prepareUnixSocketPath } from './unix-socket-path.js';

export type Bound = { ok: true; server: Server; address: string } | { ok: false; error: PortError };

/**
 * Listens on one tcp: or unix: endpoint (a stale unix socket file is replaced); `address` is where
 * it really listens (the bound port when 0 was asked). Each connection goes to `onConnection`.
 */
export async function listenOn(
  endpoint: TcpEndpoint | UnixEndpoint,
  onConnection: (socket: Socket, via: string) => void,
  clock: HostClock = systemClock,
): Promise<Bound> {
  const description = formatEndpoint(endpoint);
  if (endpoint.kind === 'unix') {
    const prepared = await prepareUnixSocketPath(endpoint.path, clock);
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
