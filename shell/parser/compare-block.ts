import type { CompareEvent } from './events.js';
import type {
  CompareLayout,
  ComparePair,
  ImpactKind,
  ImpactLine,
  InterventionCount,
  PairedMetric,
  PairedStats,
} from './records.js';
import { metricKey, parseKeyValueLine, parseLatencyTriple, parseNumberWithUnit } from './values.js';

type Side = 'off' | 'on';

const IMPACT = /^\[([+\-!])\]\s*(.*)$/;
const IMPACT_KINDS: Record<string, ImpactKind> = { '+': 'improved', '-': 'worsened', '!': 'warning' };
// The name starts at a non-space, so the spaces before it are not re-split on every failed try.
const SUB_COUNT = /^-\s+(\S.*?):\s*(\d+)(?:\s*\((\d+(?:\.\d+)?)\/sec\))?$/;
const LEGACY_PAIR = /^off=(\S+)\s+on=(\S+)$/;
const NUM = String.raw`(-?\d+(?:\.\d+)?)%?`;
const PAIRED_LINE = new RegExp(
  String.raw`^(.+?):\s+off=${NUM}\s+on=${NUM}\s+diff=\+?${NUM}\s+ci95=\[\s*${NUM}\s*,\s*${NUM}\s*\]\s+(significant|not significant)$`,
);

interface SideInterventions {
  total: number | null;
  breakdown: InterventionCount[];
}

/** `=== Comparative Results … ===` (V0, V2, V4 layouts) or `=== Paired Comparison … ===`. */
export class CompareBlock {
  readonly kind = 'compare';
  private side: Side | null = null;
  private inImpact = false;
  private readonly pairs = new Map<string, ComparePair>();
  private readonly interventions: Record<Side, SideInterventions | null> = { off: null, on: null };
  private readonly impact: ImpactLine[] = [];
  private readonly extra: Record<string, string> = {};

  constructor(
    private layout: CompareLayout,
    private readonly title: string,
    private readonly testSeconds: number | null,
    private readonly paired: PairedStats | null,
  ) {}

  accept(line: string): boolean {
    const t = line.trim();
    if (this.paired) return this.acceptPaired(this.paired, t);
    const lower = t.toLowerCase();
    if (lower === 'autonomy off:' || lower === 'autonomy on:') {
      this.side = lower === 'autonomy off:' ? 'off' : 'on';
      this.inImpact = false;
      return true;
    }
    if (lower === 'impact:') {
      this.inImpact = true;
      return true;
    }
    const impact = IMPACT.exec(t);
    if (impact) {
      this.impact.push({ kind: IMPACT_KINDS[impact[1]!]!, text: impact[2]! });
      return true;
    }
    if (this.inImpact && t.startsWith('- ')) {
      this.impact.push({ kind: 'neutral', text: t.slice(2).trim() });
      return true;
    }
    const sub = SUB_COUNT.exec(t);
    if (sub && this.side) {
      const entry: InterventionCount = { name: sub[1]!, key: metricKey(sub[1]!), count: Number(sub[2]) };
      if (sub[3] !== undefined) entry.rate_per_sec = Number(sub[3]);
      this.sideInterventions(this.side).breakdown.push(entry);
      return true;
    }
    const kv = parseKeyValueLine(t);
    if (!kv || kv.value === '') return false;
    const legacy = LEGACY_PAIR.exec(kv.value);
    if (legacy) {
      if (this.layout === 'V2') this.layout = 'V0';
      const off = parseNumberWithUnit(legacy[1]!);
      const on = parseNumberWithUnit(legacy[2]!);
      const key = metricKey(kv.key, off?.unit ?? on?.unit ?? '');
      this.setPair(kv.key, key, 'off', off?.value ?? null);
      this.setPair(kv.key, key, 'on', on?.value ?? null);
      return true;
    }
    if (!this.side) return false;
    this.acceptSideValue(this.side, kv.key, kv.value);
    return true;
  }

  private acceptSideValue(side: Side, name: string, value: string): void {
    if (name.toLowerCase() === 'ai interventions') {
      const n = parseNumberWithUnit(value);
      if (n && n.unit === '') {
        this.sideInterventions(side).total = n.value;
        return;
      }
    }
    const lat = parseLatencyTriple(value);
    if (lat) {
      for (const [p, ns] of Object.entries(lat)) this.setPair(`${name} ${p}`, `${metricKey(name)}_${p}_ns`, side, ns);
      return;
    }
    const n = parseNumberWithUnit(value);
    if (n) this.setPair(name, metricKey(name, n.unit), side, n.value);
    else this.extra[`${side}:${name}`] = value;
  }

  private acceptPaired(paired: PairedStats, t: string): boolean {
    const m = PAIRED_LINE.exec(t);
    if (!m) return false;
    const metric: PairedMetric = {
      name: m[1]!,
      key: metricKey(m[1]!),
      off_mean: Number(m[2]),
      on_mean: Number(m[3]),
      diff: Number(m[4]),
      ci95_low: Number(m[5]),
      ci95_high: Number(m[6]),
      significant: m[7] === 'significant',
    };
    paired.metrics.push(metric);
    return true;
  }

  private sideInterventions(side: Side): SideInterventions {
    return (this.interventions[side] ??= { total: null, breakdown: [] });
  }

  private setPair(name: string, key: string, side: Side, value: number | null): void {
    let pair = this.pairs.get(key);
    if (!pair) {
      pair = { name, key, off: null, on: null };
      this.pairs.set(key, pair);
    }
    pair[side] = value;
  }

  finish(): CompareEvent {
    const side = (s: SideInterventions | null) =>
      s && { total: s.total ?? s.breakdown.reduce((a, b) => a + b.count, 0), breakdown: s.breakdown };
    return {
      type: 'compare',
      compare: {
        layout: this.layout,
        title: this.title,
        testSeconds: this.testSeconds,
        metrics: [...this.pairs.values()],
        interventions: { off: side(this.interventions.off), on: side(this.interventions.on) },
        impact: this.impact,
        paired: this.paired,
        extra: this.extra,
      },
    };
  }
}
