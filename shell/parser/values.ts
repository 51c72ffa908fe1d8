/** Small value parsers shared by the block parsers. All return null when the text does not fit. */

const INT = /^-?\d+$/;
const NUMBER_WITH_UNIT = /^(-?\d+(?:\.\d+)?)\s*(%|ns|us|µs|ms|s|x|\/sec)?$/;

export function parseIntText(text: string): number | null {
  const t = text.trim();
  return INT.test(t) ? Number(t) : null;
}

/** `42`, `42%`, `10000 ms`, `12.50` → the number and its unit (`''` when none). */
export function parseNumberWithUnit(text: string): { value: number; unit: string } | null {
  const m = NUMBER_WITH_UNIT.exec(text.trim());
  return m ? { value: Number(m[1]), unit: m[2] ?? '' } : null;
}

/** An integer followed by exactly `suffix` (after optional spaces), e.g. `85%`, `10000 ms`. */
export function parseIntWithSuffix(text: string, suffix: string): number | null {
  const t = text.trim();
  if (!t.endsWith(suffix)) return null;
  return parseIntText(t.slice(0, t.length - suffix.length));
}

const NS_PER_UNIT: Record<string, number> = { ns: 1, us: 1_000, µs: 1_000, ms: 1_000_000, s: 1_000_000_000 };

/** `p50=812ns p95=2400ns p99=5100ns [avg=900ns]` → percentiles in ns; units ns, us, ms, s. */
export function parseLatencyTriple(text: string): Record<string, number> | null {
  const out: Record<string, number> = {};
  // Starts only where a word starts, so a long word is scanned once.
  const re = /(?<![a-z0-9])([a-z0-9]+)=(\d+(?:\.\d+)?)\s*(ns|us|µs|ms|s)\b/g;
  let m: RegExpExecArray | null;
  let rest = '';
  let from = 0;
  while ((m = re.exec(text)) !== null) {
    out[m[1]!] = Math.round(Number(m[2]) * NS_PER_UNIT[m[3]!]!);
    rest += text.slice(from, m.index);
    from = m.index + m[0].length;
  }
  rest += text.slice(from);
  if (out['p50'] === undefined || rest.replace(/[\s,]/g, '') !== '') return null;
  return out;
}

/** `key=value` tokens of a line, in order. */
export function parseKeyValues(text: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  // Starts only where a word starts (after its leading digits), so a long word is scanned once.
  const re = /(?<![A-Za-z0-9_])[0-9]*([A-Za-z_][A-Za-z0-9_]*)=(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) out.push([m[1]!, m[2]!]);
  return out;
}

// The key has no ':' in it, so the first ':' ends it; the value is trimmed in code (a lazy value
// followed by \s*$ is quadratic on a long run of spaces).
const KEY_VALUE = /^\s*([A-Za-z][A-Za-z0-9 _/().%'-]*):([^\n\r\u2028\u2029]*)\s*$/;

/**
 * A `Key: value` line (indentation optional, as trimmed transcripts drop it). The value is `''`
 * for a section line such as `Failure breakdown:` or `Autonomy OFF:`; a value must be set off by
 * white space (`a:b` is not a key-value line).
 */
export function parseKeyValueLine(line: string): { indent: number; key: string; value: string } | null {
  const m = KEY_VALUE.exec(line);
  if (!m) return null;
  const rest = m[2]!;
  if (rest !== '' && !/^\s/.test(rest)) return null;
  return { indent: line.length - line.trimStart().length, key: m[1]!, value: rest.trim() };
}

/** `Peak pressure` + unit `ms` → `peak_pressure`, `Duration` + `ms` → `duration_ms`. */
export function metricKey(name: string, unit = ''): string {
  const base = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const suffix = unit === 'ms' || unit === 'ns' || unit === 'us' ? `_${unit}` : '';
  return suffix && !base.endsWith(suffix) ? base + suffix : base;
}
