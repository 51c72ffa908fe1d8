import { parseArgs } from 'node:util';
import { closestName } from '../kernel/index.js';
import type { Speed } from './kernel-host.js';

export interface CliOptions {
  seed?: bigint;
  speed?: Speed;
  help: boolean;
  version: boolean;
}

export type CliParse = { ok: true; options: CliOptions } | { ok: false; message: string };

export const USAGE = `Usage: sis [options]

The SIS kernel's stress-test console. With no options it boots the embedded kernel model behind a
virtual UART and opens the sis> console; when stdin or stdout is not a terminal it runs a plain
mode that sends each input line after the prompt returns and copies the kernel's bytes to stdout.

Options:
  --seed N            kernel-wide seed (0..18446744073709551615): same seed + same input = same output
  --speed MODE        virtual time: realtime (default in the console), max (default in plain mode),
                      or a factor such as 10
  -h, --help          show this help
  -V, --version       show the version

Console: type kernel commands at sis> (try 'help'); 'exit' or Ctrl-D quits.
`;

const U64_MAX = (1n << 64n) - 1n;

export function parseCliArgs(argv: readonly string[]): CliParse {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      options: {
        seed: { type: 'string' },
        speed: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'V' },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    return { ok: false, message: describeParseError(error as Error & { code?: string }) };
  }
  const { values, positionals } = parsed;
  if (positionals.length > 0) return { ok: false, message: `unexpected argument '${positionals[0]}'` };
  const options: CliOptions = { help: values.help === true, version: values.version === true };
  if (values.seed !== undefined) {
    if (!/^\d+$/.test(values.seed) || BigInt(values.seed) > U64_MAX) {
      return { ok: false, message: `--seed: invalid value '${values.seed}' (expected an integer 0..${U64_MAX})` };
    }
    options.seed = BigInt(values.seed);
  }
  if (values.speed !== undefined) {
    const speed = parseSpeed(values.speed);
    if (speed === undefined) {
      return {
        ok: false,
        message: `--speed: invalid value '${values.speed}' (expected realtime, max, or a factor 0.01..100000)`,
      };
    }
    options.speed = speed;
  }
  return { ok: true, options };
}

function parseSpeed(text: string): Speed | undefined {
  if (text === 'realtime' || text === 'max') return text;
  const factor = /^\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
  return factor >= 0.01 && factor <= 100_000 ? factor : undefined;
}

const OPTION_NAMES = ['--seed', '--speed', '--help', '--version'];

function describeParseError(error: Error & { code?: string }): string {
  const option = /'(-[^']*)'/.exec(error.message)?.[1];
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) {
    const guess = closestName(option.split('=')[0]!, OPTION_NAMES);
    return `unknown option '${option}'${guess ? ` (did you mean ${guess}?)` : ''}`;
  }
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
    return `option '${option.split(' ')[0]}' needs a value`;
  }
  return error.message.split('\n')[0]!;
}
