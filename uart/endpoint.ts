import { isIP } from 'node:net';

/**
 * The one endpoint syntax used by every command-line option and config value:
 * `tcp:HOST:PORT` (IPv4, hostname or `[IPv6]`), `tcp:PORT` (host 127.0.0.1), `unix:PATH`,
 * or anything else as a device path (`/dev/ttyUSB0`, `./ttyA`).
 */
export type Endpoint = TcpEndpoint | UnixEndpoint | DeviceEndpoint;

export interface TcpEndpoint {
  readonly kind: 'tcp';
  /** Hostname or IP address, without brackets. */
  readonly host: string;
  readonly port: number;
}

export interface UnixEndpoint {
  readonly kind: 'unix';
  readonly path: string;
}

export interface DeviceEndpoint {
  readonly kind: 'device';
  readonly path: string;
}

export type EndpointParse =
  | { readonly ok: true; readonly endpoint: Endpoint }
  | { readonly ok: false; readonly message: string };

export interface ParseEndpointOptions {
  /** Accept `tcp:HOST:0` (listen on a port the system picks). Default false. */
  readonly allowPortZero?: boolean;
}

export const DEFAULT_TCP_HOST = '127.0.0.1';

const EXPECTED = 'expected tcp:HOST:PORT, unix:PATH or a device path';
const HOSTNAME = /^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*\.?$/;
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;

export function parseEndpoint(text: string, options: ParseEndpointOptions = {}): EndpointParse {
  const fail = (reason: string): EndpointParse => ({
    ok: false,
    message: `invalid endpoint '${text}': ${reason}`,
  });
  if (text.length === 0) return fail(`empty (${EXPECTED})`);
  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  if (scheme === 'unix') {
    const path = text.slice('unix:'.length);
    if (path.length === 0) return fail('missing socket path (expected unix:PATH)');
    return { ok: true, endpoint: { kind: 'unix', path } };
  }
  if (scheme === 'tcp') {
    const tcp = parseTcp(text.slice('tcp:'.length), options.allowPortZero ?? false);
    return typeof tcp === 'string' ? fail(tcp) : { ok: true, endpoint: tcp };
  }
  if (scheme !== undefined) return fail(`unknown scheme '${scheme}:' (${EXPECTED})`);
  return { ok: true, endpoint: { kind: 'device', path: text } };
}

function parseTcp(rest: string, allowPortZero: boolean): TcpEndpoint | string {
  let host: string;
  let portText: string;
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close < 0) return "unclosed '[' in IPv6 address (expected tcp:[ADDRESS]:PORT)";
    host = rest.slice(1, close);
    const after = rest.slice(close + 1);
    if (after.length === 0) return 'missing port (expected tcp:[ADDRESS]:PORT)';
    if (!after.startsWith(':')) return `unexpected '${after}' after ']' (expected tcp:[ADDRESS]:PORT)`;
    portText = after.slice(1);
    if (isIP(host) !== 6) return `invalid IPv6 address '${host}'`;
  } else {
    const colon = rest.lastIndexOf(':');
    if (colon < 0) {
      if (/^\d+$/.test(rest)) return withPort(DEFAULT_TCP_HOST, rest, allowPortZero);
      if (rest.length === 0) return 'missing host and port (expected tcp:HOST:PORT)';
      return 'missing port (expected tcp:HOST:PORT)';
    }
    host = rest.slice(0, colon);
    portText = rest.slice(colon + 1);
    if (host.includes(':')) return `IPv6 addresses need brackets, e.g. tcp:[${host}]:${portText}`;
    if (host.length === 0) return 'missing host (expected tcp:HOST:PORT)';
    if (isIP(host) === 0 && !HOSTNAME.test(host)) return `invalid host '${host}'`;
  }
  return withPort(host, portText, allowPortZero);
}

function withPort(host: string, portText: string, allowPortZero: boolean): TcpEndpoint | string {
  const range = allowPortZero ? '0..65535' : '1..65535';
  if (portText.length === 0) return 'missing port (expected tcp:HOST:PORT)';
  const port = /^\d{1,5}$/.test(portText) ? Number(portText) : NaN;
  if (!(port >= (allowPortZero ? 0 : 1) && port <= 65535)) {
    return `invalid port '${portText}' (expected ${range})`;
  }
  return { kind: 'tcp', host, port };
}

/** The canonical text of an endpoint; `parseEndpoint(formatEndpoint(e))` gives `e` back. */
export function formatEndpoint(endpoint: Endpoint): string {
  switch (endpoint.kind) {
    case 'tcp':
      return isIP(endpoint.host) === 6
        ? `tcp:[${endpoint.host}]:${endpoint.port}`
        : `tcp:${endpoint.host}:${endpoint.port}`;
    case 'unix':
      return `unix:${endpoint.path}`;
    case 'device':
      return endpoint.path;
  }
}
