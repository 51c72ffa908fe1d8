import { timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';

export interface AccessOptions {
  /** Grants everything: reading, runs, cancelling, typing at the web terminal. */
  writeToken: string | null;
  /** Grants reading only (the web terminal is read-only). */
  readToken: string | null;
  /** Whether the server listens on a loopback address only. */
  loopback: boolean;
}

export type Grant = 'write' | 'read';

export type AccessCheck =
  | { ok: true; grant: Grant }
  | { ok: false; status: 401 | 403; code: 'unauthorized' | 'forbidden_origin' | 'forbidden_host'; message: string };

export interface RequestFacts {
  method: string;
  host: string | undefined;
  origin: string | undefined;
  secFetchSite: string | undefined;
  authorization: string | undefined;
  queryToken: string | undefined;
  cookieToken: string | undefined;
  upgrade: boolean;
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export function isLoopbackHost(host: string): boolean {
  if (LOOPBACK_NAMES.has(host)) return true;
  return isIP(host) === 4 && host.startsWith('127.');
}

function hostName(host: string): string {
  return host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.replace(/:\d+$/, '');
}

function presentedToken(facts: RequestFacts): string | undefined {
  const bearer = /^Bearer\s+(\S+)$/i.exec(facts.authorization ?? '');
  return bearer?.[1] ?? facts.queryToken ?? facts.cookieToken;
}

/**
 * The dashboard's access rule. Without tokens (loopback only) every local client may write.
 * With tokens every request and WebSocket upgrade must present one (`Authorization: Bearer`,
 * `?token=`, or the cookie the page sets). A loopback server only answers to loopback host
 * names (no DNS rebinding). POSTs and WebSocket upgrades from a browser must be same-origin.
 */
export function checkAccess(options: AccessOptions, facts: RequestFacts): AccessCheck {
  if (options.loopback && (facts.host === undefined || !isLoopbackHost(hostName(facts.host)))) {
    return { ok: false, status: 403, code: 'forbidden_host', message: `host '${facts.host ?? ''}' is not a loopback name` };
  }
  if (facts.method === 'POST' || facts.upgrade) {
    const crossOrigin =
      (facts.origin !== undefined && facts.origin !== `http://${facts.host}`) ||
      (facts.secFetchSite !== undefined && facts.secFetchSite !== 'same-origin' && facts.secFetchSite !== 'none');
    if (crossOrigin) {
      return { ok: false, status: 403, code: 'forbidden_origin', message: `cross-origin request from '${facts.origin ?? facts.secFetchSite}'` };
    }
  }
  if (options.writeToken === null && options.readToken === null) return { ok: true, grant: 'write' };
  const token = presentedToken(facts);
  if (sameToken(token, options.writeToken)) return { ok: true, grant: 'write' };
  if (sameToken(token, options.readToken)) return { ok: true, grant: 'read' };
  return { ok: false, status: 401, code: 'unauthorized', message: token === undefined ? 'a token is required' : 'wrong token' };
}

function sameToken(given: string | undefined, expected: string | null): boolean {
  if (given === undefined || expected === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
