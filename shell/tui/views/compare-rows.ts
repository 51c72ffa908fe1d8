import type { ComparePair, InterventionSide, PairedMetric, ParsedCompare, RunMetrics, TestType } from '../../parser/index.js';
import { formatSignedNs, type CompareRecord } from '../../results/index.js';
import { capitalise, formatNs, formatNumber, formatSigned } from './format.js';
import { CARD_METRICS, PERCENTILES } from './result-fields.js';

type Unit = '%' | 'ms' | 'ns' | '';

/** The unit a compare metric was printed with, from its key (`duration_ms`, `peak_pressure`). */
export function unitOfKey(key: string): Unit {
  if (key.endsWith('_ns')) return 'ns';
  if (key.endsWith('_ms')) return 'ms';
  return /pressure|rate|pct|percent/.test(key) ? '%' : '';
}

export function formatValue(value: number | null, unit: Unit, fixed = false): string {
  if (value === null) return '–';
  if (unit === 'ns') return formatNs(value);
  const text = fixed ? value.toFixed(2) : formatNumber(value);
  return unit === '%' ? `${text}%` : unit === 'ms' ? `${text} ms` : text;
}

export function formatDelta(off: number | null, on: number | null, unit: Unit): string {
  if (off === null || on === null) return '';
  const d = Math.round((on - off) * 100) / 100;
  if (unit === 'ns') return formatSignedNs(d);
  const text = formatSigned(d);
  return unit === '%' ? `${text}%` : unit === 'ms' ? `${text} ms` : text;
}

/** `Success rate (%)` → `Success rate`: the value carries the unit. */
export function metricName(name: string): string {
  return name.replace(/\s*\((?:%|ns|us|µs|ms|s)\)$/, '');
}

/** The summaries of a compare's two halves, as their cards show them. */
export interface CompareHalves {
  off: RunMetrics | null;
  on: RunMetrics | null;
}

/**
 * What the halves' cards show that the compare block does not list (compactions, latency
 * percentiles, …), as pairs placed before `Duration`.
 */
export function withHalves(metrics: readonly ComparePair[], halves: CompareHalves | null): ComparePair[] {
  if (!halves || (!halves.off && !halves.on)) return [...metrics];
  const listed = new Set(metrics.map((p) => p.key));
  const extra: ComparePair[] = [];
  const add = (name: string, key: string, off: number | undefined, on: number | undefined): void => {
    if (listed.has(key) || (off === undefined && on === undefined)) return;
    listed.add(key);
    extra.push({ name, key, off: off ?? null, on: on ?? null });
  };
  for (const m of CARD_METRICS) {
    if (m.compareKeys.some((k) => listed.has(k))) continue;
    const off = halves.off?.[m.key];
    const on = halves.on?.[m.key];
    add(m.label, m.key, typeof off === 'number' ? off : undefined, typeof on === 'number' ? on : undefined);
  }
  const kind = halves.off?.latency_kind ?? halves.on?.latency_kind ?? null;
  for (const [field, p] of PERCENTILES) {
    const key = kind ? `${kind.toLowerCase()}_${p}_ns` : `latency_${p}_ns`;
    add(`${kind ? capitalise(kind) : 'Latency'} ${p}`, key, halves.off?.[field], halves.on?.[field]);
  }
  const at = metrics.findIndex((p) => p.key === 'duration_ms');
  return at < 0 ? [...metrics, ...extra] : [...metrics.slice(0, at), ...extra, ...metrics.slice(at)];
}

/** Metric, OFF, ON and Δ cells, then AI interventions and their breakdown (indented). */
export function pairRows(metrics: readonly ComparePair[], interventions: { off: InterventionSide | null; on: InterventionSide | null }): string[][] {
  const rows = metrics.map((p) => {
    const unit = unitOfKey(p.key);
    return [metricName(p.name), formatValue(p.off, unit), formatValue(p.on, unit), formatDelta(p.off, p.on, unit)];
  });
  const { off, on } = interventions;
  if (!off && !on) return rows;
  const offTotal = off?.total ?? null;
  const onTotal = on?.total ?? null;
  rows.push(['AI interventions', formatValue(offTotal, ''), formatValue(onTotal, ''), formatDelta(offTotal, onTotal, '')]);
  const names: string[] = [];
  for (const side of [off, on]) for (const b of side?.breakdown ?? []) if (!names.includes(b.name)) names.push(b.name);
  for (const name of names) {
    const a = off?.breakdown.find((b) => b.name === name)?.count ?? null;
    const b = on?.breakdown.find((x) => x.name === name)?.count ?? null;
    rows.push([`  ${name}`, formatValue(a, ''), formatValue(b, ''), formatDelta(a, b, '')]);
  }
  return rows;
}

/** Metric, OFF mean, ON mean, Δ, 95 % interval (significance is styled separately). */
export function pairedRow(m: PairedMetric): string[] {
  const unit = unitOfKey(m.key);
  const v = (x: number) => formatValue(x, unit, true);
  const diff = m.diff > 0 ? `+${v(m.diff)}` : v(m.diff);
  return [metricName(m.name), v(m.off_mean), v(m.on_mean), diff, `[${v(m.ci95_low)}, ${v(m.ci95_high)}]`];
}

const COMPARE_TYPE = /\bcompare\s+(\w+)/;

export function compareType(compare: ParsedCompare | CompareRecord, command: string | null): TestType | string | null {
  if ('type' in compare && compare.type) return compare.type;
  const m = command === null ? null : COMPARE_TYPE.exec(command);
  return m ? m[1]! : null;
}

export function compareTitle(compare: ParsedCompare | CompareRecord, command: string | null): string {
  const type = compareType(compare, command);
  const parts: string[] = [];
  const p = compare.paired;
  if (p) parts.push('Paired comparison');
  else parts.push('Comparative results');
  if (type) parts.push(type);
  if (p) parts.push(`${p.runs} runs`, `seeds ${p.seed_first}..${p.seed_last}`);
  const seconds = 'testSeconds' in compare ? compare.testSeconds : compare.test_seconds;
  if (seconds !== null && seconds !== undefined) parts.push(`${seconds}s test`);
  return parts.join(' · ');
}
