import { parseArgs, type ParseArgsConfig } from 'node:util';
import { closestName } from '../../kernel/index.js';

type Options = NonNullable<ParseArgsConfig['options']>;

export type ArgsParse<T> = { ok: true; value: T } | { ok: false; message: string };

type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ options: O; allowPositionals: true; tokens: true; strict: true }>>;

const NEGATIVE = /^-(\d|\.\d)/;

/**
 * `--seed -1` is a value, not an option: a negative number after an option that takes a value
 * is joined to it (`--seed=-1`), so that the option's own check can say what range it accepts.
 */
function joinNegativeValues(argv: readonly string[], options: Options): string[] {
  const takesValue = (arg: string): string | undefined => {
    if (arg.startsWith('--') && !arg.includes('=')) {
      const name = arg.slice(2);
      return options[name]?.type === 'string' ? name : undefined;
    }
    if (/^-[A-Za-z]$/.test(arg)) {
      const entry = Object.entries(options).find(([, option]) => option.short === arg[1]);
      return entry?.[1].type === 'string' ? entry[0] : undefined;
    }
    return undefined;
  };
  const out: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--') {
      out.push(...argv.slice(i));
      break;
    }
    const name = takesValue(arg);
    const next = argv[i + 1];
    if (name !== undefined && next !== undefined && NEGATIVE.test(next)) {
      out.push(`--${name}=${next}`);
      i += 1;
    } else {
      out.push(arg);
    }
  }
  return out;
}

function describeError(error: Error & { code?: string }, options: Options): string {
  const quoted = /'(-[^']*)'/.exec(error.message)?.[1];
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && quoted) {
    const guess = closestName(quoted.split('=')[0]!, Object.keys(options).map((name) => `--${name}`));
    return `unknown option '${quoted}'${guess ? ` (did you mean ${guess}?)` : ''}`;
  }
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && quoted) {
    // parseArgs names the option as `-c, --command <value>` or `--seed <value>`.
    const name = quoted.replace(/ <value>$/, '').split('=')[0]!;
    return /does not take an argument/.test(error.message) ? `option '${name}' takes no value` : `option '${name}' needs a value`;
  }
  return error.message.split('\n')[0]!;
}

/** An option that takes one value, given more than once: the message, or undefined. */
function repeated<O extends Options>(parsed: Parsed<O>, options: Options): string | undefined {
  const seen = new Map<string, string>();
  for (const token of parsed.tokens) {
    if (token.kind !== 'option' || token.value === undefined) continue;
    const option = options[token.name];
    if (option === undefined || option.multiple === true) continue;
    const first = seen.get(token.name);
    if (first !== undefined) {
      return `option '--${token.name}' given twice ('${first}', then '${token.value}'); give it once`;
    }
    seen.set(token.name, token.value);
  }
  return undefined;
}

/**
 * node:util parseArgs (strict, with tokens) with one-line messages: a suggestion for a mistyped
 * option, negative numbers taken as values, and an option that takes one value refused when
 * given twice.
 */
export function parseOptions<O extends Options>(argv: readonly string[], options: O): ArgsParse<Parsed<O>> {
  let parsed: Parsed<O>;
  try {
    parsed = parseArgs({ args: joinNegativeValues(argv, options), options, allowPositionals: true, tokens: true, strict: true });
  } catch (error) {
    return { ok: false, message: describeError(error as Error & { code?: string }, options) };
  }
  const twice = repeated(parsed, options);
  return twice === undefined ? { ok: true, value: parsed } : { ok: false, message: twice };
}
