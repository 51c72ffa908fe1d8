import type { BoolFlagSpec, IntFlagSpec, U64FlagSpec } from '../commands/types.js';

export const DURATION_FLAG: IntFlagSpec = {
  name: '--duration',
  kind: 'int',
  min: 1,
  max: 3_600_000,
  unit: 'ms',
  default: 10_000,
  help: 'virtual time the test runs',
};

export const SEED_FLAG: U64FlagSpec = {
  name: '--seed',
  kind: 'u64',
  help: 'PRNG seed; the same seed gives the same run; default: the us clock',
};

export const QUIET_FLAG: BoolFlagSpec = {
  name: '--quiet',
  aliases: ['--summary'],
  kind: 'bool',
  help: 'header and summary only',
};

export const VERBOSE_FLAG: BoolFlagSpec = {
  name: '--verbose',
  kind: 'bool',
  help: 'one line per event with its outcome, and a failure breakdown',
};

/** Flags every test accepts. */
export const COMMON_FLAGS = [SEED_FLAG, QUIET_FLAG, VERBOSE_FLAG] as const;

export function percentFlag(name: string, help: string, fallback: number, aliases?: string[]): IntFlagSpec {
  return { name, aliases, kind: 'int', min: 0, max: 100, unit: '%', default: fallback, help };
}
