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

const PARAM = /^(\d+(?:\.\d+)?)\s*(\S*)$/;
const SPACE = /\s/;

/**
 * `[CHAOS] name (param)` split by hand, in one pass: the name, and the text of a final
 * parenthesis (preceded by white space, with no other parenthesis in it), if there is one.
 */
function splitChaos(text: string): { name: string; param: string | undefined } | null {
  if (!text.startsWith('[CHAOS]') || !SPACE.test(text.charAt(7))) return null;
  const body = text.slice(8).trimStart();
  if (body.endsWith(')')) {
    const open = body.lastIndexOf('(');
    const inner = open > 0 ? body.slice(open + 1, -1) : '(';
    if (!inner.includes('(') && !inner.includes(')') && SPACE.test(body.charAt(open - 1))) {
      const name = body.slice(0, open).trimEnd();
      if (name !== '') return { name, param: inner };
    }
  }
  return body === '' ? null : { name: body, param: undefined };
}

/** `[CHAOS] Memory spike (91 allocs)` → the event without outcome; null for other lines. */
export function parseChaosLine(line: string): ChaosEventEvent | null {
  const m = splitChaos(line.trim());
  if (!m) return null;
  const { name } = m;
  let param: ChaosParam | null = null;
  if (m.param !== undefined) {
    const p = PARAM.exec(m.param.trim());
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
