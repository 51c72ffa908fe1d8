export { parseOptions, type ArgsParse } from './strict-args.js';
import type { ArgsParse } from './strict-args.js';

/** A whole number in `min..max` for option `name`. */
export function parseInteger(name: string, text: string, min: number, max: number): ArgsParse<number> {
  const n = /^-?\d+$/.test(text) ? Number(text) : NaN;
  if (Number.isSafeInteger(n) && n >= min && n <= max) return { ok: true, value: n };
  return { ok: false, message: `${name}: invalid value '${text}' (expected an integer ${min}..${max})` };
}

/** Prints `sis {name}: {message}` and the help hint; returns the usage exit status. */
export function usageError(command: string, message: string): 2 {
  process.stderr.write(`sis ${command}: ${message}\nTry 'sis ${command} --help' for more information.\n`);
  return 2;
}
