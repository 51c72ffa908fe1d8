import type { FlagSpec } from '../commands/types.js';
import { closestName } from '../suggest.js';
import type { TestConfig } from './types.js';

export type FlagParse = { ok: true; config: TestConfig; positionals: string[] } | { ok: false; error: string };

const U64_MAX = (1n << 64n) - 1n;

/** `--target-pressure` → `targetPressure`. */
export function flagKey(name: string): string {
  return name.replace(/^--/, '').replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

export function describeRange(flag: FlagSpec): string {
  if (flag.kind === 'u64') return `an integer 0..${U64_MAX}`;
  if (flag.kind === 'bool') return 'no value';
  return `an integer ${flag.min}..${flag.max}${flag.unit ? ` ${flag.unit}` : ''}`;
}

/**
 * Validates `args` against `flags`: every value checked against its range, unknown flags refused
 * with a suggestion; the last occurrence of a flag wins; `--flag=value` is accepted.
 * Non-flag tokens are returned as positionals. `defaults` (the profile's) override the table's defaults.
 */
export function parseFlags(
  flags: readonly FlagSpec[],
  args: readonly string[],
  context: string,
  defaults: Readonly<Record<string, number>> = {},
): FlagParse {
  const byName = new Map<string, FlagSpec>();
  for (const flag of flags) for (const name of [flag.name, ...(flag.aliases ?? [])]) byName.set(name, flag);
  const config: Record<string, number | boolean | bigint> = {};
  for (const flag of flags) {
    if (flag.kind === 'bool') config[flagKey(flag.name)] = false;
    else if (flag.kind === 'int') {
      const fallback = defaults[flag.name] ?? flag.default;
      if (fallback !== undefined) config[flagKey(flag.name)] = fallback;
    }
  }
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const token = args[i]!;
    if (!token.startsWith('--')) {
      positionals.push(token);
      continue;
    }
    const eq = token.indexOf('=');
    const name = eq < 0 ? token : token.slice(0, eq);
    const flag = byName.get(name);
    if (!flag) {
      const guess = closestName(name, [...byName.keys()]);
      return { ok: false, error: `[ERROR] unknown flag '${name}' for '${context}'${guess ? ` (did you mean ${guess}?)` : ''}` };
    }
    const key = flagKey(flag.name);
    if (flag.kind === 'bool') {
      if (eq >= 0) return { ok: false, error: `[ERROR] ${flag.name}: takes no value (got '${token.slice(eq + 1)}')` };
      config[key] = true;
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) value = token.slice(eq + 1);
    else if (i + 1 < args.length && !args[i + 1]!.startsWith('--')) value = args[++i];
    if (value === undefined || value === '') {
      return { ok: false, error: `[ERROR] ${flag.name}: missing value (expected ${describeRange(flag)})` };
    }
    const parsed = parseValue(flag, value);
    if (parsed === undefined) {
      return { ok: false, error: `[ERROR] ${flag.name}: invalid value '${value}' (expected ${describeRange(flag)})` };
    }
    config[key] = parsed;
  }
  return { ok: true, config, positionals };
}

function parseValue(flag: FlagSpec, text: string): number | bigint | undefined {
  if (!/^\d+$/.test(text)) return undefined;
  if (flag.kind === 'u64') {
    const value = BigInt(text);
    return value <= U64_MAX ? value : undefined;
  }
  if (flag.kind !== 'int') return undefined;
  const value = Number(text);
  return value >= flag.min && value <= flag.max ? value : undefined;
}
