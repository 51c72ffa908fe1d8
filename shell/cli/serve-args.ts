import { PROFILE_NAMES } from '../../kernel/index.js';
import {
  DEFAULT_BAUD_RATE,
  parseEndpoint,
  type FrameSettings,
  type LineSettings,
  type TcpEndpoint,
  type UnixEndpoint,
} from '../../uart/index.js';
import { choice, CONNECT_ARGS, integerIn, parseSeed, parseSpeed, readLineSettings, SEED_RANGE, SPEED_RANGE, ValueReader } from '../connect/index.js';
import type { Speed } from '../connect/kernel-host.js';
import { parseOptions } from './strict-args.js';

export interface ServeOptions {
  /** Either sockets to listen on or a tty to attach to. */
  readonly on:
    | { readonly kind: 'listen'; readonly endpoints: readonly (TcpEndpoint | UnixEndpoint)[] }
    | { readonly kind: 'device'; readonly path: string; readonly line: LineSettings; readonly reconnect: boolean };
  readonly seed?: bigint;
  readonly speed: Speed;
  /** The kernel model's calibration profile (default `report`). */
  readonly profile?: string;
  /** Set when a line flag was given: the model's UART runs at that speed, on virtual time. */
  readonly pacing?: FrameSettings;
  /** With --listen: a client that sends nothing this long (ms) is disconnected. */
  readonly idleTimeoutMs?: number;
  /** With --listen: clients connected at once, all reading and typing (default 1). */
  readonly maxClients: number;
  readonly help: boolean;
}

export type ServeParse = { ok: true; options: ServeOptions } | { ok: false; message: string };

const ARGS = {
  listen: { type: 'string', multiple: true },
  device: CONNECT_ARGS.device,
  baud: CONNECT_ARGS.baud,
  databits: CONNECT_ARGS.databits,
  parity: CONNECT_ARGS.parity,
  stopbits: CONNECT_ARGS.stopbits,
  flow: CONNECT_ARGS.flow,
  'no-reconnect': CONNECT_ARGS['no-reconnect'],
  seed: CONNECT_ARGS.seed,
  speed: CONNECT_ARGS.speed,
  profile: CONNECT_ARGS.profile,
  'idle-timeout': { type: 'string' },
  'max-clients': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Most clients `--max-clients` allows at once. */
const MAX_CLIENTS = 64;

const FRAME_FLAGS = ['baud', 'databits', 'parity', 'stopbits'] as const;

export function parseServeArgs(argv: readonly string[]): ServeParse {
  const fail = (message: string): ServeParse => ({ ok: false, message });
  const parsed = parseOptions(argv, ARGS);
  if (!parsed.ok) return fail(parsed.message);
  const { values, positionals } = parsed.value;
  const help = values.help === true;
  if (help) return { ok: true, options: { on: { kind: 'listen', endpoints: [] }, speed: 'realtime', maxClients: 1, help } };
  if (positionals.length > 0) {
    return fail(`unexpected argument '${positionals[0]}' (use --listen ENDPOINT or --device PATH)`);
  }
  const reader = new ValueReader(values);
  const line = readLineSettings(reader);
  const seed = reader.read('seed', parseSeed, SEED_RANGE);
  const speed = reader.read('speed', parseSpeed, SPEED_RANGE) ?? 'realtime';
  const profile = reader.read('profile', choice<string>(PROFILE_NAMES), PROFILE_NAMES.join(' or '));
  if (reader.error !== undefined) return fail(reader.error);

  const listen = values.listen ?? [];
  if (listen.length > 0 && values.device !== undefined) return fail('give --listen or --device, not both');
  let on: ServeOptions['on'];
  if (values.device !== undefined) {
    const parsedDevice = parseEndpoint(values.device);
    if (!parsedDevice.ok) return fail(`--device: ${parsedDevice.message}`);
    if (parsedDevice.endpoint.kind === 'telnet') {
      return fail(`--device: '${values.device}' is a telnet server, not a tty (export a tty with ser2net instead)`);
    }
    if (parsedDevice.endpoint.kind !== 'device') {
      return fail(`--device: '${values.device}' is a socket; serve on it with --listen ${values.device}`);
    }
    if (values['max-clients'] !== undefined) return fail('--max-clients applies only to --listen (a tty has one far end)');
    on = { kind: 'device', path: parsedDevice.endpoint.path, line, reconnect: values['no-reconnect'] !== true };
  } else if (listen.length > 0) {
    const endpoints: (TcpEndpoint | UnixEndpoint)[] = [];
    for (const text of listen) {
      // A bare port number means the loopback address, like tcp:PORT.
      const parsedListen = parseEndpoint(/^\d+$/.test(text) ? `tcp:${text}` : text, { allowPortZero: true });
      if (!parsedListen.ok) return fail(`--listen: ${parsedListen.message}`);
      if (parsedListen.endpoint.kind === 'device') {
        return fail(`--listen: '${text}' is not tcp:HOST:PORT or unix:PATH (use --device PATH to serve on a tty)`);
      }
      if (parsedListen.endpoint.kind === 'telnet') {
        return fail(`--listen: '${text}': sis serve speaks raw bytes, not telnet (listen on tcp:HOST:PORT; ` +
          'put ser2net in front of --device for telnet or RFC 2217)');
      }
      endpoints.push(parsedListen.endpoint);
    }
    if (values.flow !== undefined) return fail('--flow applies only to --device');
    if (values['no-reconnect'] !== undefined) return fail('--no-reconnect applies only to --device');
    on = { kind: 'listen', endpoints };
  } else if (values['idle-timeout'] !== undefined) {
    return fail('--idle-timeout applies only to --listen');
  } else if (values['max-clients'] !== undefined) {
    return fail('--max-clients applies only to --listen');
  } else {
    return fail('nothing to serve on: give --listen tcp:127.0.0.1:4444, --listen unix:PATH or --device PATH');
  }
  const paced = FRAME_FLAGS.some((flag) => values[flag] !== undefined);
  const idleText = values['idle-timeout'];
  const idleTimeoutMs = idleText === undefined ? undefined : integerIn(100, 86_400_000)(idleText);
  if (idleText !== undefined && idleTimeoutMs === undefined) {
    return fail(`--idle-timeout: invalid value '${idleText}' (expected an integer 100..86400000 (ms))`);
  }
  const clientsText = values['max-clients'];
  const maxClients = clientsText === undefined ? 1 : integerIn(1, MAX_CLIENTS)(clientsText);
  if (maxClients === undefined) {
    return fail(`--max-clients: invalid value '${clientsText}' (expected an integer 1..${MAX_CLIENTS})`);
  }
  return {
    ok: true,
    options: {
      on,
      speed,
      maxClients,
      help,
      ...(seed !== undefined && { seed }),
      ...(profile !== undefined && { profile }),
      ...(idleTimeoutMs !== undefined && { idleTimeoutMs }),
      ...(paced && {
        pacing: { baud: line.baudRate ?? DEFAULT_BAUD_RATE, dataBits: line.dataBits, parity: line.parity, stopBits: line.stopBits },
      }),
    },
  };
}

export const SERVE_USAGE = `Usage: sis serve --listen ENDPOINT [--listen ENDPOINT]... [options]
       sis serve --device PATH [options]

Runs the kernel model headless and serves its UART, like QEMU's -serial tcp::4444,server=on,wait=off
or ser2net: connect with sis, picocom, socat or nc. The kernel boots at once and keeps running
between clients; what it prints while no client is connected is lost, as on a line with nothing
attached (the boot banner included: a client that connects later sees nothing until it sends a
line; a client that connects while the kernel is idle is shown the prompt). One client owns the
line at a time unless --max-clients allows more; one client too many gets
"sis: port busy (held by ADDRESS for N s, ...)" and is disconnected (sis takes that as a refused
connection and retries with a growing backoff).

Where:
  --listen ENDPOINT   tcp:HOST:PORT, tcp:PORT or PORT (host 127.0.0.1), or unix:PATH; repeatable.
                      Only loopback unless another address is given (tcp:0.0.0.0:4444).
                      Port 0 picks a free port; the real one is printed.
  --max-clients N     let N clients (1..${MAX_CLIENTS}) hold the line at once, like ser2net's
                      max-connections: each sees all the output, and what any of them types reaches
                      the kernel (a dashboard and a console side by side). Default 1
  --idle-timeout MS   disconnect a client that sends nothing for MS ms, freeing its place for the
                      next (default: never)
  --device PATH       attach to an existing tty instead and play the board on the far side of the
                      cable (e.g. one end of a socat pty pair); reconnects when it goes away

Serial line (for --device the tty is set up with them; any of them also paces the model's UART
at that line speed, on virtual time; unpaced by default):
  --baud N  --databits N  --parity P  --stopbits N  --flow F (--device only)
  --no-reconnect      with --device: exit 1 when the tty goes away instead of waiting for it

Kernel model:
  --seed N            kernel-wide seed (${SEED_RANGE.replace('an integer ', '')}); default random
  --speed MODE        realtime (default), max (virtual time moves only while a command runs), or a
                      factor such as 10
  --profile NAME      calibration profile: ${PROFILE_NAMES.join(' or ')} (default ${PROFILE_NAMES[0]})

Prints one line per listening address, then client connections and disconnections, on stderr.
SIGINT, SIGTERM and SIGHUP stop it cleanly. Exit status: 0 stopped by a signal, 1 cannot listen or
cannot open the device (or lost it with --no-reconnect), 2 usage.
`;
