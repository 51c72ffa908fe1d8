import { describe, expect, test } from '@jest/globals';
import { parseCliArgs } from '../../../shell/cli/console-args.js';
import { parseServeArgs } from '../../../shell/cli/serve-args.js';

const connect = (...argv: string[]) => {
  const parsed = parseCliArgs(argv);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.options.connect;
};
const error = (...argv: string[]): string => {
  const parsed = parseCliArgs(argv);
  if (parsed.ok) throw new Error(`accepted ${argv.join(' ')}`);
  return parsed.message;
};

describe('choosing the other end', () => {
  test('nothing is the embedded model, unpaced, reconnecting, CR for Enter, CRs kept, no log', () => {
    expect(connect()).toEqual({
      target: { kind: 'model' }, reconnect: true, enter: 'cr', incomingCr: 'keep', lineFlags: { breakMs: 250 },
    });
  });

  test('the model takes --seed, --speed and, to pace its UART, the frame flags', () => {
    expect(connect('--seed', '5', '--speed', 'max').target).toEqual({ kind: 'model', seed: 5n, speed: 'max' });
    expect(connect('--baud', '9600').target).toEqual({ kind: 'model', line: { baudRate: 9600 } });
    expect(connect('--parity', 'even', '--stopbits', '2').target).toEqual({
      kind: 'model',
      line: { parity: 'even', stopBits: 2 },
    });
  });

  test('tcp: and unix: as the positional target or after --device', () => {
    const tcp = { kind: 'socket', endpoint: { kind: 'tcp', host: '127.0.0.1', port: 4444 } };
    expect(connect('tcp:127.0.0.1:4444').target).toEqual(tcp);
    expect(connect('--device', 'tcp:127.0.0.1:4444').target).toEqual(tcp);
    expect(connect('tcp:[::1]:5555').target).toEqual({ kind: 'socket', endpoint: { kind: 'tcp', host: '::1', port: 5555 } });
    expect(connect('unix:/tmp/sis.sock').target).toEqual({ kind: 'socket', endpoint: { kind: 'unix', path: '/tmp/sis.sock' } });
  });

  test('a device path with its line settings', () => {
    expect(connect('/dev/ttyUSB0', '--baud', '9600', '--databits', '7', '--parity', 'odd', '--stopbits', '1.5',
      '--flow', 'rtscts').target).toEqual({
      kind: 'device',
      path: '/dev/ttyUSB0',
      line: { baudRate: 9600, dataBits: 7, parity: 'odd', stopBits: 1.5, flow: 'rtscts' },
    });
    expect(connect('--device', './ttyB').target).toEqual({ kind: 'device', path: './ttyB', line: {} });
  });

  test('rfc2217:// takes the line flags (asked of the server); telnet:// is a plain stream', () => {
    expect(connect('rfc2217://127.0.0.1:4000', '--baud', '9600', '--flow', 'rtscts').target).toEqual({
      kind: 'telnet',
      endpoint: { kind: 'telnet', rfc2217: true, host: '127.0.0.1', port: 4000 },
      line: { baudRate: 9600, flow: 'rtscts' },
    });
    expect(connect('--device', 'telnet://lab:23').target).toEqual({
      kind: 'telnet', endpoint: { kind: 'telnet', rfc2217: false, host: 'lab', port: 23 }, line: {},
    });
  });

  test('--break-ms, --dtr-pulse and --send', () => {
    expect(connect('/dev/ttyUSB0', '--break-ms', '500', '--dtr-pulse', '100', '--send', 'fw.hex').lineFlags).toEqual({
      breakMs: 500, dtrPulseMs: 100, sendFile: 'fw.hex',
    });
    expect(connect('--dtr-pulse', '20').lineFlags).toEqual({ breakMs: 250, dtrPulseMs: 20 });
  });

  test('reconnect, line endings and the log', () => {
    expect(connect('/dev/ttyS1', '--no-reconnect', '--enter', 'crlf', '--incoming-cr', 'to-lf', '--log', 'x.log',
      '--log-append', '--log-timestamps', 'delta', '--log-strip')).toEqual({
      target: { kind: 'device', path: '/dev/ttyS1', line: {} },
      reconnect: false,
      enter: 'crlf',
      incomingCr: 'to-lf',
      lineFlags: { breakMs: 250 },
      log: { path: 'x.log', append: true, strip: true, timestamps: 'delta' },
    });
    expect(connect('--log', 'y.log').log).toEqual({ path: 'y.log', append: false, strip: false });
  });
});

describe('one line for the first problem', () => {
  test.each([
    [['a', 'b'], "unexpected argument 'b' (give one target)"],
    [['/dev/ttyS0', '--device', '/dev/ttyS1'], "two targets given ('/dev/ttyS0' and --device '/dev/ttyS1'): give one"],
    [['tcp:localhost'], "invalid endpoint 'tcp:localhost': missing port (expected tcp:HOST:PORT)"],
    [['tcp:127.0.0.1:0'], "invalid endpoint 'tcp:127.0.0.1:0': invalid port '0' (expected 1..65535)"],
    [['serial:/dev/x'], "invalid endpoint 'serial:/dev/x': unknown scheme 'serial:' (expected tcp:HOST:PORT, unix:PATH, rfc2217://HOST:PORT, telnet://HOST:PORT or a device path)"],
    [['--baud', '0'], "--baud: invalid value '0' (expected an integer 1..16000000)"],
    [['--baud', 'fast'], "--baud: invalid value 'fast' (expected an integer 1..16000000)"],
    [['--databits', '9'], "--databits: invalid value '9' (expected 5, 6, 7 or 8)"],
    [['--parity', 'e'], "--parity: invalid value 'e' (expected none, even, odd, mark or space)"],
    [['--stopbits', '3'], "--stopbits: invalid value '3' (expected 1, 1.5 or 2)"],
    [['--enter', 'nl'], "--enter: invalid value 'nl' (expected cr, lf or crlf)"],
    [['--incoming-cr', 'lf'], "--incoming-cr: invalid value 'lf' (expected keep, drop or to-lf)"],
    [['--log', 'x', '--log-timestamps', 'utc'], "--log-timestamps: invalid value 'utc' (expected iso, relative or delta)"],
    [['--log-append'], '--log-append needs --log FILE'],
    [['--log-strip'], '--log-strip needs --log FILE'],
    [['--log', ''], '--log: empty file name'],
    [['--flow', 'rtscts'], '--flow applies only to serial devices (give --device PATH)'],
    [['tcp:127.0.0.1:4444', '--seed', '1'], '--seed applies only to the embedded kernel model, not to tcp:127.0.0.1:4444'],
    [['/dev/ttyS0', '--speed', 'max'], '--speed applies only to the embedded kernel model, not to /dev/ttyS0'],
    [['unix:/tmp/s', '--baud', '9600'],
      '--baud applies to serial devices, rfc2217:// servers and the embedded model, not to unix:/tmp/s (a plain byte stream has no line control)'],
    [['telnet://lab:23', '--dtr-pulse', '50'],
      '--dtr-pulse applies to serial devices, rfc2217:// servers and the embedded model, not to telnet://lab:23 (a plain byte stream has no line control)'],
    [['tcp:lab:23', '--break-ms', '50'],
      '--break-ms applies to serial devices, rfc2217:// servers and the embedded model, not to tcp:lab:23 (a plain byte stream has no line control)'],
    [['--break-ms', '0'], "--break-ms: invalid value '0' (expected milliseconds 1..10000)"],
    [['--dtr-pulse', '1e3'], "--dtr-pulse: invalid value '1e3' (expected milliseconds 1..10000)"],
    [['--send', ''], '--send: empty file name'],
    [['rfc2217://lab'], "invalid endpoint 'rfc2217://lab': missing port (expected rfc2217://HOST:PORT)"],
    [['--bauds', '9600'], "unknown option '--bauds' (did you mean --baud?)"],
    [['--no-reconnect=yes'], "option '--no-reconnect' takes no value"],
  ])('%j', (argv, message) => {
    expect(error(...argv)).toBe(message);
  });
});

describe('sis serve arguments', () => {
  const serve = (...argv: string[]) => {
    const parsed = parseServeArgs(argv);
    if (!parsed.ok) throw new Error(parsed.message);
    return parsed.options;
  };
  const serveError = (...argv: string[]): string => {
    const parsed = parseServeArgs(argv);
    if (parsed.ok) throw new Error(`accepted ${argv.join(' ')}`);
    return parsed.message;
  };

  test('--listen is repeatable, loopback by default, port 0 allowed; realtime by default', () => {
    expect(serve('--listen', 'tcp:0', '--listen', 'unix:/tmp/s.sock', '--listen', '4444', '--listen', 'tcp:0.0.0.0:23')).toEqual({
      on: {
        kind: 'listen',
        endpoints: [
          { kind: 'tcp', host: '127.0.0.1', port: 0 },
          { kind: 'unix', path: '/tmp/s.sock' },
          { kind: 'tcp', host: '127.0.0.1', port: 4444 },
          { kind: 'tcp', host: '0.0.0.0', port: 23 },
        ],
      },
      speed: 'realtime',
      maxClients: 1,
      help: false,
    });
  });

  test('--max-clients lets several clients hold the line; one by default', () => {
    expect(serve('--listen', 'tcp:0', '--max-clients', '2').maxClients).toBe(2);
    expect(serve('--listen', 'tcp:0', '--max-clients', '64').maxClients).toBe(64);
    expect(serve('--listen', 'tcp:0').maxClients).toBe(1);
  });

  test('--device with line settings; any frame flag paces the model', () => {
    expect(serve('--device', '/tmp/x/ttyA', '--baud', '9600', '--seed', '7', '--speed', 'max', '--no-reconnect')).toEqual({
      on: { kind: 'device', path: '/tmp/x/ttyA', line: { baudRate: 9600 }, reconnect: false },
      seed: 7n,
      speed: 'max',
      pacing: { baud: 9600, dataBits: undefined, parity: undefined, stopBits: undefined },
      maxClients: 1,
      help: false,
    });
  });

  test.each([
    [[], 'nothing to serve on: give --listen tcp:127.0.0.1:4444, --listen unix:PATH or --device PATH'],
    [['--listen', 'tcp:0', '--device', '/tmp/x'], 'give --listen or --device, not both'],
    [['--listen', '/dev/ttyS0'], "--listen: '/dev/ttyS0' is not tcp:HOST:PORT or unix:PATH (use --device PATH to serve on a tty)"],
    [['--listen', 'tcp:host'], "--listen: invalid endpoint 'tcp:host': missing port (expected tcp:HOST:PORT)"],
    [['--device', 'tcp:127.0.0.1:4444'], "--device: 'tcp:127.0.0.1:4444' is a socket; serve on it with --listen tcp:127.0.0.1:4444"],
    [['--device', 'rfc2217://h:1'], "--device: 'rfc2217://h:1' is a telnet server, not a tty (export a tty with ser2net instead)"],
    [['--listen', 'telnet://127.0.0.1:23'], "--listen: 'telnet://127.0.0.1:23': sis serve speaks raw bytes, not telnet (listen on tcp:HOST:PORT; put ser2net in front of --device for telnet or RFC 2217)"],
    [['--listen', 'tcp:0', '--flow', 'rtscts'], '--flow applies only to --device'],
    [['--listen', 'tcp:0', '--no-reconnect'], '--no-reconnect applies only to --device'],
    [['--listen', 'tcp:0', '--speed', 'fast'], "--speed: invalid value 'fast' (expected realtime, max, or a factor 0.01..100000)"],
    [['--listen', 'tcp:0', 'extra'], "unexpected argument 'extra' (use --listen ENDPOINT or --device PATH)"],
    [['--lisen', 'tcp:0'], "unknown option '--lisen' (did you mean --listen?)"],
    [['--listen', 'tcp:0', '--max-clients', '0'], "--max-clients: invalid value '0' (expected an integer 1..64)"],
    [['--listen', 'tcp:0', '--max-clients', '65'], "--max-clients: invalid value '65' (expected an integer 1..64)"],
    [['--listen', 'tcp:0', '--max-clients', 'two'], "--max-clients: invalid value 'two' (expected an integer 1..64)"],
    [['--device', '/tmp/x', '--max-clients', '2'], '--max-clients applies only to --listen (a tty has one far end)'],
    [['--max-clients', '2'], '--max-clients applies only to --listen'],
  ])('%j', (argv, message) => {
    expect(serveError(...argv)).toBe(message);
  });
});
