import { describe, expect, test } from '@jest/globals';
import { formatEndpoint, parseEndpoint, type Endpoint } from '../../uart/endpoint.js';

const ok = (text: string, endpoint: Endpoint): void => {
  expect(parseEndpoint(text)).toEqual({ ok: true, endpoint });
};
const bad = (text: string, message: string): void => {
  expect(parseEndpoint(text)).toEqual({ ok: false, message });
};

describe('parseEndpoint', () => {
  test('tcp with IPv4, hostname, bracketed IPv6 and a bare port', () => {
    ok('tcp:127.0.0.1:4444', { kind: 'tcp', host: '127.0.0.1', port: 4444 });
    ok('tcp:board-7.lab.example:23', { kind: 'tcp', host: 'board-7.lab.example', port: 23 });
    ok('tcp:localhost:65535', { kind: 'tcp', host: 'localhost', port: 65535 });
    ok('tcp:[::1]:5555', { kind: 'tcp', host: '::1', port: 5555 });
    ok('tcp:[fe80::1%eth0]:5555', { kind: 'tcp', host: 'fe80::1%eth0', port: 5555 });
    ok('tcp:4444', { kind: 'tcp', host: '127.0.0.1', port: 4444 });
    ok('TCP:10.0.0.1:1', { kind: 'tcp', host: '10.0.0.1', port: 1 });
  });

  test('unix and device paths', () => {
    ok('unix:/tmp/sis.sock', { kind: 'unix', path: '/tmp/sis.sock' });
    ok('unix:relative.sock', { kind: 'unix', path: 'relative.sock' });
    ok('/dev/ttyUSB0', { kind: 'device', path: '/dev/ttyUSB0' });
    ok('/dev/serial/by-id/usb-FTDI_FT232R-if00-port0', {
      kind: 'device', path: '/dev/serial/by-id/usb-FTDI_FT232R-if00-port0',
    });
    ok('./ttyA', { kind: 'device', path: './ttyA' });
    ok('ttyB', { kind: 'device', path: 'ttyB' });
  });

  test('port 0 only when asked for (listening)', () => {
    bad('tcp:127.0.0.1:0', "invalid endpoint 'tcp:127.0.0.1:0': invalid port '0' (expected 1..65535)");
    expect(parseEndpoint('tcp:127.0.0.1:0', { allowPortZero: true })).toEqual({
      ok: true, endpoint: { kind: 'tcp', host: '127.0.0.1', port: 0 },
    });
    expect(parseEndpoint('tcp:host:70000', { allowPortZero: true })).toEqual({
      ok: false, message: "invalid endpoint 'tcp:host:70000': invalid port '70000' (expected 0..65535)",
    });
  });

  test('malformed input gives one exact message', () => {
    bad('', "invalid endpoint '': empty (expected tcp:HOST:PORT, unix:PATH, rfc2217://HOST:PORT, telnet://HOST:PORT or a device path)");
    bad('udp:1.2.3.4:5', "invalid endpoint 'udp:1.2.3.4:5': unknown scheme 'udp:' (expected tcp:HOST:PORT, unix:PATH, rfc2217://HOST:PORT, telnet://HOST:PORT or a device path)");
    bad('serial:/dev/ttyS0', "invalid endpoint 'serial:/dev/ttyS0': unknown scheme 'serial:' (expected tcp:HOST:PORT, unix:PATH, rfc2217://HOST:PORT, telnet://HOST:PORT or a device path)");
    bad('unix:', "invalid endpoint 'unix:': missing socket path (expected unix:PATH)");
    bad('tcp:', "invalid endpoint 'tcp:': missing host and port (expected tcp:HOST:PORT)");
    bad('tcp:localhost', "invalid endpoint 'tcp:localhost': missing port (expected tcp:HOST:PORT)");
    bad('tcp:localhost:', "invalid endpoint 'tcp:localhost:': missing port (expected tcp:HOST:PORT)");
    bad('tcp::4444', "invalid endpoint 'tcp::4444': missing host (expected tcp:HOST:PORT)");
    bad('tcp:host:abc', "invalid endpoint 'tcp:host:abc': invalid port 'abc' (expected 1..65535)");
    bad('tcp:host:65536', "invalid endpoint 'tcp:host:65536': invalid port '65536' (expected 1..65535)");
    bad('tcp:host:-1', "invalid endpoint 'tcp:host:-1': invalid port '-1' (expected 1..65535)");
    bad('tcp:host:+80', "invalid endpoint 'tcp:host:+80': invalid port '+80' (expected 1..65535)");
    bad('tcp:bad host:80', "invalid endpoint 'tcp:bad host:80': invalid host 'bad host'");
    bad('tcp:::1:4444', "invalid endpoint 'tcp:::1:4444': IPv6 addresses need brackets, e.g. tcp:[::1]:4444");
    bad('tcp:[::1]', "invalid endpoint 'tcp:[::1]': missing port (expected tcp:[ADDRESS]:PORT)");
    bad('tcp:[::1:80', "invalid endpoint 'tcp:[::1:80': unclosed '[' in IPv6 address (expected tcp:[ADDRESS]:PORT)");
    bad('tcp:[nothex]:80', "invalid endpoint 'tcp:[nothex]:80': invalid IPv6 address 'nothex'");
    bad('tcp:[::1]80', "invalid endpoint 'tcp:[::1]80': unexpected '80' after ']' (expected tcp:[ADDRESS]:PORT)");
  });
});

describe('parseEndpoint: telnet servers', () => {
  test('rfc2217:// and telnet:// with a host and a port', () => {
    ok('rfc2217://127.0.0.1:4000', { kind: 'telnet', rfc2217: true, host: '127.0.0.1', port: 4000 });
    ok('RFC2217://lab-ser2net.example:3001/', { kind: 'telnet', rfc2217: true, host: 'lab-ser2net.example', port: 3001 });
    ok('telnet://[::1]:23', { kind: 'telnet', rfc2217: false, host: '::1', port: 23 });
  });

  test('bad URLs get one exact message', () => {
    bad('rfc2217:host:4000', "invalid endpoint 'rfc2217:host:4000': expected rfc2217://HOST:PORT");
    bad('telnet://', "invalid endpoint 'telnet://': missing host and port (expected telnet://HOST:PORT)");
    bad('telnet://4000', "invalid endpoint 'telnet://4000': missing host (expected telnet://HOST:PORT)");
    bad('rfc2217://host', "invalid endpoint 'rfc2217://host': missing port (expected rfc2217://HOST:PORT)");
    bad('rfc2217://host:0', "invalid endpoint 'rfc2217://host:0': invalid port '0' (expected 1..65535)");
    bad('rfc2217://host:4000/ttyS0', "invalid endpoint 'rfc2217://host:4000/ttyS0': unexpected path or query after the port (expected rfc2217://HOST:PORT)");
    bad('telnet://::1:23', "invalid endpoint 'telnet://::1:23': IPv6 addresses need brackets, e.g. telnet://[::1]:23");
    bad('rfc2217://[::1', "invalid endpoint 'rfc2217://[::1': unclosed '[' in IPv6 address (expected rfc2217://[ADDRESS]:PORT)");
  });
});

describe('formatEndpoint', () => {
  test('round-trips through parseEndpoint', () => {
    for (const text of ['tcp:127.0.0.1:4444', 'tcp:[::1]:5555', 'tcp:example.org:23', 'unix:/tmp/x.sock', '/dev/ttyACM0',
      'rfc2217://127.0.0.1:4000', 'telnet://[::1]:23']) {
      const parsed = parseEndpoint(text);
      if (!parsed.ok) throw new Error(parsed.message);
      expect(formatEndpoint(parsed.endpoint)).toBe(text);
    }
    expect(formatEndpoint({ kind: 'tcp', host: '127.0.0.1', port: 0 })).toBe('tcp:127.0.0.1:0');
  });
});
