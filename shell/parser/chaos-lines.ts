import type { ChaosEventEvent } from './events.js';
import type { ChaosKind, ChaosOutcome, ChaosParam } from './records.js';

const KINDS: Record<string, ChaosKind> = {
  'memory spike': 'memory-spike',
  'memory release': 'memory-release',
  'autonomy flip': 'autonomy-flip',
  'command burst': 'command-burst',
  'telemetry storm': 'telemetry-storm',
  'hot retrain': 'hot-retrain',
  'deadline pressure': 'deadline-pressure',
  'prediction storm': 'prediction-storm',
  'workload spike': 'workload-spike',
  'memory churn': 'memory-churn',
  'network partition': 'network-partition',
  'disk i/o stall': 'disk-io-stall',
  recovery: 'recovery',
};

const CHAOS = /^\[CHAOS\]\s+(.+?)(?:\s+\(([^()]*)\))?\s*$/;
const PARAM = /^(\d+(?:\.\d+)?)\s*(\S*)$/;

/** `[CHAOS] Memory spike (91 allocs)` → the event without outcome; null for other lines. */
export function parseChaosLine(line: string): ChaosEventEvent | null {
  const m = CHAOS.exec(line.trim());
  if (!m) return null;
  const name = m[1]!;
  let param: ChaosParam | null = null;
  if (m[2] !== undefined) {
    const p = PARAM.exec(m[2].trim());
    if (p) param = { value: Number(p[1]), unit: p[2]! };
  }
  return { type: 'chaos-event', kind: KINDS[name.toLowerCase()] ?? 'unknown', name, param, outcome: null };
}

const DONE = /^->\s*(recovered|ok) in (\d+)\s*us$/;
const FAILED = /^->\s*FAILED after (\d+)\s*us(?:\s+\((.*)\))?$/;

/** `  -> recovered in {us}us`, `  -> ok in {us}us`, `  -> FAILED after {us}us ({reason})`, `  [FAILED]`. */
export function parseChaosOutcome(line: string): ChaosOutcome | null {
  const t = line.trim();
  if (t === '[FAILED]') return { status: 'failed', us: null, reason: null };
  if (!t.startsWith('->')) return null;
  let m = DONE.exec(t);
  if (m) return { status: m[1] as 'recovered' | 'ok', us: Number(m[2]) };
  m = FAILED.exec(t);
  if (m) return { status: 'failed', us: Number(m[1]), reason: m[2] ?? null };
  return null;
}
