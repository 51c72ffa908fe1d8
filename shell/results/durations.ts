/**
 * The one way a measured duration is shown as text: cards, compare tables, the history view and
 * the text output of `sis run`, `sis parse` and `sis history`. JSON keeps the raw numbers.
 */

const NS_UNITS = ['ns', 'µs', 'ms', 's'];

/** Nanoseconds with three significant digits: `812ns`, `2.40µs`, `45.2ms`, `120ms`, `1.50s`. */
export function formatNs(ns: number): string {
  if (!Number.isFinite(ns)) return '?';
  let value = ns;
  let unit = 0;
  while (unit < NS_UNITS.length - 1 && Math.abs(Number(value.toPrecision(3))) >= 1000) {
    value /= 1000;
    unit += 1;
  }
  const text = unit === 0 || Math.abs(value) >= 1000 ? String(Math.round(value)) : value.toPrecision(3);
  return text + NS_UNITS[unit];
}

/** A signed difference of nanoseconds: `+1.20ms`, `-450ns`, `0ns`. */
export function formatSignedNs(ns: number): string {
  const sign = ns > 0 ? '+' : ns < 0 ? '-' : '';
  return sign + formatNs(Math.abs(ns));
}

/** Whether a metric key holds nanoseconds (`latency_p99_ns`, `recovery_p99_ns`). */
export function isNsKey(key: string): boolean {
  return key.endsWith('_ns');
}
