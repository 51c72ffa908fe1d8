import { isIP } from 'node:net';

/**
 * The one endpoint syntax used by every command-line option and config value:
 * `tcp:HOST:PORT` (IPv4, hostname or `[IPv6]`), `tcp:PORT` (host 127.0.0.1), `unix:PATH`,
 * `rfc2217://HOST:PORT` and `telnet://HOST:PORT` (a telnet server; with RFC 2217 line control),
 * or anything else as a device path (`/dev/ttyUSB0`, `./ttyA`).
 */
export type Endpoint = TcpEndpoint | UnixEndpoint | DeviceEndpoint | TelnetEndpoint;

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

/** A telnet server (RFC 854); `rfc2217` also negotiates COM-PORT-OPTION for line control. */
export interface TelnetEndpoint {
  readonly kind: 'telnet';
  readonly rfc2217: boolean;
  readonly host: string;
  readonly port: number;
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

const EXPECTED = 'expected tcp:HOST:PORT, unix:PATH, rfc2217://HOST:PORT, telnet://HOST:PORT or a device path';
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
  if (scheme === 'rfc2217' || scheme === 'telnet') {
    const telnet = parseTelnet(text.slice(scheme.length + 1), scheme);
    return typeof telnet === 'string' ? fail(telnet) : { ok: true, endpoint: telnet };
  }
  if (scheme !== undefined) return fail(`unknown scheme '${scheme}:' (${EXPECTED})`);
  return { ok: true, endpoint: { kind: 'device', path: text } };
}

function parseTelnet(rest: string, scheme: 'rfc2217' | 'telnet'): TelnetEndpoint | string {
  const form = `${scheme}://HOST:PORT`;
  if (!rest.startsWith('//')) return `expected ${form}`;
  const hostPort = rest.slice(2).replace(/\/$/, '');
  if (/[/?#]/.test(hostPort)) return `unexpected path or query after the port (expected ${form})`;
  if (hostPort.length === 0) return `missing host and port (expected ${form})`;
  if (!hostPort.startsWith('[') && /^\d+$/.test(hostPort)) return `missing host (expected ${form})`;
  const tcp = parseTcp(hostPort, false, `${scheme}://`);
  if (typeof tcp === 'string') return tcp;
  return { kind: 'telnet', rfc2217: scheme === 'rfc2217', host: tcp.host, port: tcp.port };
}

function parseTcp(rest: string, allowPortZero: boolean, prefix = 'tcp:'): TcpEndpoint | string {
  let host: string;
  let portText: string;
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    if (close < 0) return `unclosed '[' in IPv6 address (expected ${prefix}[ADDRESS]:PORT)`;
    host = rest.slice(1, close);
    const after = rest.slice(close + 1);
    if (after.length === 0) return `missing port (expected ${prefix}[ADDRESS]:PORT)`;
    if (!after.startsWith(':')) return `unexpected '${after}' after ']' (expected ${prefix}[ADDRESS]:PORT)`;
    portText = after.slice(1);
    if (isIP(host) !== 6) return `invalid IPv6 address '${host}'`;
  } else {
    const colon = rest.lastIndexOf(':');
    if (colon < 0) {
      if (/^\d+$/.test(rest)) return withPort(DEFAULT_TCP_HOST, rest, allowPortZero, prefix);
      if (rest.length === 0) return `missing host and port (expected ${prefix}HOST:PORT)`;
      return `missing port (expected ${prefix}HOST:PORT)`;
    }
    host = rest.slice(0, colon);
    portText = rest.slice(colon + 1);
    if (host.includes(':')) return `IPv6 addresses need brackets, e.g. ${prefix}[${host}]:${portText}`;
    if (host.length === 0) return `missing host (expected ${prefix}HOST:PORT)`;
    if (isIP(host) === 0 && !HOSTNAME.test(host)) return `invalid host '${host}'`;
  }
  return withPort(host, portText, allowPortZero, prefix);
}

function withPort(host: string, portText: string, allowPortZero: boolean, prefix: string): TcpEndpoint | string {
  const range = allowPortZero ? '0..65535' : '1..65535';
  if (portText.length === 0) return `missing port (expected ${prefix}HOST:PORT)`;
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
    case 'telnet': {
      const host = isIP(endpoint.host) === 6 ? `[${endpoint.host}]` : endpoint.host;
      return `${endpoint.rfc2217 ? 'rfc2217' : 'telnet'}://${host}:${endpoint.port}`;
    }
  }
}
