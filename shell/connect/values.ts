import type { Speed } from './kernel-host.js';

/** Parses one option value; `undefined` means invalid. */
export type ValueParser<T> = (text: string) => T | undefined;

const U64_MAX = (1n << 64n) - 1n;

export const SEED_RANGE = `an integer 0..${U64_MAX}`;
export const SPEED_RANGE = 'realtime, max, or a factor 0.01..100000';

export const parseSeed: ValueParser<bigint> = (text) =>
  /^\d+$/.test(text) && BigInt(text) <= U64_MAX ? BigInt(text) : undefined;

export const parseSpeed: ValueParser<Speed> = (text) => {
  if (text === 'realtime' || text === 'max') return text;
  const factor = /^\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
  return factor >= 0.01 && factor <= 100_000 ? factor : undefined;
};

/** One of a fixed set of words, e.g. `--parity even`. */
export function choice<T extends string>(words: readonly T[]): ValueParser<T> {
  return (text) => ((words as readonly string[]).includes(text) ? (text as T) : undefined);
}

/** One of a fixed set of numbers written as text, e.g. `--stopbits 1.5`. */
export function numberChoice<T extends number>(numbers: readonly T[]): ValueParser<T> {
  return (text) => numbers.find((n) => String(n) === text);
}

export function integerIn(min: number, max: number): ValueParser<number> {
  return (text) => {
    if (!/^\d+$/.test(text)) return undefined;
    const value = Number(text);
    return value >= min && value <= max ? value : undefined;
  };
}

/**
 * Reads option values one by one and keeps the first bad one as the error line every bad value
 * gets: `--flag: invalid value 'x' (expected …)`.
 */
export class ValueReader {
  private firstError: string | undefined;

  constructor(private readonly values: Readonly<Record<string, unknown>>) {}

  get error(): string | undefined {
    return this.firstError;
  }

  read<T>(flag: string, parse: ValueParser<T>, expected: string): T | undefined {
    const text = this.values[flag];
    if (typeof text !== 'string') return undefined;
    const value = parse(text);
    if (value === undefined) this.firstError ??= `--${flag}: invalid value '${text}' (expected ${expected})`;
    return value;
  }
}
