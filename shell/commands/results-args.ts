import { parseArgs, type ParseArgsConfig } from 'node:util';
import { closestName } from '../../kernel/index.js';

type Options = NonNullable<ParseArgsConfig['options']>;

export type ArgsParse<T> = { ok: true; value: T } | { ok: false; message: string };

type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ options: O; allowPositionals: true; tokens: true; strict: true }>>;

/** node:util parseArgs with one-line messages and a suggestion for a mistyped option. */
export function parseOptions<O extends Options>(argv: readonly string[], options: O): ArgsParse<Parsed<O>> {
  try {
    return { ok: true, value: parseArgs({ args: [...argv], options, allowPositionals: true, tokens: true, strict: true }) };
  } catch (error) {
    const e = error as Error & { code?: string };
    const option = /'(-[^']*)'/.exec(e.message)?.[1];
    if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) {
      const names = Object.keys(options).map((n) => `--${n}`);
      const guess = closestName(option.split('=')[0]!, names);
      return { ok: false, message: `unknown option '${option}'${guess ? ` (did you mean ${guess}?)` : ''}` };
    }
    if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
      return { ok: false, message: `option '${option.split(' ')[0]}' needs a value` };
    }
    return { ok: false, message: e.message.split('\n')[0]! };
  }
}

/** A whole number in `min..max` for option `name`. */
export function parseInteger(name: string, text: string, min: number, max: number): ArgsParse<number> {
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (Number.isSafeInteger(n) && n >= min && n <= max) return { ok: true, value: n };
  return { ok: false, message: `${name}: invalid value '${text}' (expected an integer ${min}..${max})` };
}

/** Prints `sis {name}: {message}` and the help hint; returns the usage exit status. */
export function usageError(command: string, message: string): 2 {
  process.stderr.write(`sis ${command}: ${message}\nTry 'sis ${command} --help' for more information.\n`);
  return 2;
}
