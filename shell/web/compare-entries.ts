import type { HistoryEntry } from '../results/history/index.js';
import type { PairedStats } from '../parser/index.js';
import type { MetricDelta } from './wire.js';

/**
 * The numbers an entry is compared on: a run's numeric metrics; for a compare, each metric of
 * both halves (`off.peak_pressure`, `on.peak_pressure`) and the intervention totals.
 */
export function entryMetrics(entry: HistoryEntry): Map<string, number> {
  const out = new Map<string, number>();
  if (entry.kind === 'run') {
    for (const [key, value] of Object.entries(entry.run.metrics)) if (typeof value === 'number') out.set(key, value);
    return out;
  }
  for (const pair of entry.compare.metrics) {
    if (pair.off !== null) out.set(`off.${pair.key}`, pair.off);
    if (pair.on !== null) out.set(`on.${pair.key}`, pair.on);
  }
  const { off, on } = entry.compare.interventions;
  if (off) out.set('off.interventions', off.total);
  if (on) out.set('on.interventions', on.total);
  return out;
}

/** Every metric of either entry, in a's order then b's extra ones, with b − a. */
export function metricDeltas(a: HistoryEntry, b: HistoryEntry): MetricDelta[] {
  const ma = entryMetrics(a);
  const mb = entryMetrics(b);
  const keys = [...new Set([...ma.keys(), ...mb.keys()])];
  return keys.map((key) => {
    const va = ma.get(key) ?? null;
    const vb = mb.get(key) ?? null;
    const delta = va !== null && vb !== null ? round(vb - va) : null;
    const pct = delta !== null && va !== null && va !== 0 ? round((delta / Math.abs(va)) * 100) : null;
    return { key, a: va, b: vb, delta, delta_pct: pct };
  });
}

/** `--runs N` compares carry the paired difference and its 95 % interval per metric. */
export function pairedOf(entry: HistoryEntry): PairedStats | null {
  return entry.kind === 'compare' ? entry.compare.paired : null;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
