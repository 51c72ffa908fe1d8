import {
  parseEndpoint,
  type DataBits,
  type EnterMode,
  type FlowControl,
  type IncomingCrMode,
  type LineSettings,
  type LogWriterOptions,
  type Parity,
  type StopBits,
  type TcpEndpoint,
  type TelnetEndpoint,
  type UnixEndpoint,
} from '../../uart/index.js';
import type { Speed } from './kernel-host.js';
import { PROFILE_NAMES } from '../../kernel/index.js';
import { LINE_FLAG_ARGS, readLineFlags, type LineFlags } from './line-flags.js';
import { readMapOptions } from './map-options.js';
import { choice, integerIn, numberChoice, parseSeed, parseSpeed, SEED_RANGE, SPEED_RANGE, ValueReader } from './values.js';

export type TimestampMode = NonNullable<LogWriterOptions['timestamps']>;

/** The other end of the console, and how to reach it. */
export type TargetSpec =
  /** `line` set: the virtual UART is paced at that line speed, on virtual time. */
  | { readonly kind: 'model'; readonly seed?: bigint; readonly speed?: Speed; readonly line?: LineSettings; readonly profile?: string }
  | { readonly kind: 'device'; readonly path: string; readonly line: LineSettings }
  | { readonly kind: 'socket'; readonly endpoint: TcpEndpoint | UnixEndpoint }
  /** `line` is asked of the server at each connection (rfc2217:// only; empty for telnet://). */
  | { readonly kind: 'telnet'; readonly endpoint: TelnetEndpoint; readonly line: LineSettings };

export interface LogSpec {
  readonly path: string;
  readonly append: boolean;
  readonly timestamps?: TimestampMode;
  readonly strip: boolean;
}

/** Everything `sis`, `sis run` and the TUI need to open the other end. */
export interface ConnectOptions {
  readonly target: TargetSpec;
  /** Retry when an established connection drops; false: the console ends instead. */
  readonly reconnect: boolean;
  /** What Enter sends. */
  readonly enter: EnterMode;
  /** What happens to CR bytes received. */
  readonly incomingCr: IncomingCrMode;
  /** `--map INLCRNL`, `--map ODELBS`: see uart/line-endings.ts LineMapping. */
  readonly lfToCrlf?: boolean;
  readonly delToBs?: boolean;
  readonly log?: LogSpec;
  /** BREAK, DTR pulse on connect, a file to send: see line-flags.ts. */
  readonly lineFlags?: LineFlags;
}

/** The `node:util` parseArgs options of every command that opens a target; spread into its own. */
export const CONNECT_ARGS = {
  device: { type: 'string' },
  baud: { type: 'string' },
  databits: { type: 'string' },
  parity: { type: 'string' },
  stopbits: { type: 'string' },
  flow: { type: 'string' },
  'no-reconnect': { type: 'boolean' },
  log: { type: 'string' },
  'log-append': { type: 'boolean' },
  'log-timestamps': { type: 'string' },
  'log-strip': { type: 'boolean' },
  enter: { type: 'string' },
  'incoming-cr': { type: 'string' },
  map: { type: 'string' },
  seed: { type: 'string' },
  speed: { type: 'string' },
  profile: { type: 'string' },
  ...LINE_FLAG_ARGS,
} as const;

export type ConnectArgValues = { readonly [K in keyof typeof CONNECT_ARGS]?: string | boolean | undefined };

export type ConnectParse = { ok: true; options: ConnectOptions } | { ok: false; message: string };

const FRAME_FLAGS = ['baud', 'databits', 'parity', 'stopbits'] as const;
const LOG_FLAGS = ['log-append', 'log-timestamps', 'log-strip'] as const;

/** Reads the serial line flags; the same ones configure a device and pace the model. */
export function readLineSettings(reader: ValueReader): LineSettings {
  const baudRate = reader.read('baud', integerIn(1, 16_000_000), 'an integer 1..16000000');
  const dataBits = reader.read('databits', numberChoice<DataBits>([5, 6, 7, 8]), '5, 6, 7 or 8');
  const parity = reader.read('parity', choice<Parity>(['none', 'even', 'odd', 'mark', 'space']),
    'none, even, odd, mark or space');
  const stopBits = reader.read('stopbits', numberChoice<StopBits>([1, 1.5, 2]), '1, 1.5 or 2');
  const flow = reader.read('flow', choice<FlowControl>(['none', 'rtscts', 'xonxoff']), 'none, rtscts or xonxoff');
  return {
    ...(baudRate !== undefined && { baudRate }),
    ...(dataBits !== undefined && { dataBits }),
    ...(parity !== undefined && { parity }),
    ...(stopBits !== undefined && { stopBits }),
    ...(flow !== undefined && { flow }),
  };
}

/**
 * Validates the target (one positional or `--device`: a device path, `tcp:HOST:PORT` or
 * `unix:PATH`; none is the embedded model) and its options. The first problem is the one line
 * reported.
 */
export function readConnectOptions(values: ConnectArgValues, positionals: readonly string[]): ConnectParse {
  const fail = (message: string): ConnectParse => ({ ok: false, message });
  if (positionals.length > 1) return fail(`unexpected argument '${positionals[1]}' (give one target)`);
  const device = typeof values.device === 'string' ? values.device : undefined;
  if (positionals.length === 1 && device !== undefined) {
    return fail(`two targets given ('${positionals[0]}' and --device '${device}'): give one`);
  }
  const targetText = device ?? positionals[0];
  const parsedEndpoint = targetText === undefined ? undefined : parseEndpoint(targetText);
  if (parsedEndpoint !== undefined && !parsedEndpoint.ok) return fail(parsedEndpoint.message);

  const reader = new ValueReader(values);
  const line = readLineSettings(reader);
  const enter = reader.read('enter', choice<EnterMode>(['cr', 'lf', 'crlf']), 'cr, lf or crlf') ?? 'cr';
  const incomingCr = reader.read('incoming-cr', choice<IncomingCrMode>(['keep', 'drop', 'to-lf']),
    'keep, drop or to-lf') ?? 'keep';
  const timestamps = reader.read('log-timestamps', choice<TimestampMode>(['iso', 'relative', 'delta']),
    'iso, relative or delta');
  const seed = reader.read('seed', parseSeed, SEED_RANGE);
  const speed = reader.read('speed', parseSpeed, SPEED_RANGE);
  const lineFlags = readLineFlags(reader, values);
  const profile = reader.read('profile', choice<string>(PROFILE_NAMES), PROFILE_NAMES.join(' or '));
  if (reader.error !== undefined) return fail(reader.error);
  if (typeof lineFlags === 'string') return fail(lineFlags);
  const mapped = readMapOptions(values, { enter, incomingCr });
  if (!mapped.ok) return fail(mapped.message);

  const logPath = typeof values.log === 'string' ? values.log : undefined;
  if (logPath === undefined) {
    const orphan = LOG_FLAGS.find((flag) => values[flag] !== undefined);
    if (orphan !== undefined) return fail(`--${orphan} needs --log FILE`);
  } else if (logPath.length === 0) return fail('--log: empty file name');

  let target: TargetSpec;
  if (parsedEndpoint === undefined) {
    if (values.flow !== undefined) return fail('--flow applies only to serial devices (give --device PATH)');
    const paced = FRAME_FLAGS.some((flag) => values[flag] !== undefined);
    target = {
      kind: 'model',
      ...(seed !== undefined && { seed }),
      ...(speed !== undefined && { speed }),
      ...(profile !== undefined && { profile }),
      ...(paced && { line }),
    };
  } else {
    const modelOnly = (['seed', 'speed', 'profile'] as const).find((flag) => values[flag] !== undefined);
    if (modelOnly !== undefined) return fail(`--${modelOnly} applies only to the embedded kernel model, not to ${targetText}`);
    const { endpoint } = parsedEndpoint;
    if (endpoint.kind === 'device') target = { kind: 'device', path: endpoint.path, line };
    else if (endpoint.kind === 'telnet' && endpoint.rfc2217) target = { kind: 'telnet', endpoint, line };
    else {
      const lineFlag = [...FRAME_FLAGS, 'flow' as const, 'break-ms' as const, 'dtr-pulse' as const]
        .find((flag) => values[flag] !== undefined);
      if (lineFlag !== undefined) {
        return fail(`--${lineFlag} applies to serial devices, rfc2217:// servers and the embedded model, ` +
          `not to ${targetText} (a plain byte stream has no line control)`);
      }
      target = endpoint.kind === 'telnet' ? { kind: 'telnet', endpoint, line: {} } : { kind: 'socket', endpoint };
    }
  }
  return {
    ok: true,
    options: {
      target,
      reconnect: values['no-reconnect'] !== true,
      ...mapped.options,
      lineFlags,
      ...(logPath !== undefined && {
        log: {
          path: logPath,
          append: values['log-append'] === true,
          strip: values['log-strip'] === true,
          ...(timestamps !== undefined && { timestamps }),
        },
      }),
    },
  };
}
