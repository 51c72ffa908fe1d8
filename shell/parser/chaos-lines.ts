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

const SPACE = /\s/;
/** Kinds by the name as printed: most floods repeat a few names, so each is lowercased and looked up once. */
const kindByName = new Map<string, ChaosKind>();
const KIND_CACHE_LIMIT = 256;

function kindOf(name: string): ChaosKind {
  let kind = kindByName.get(name);
  if (kind === undefined) {
    const lower = name.toLowerCase();
    kind = Object.hasOwn(KINDS, lower) ? KINDS[lower]! : 'unknown';
    // A copy as the key: `name` is a view into the read it was cut from, which the key would keep alive.
    if (kindByName.size < KIND_CACHE_LIMIT) kindByName.set(` ${name}`.slice(1), kind);
  }
  return kind;
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/** `91 allocs`, `120ms`, `2.5 s`: a number, optional white space, then a unit without white space. */
function parseParam(text: string): ChaosParam | null {
  const s = text.trim();
  let i = 0;
  while (i < s.length && isDigit(s.charCodeAt(i))) i++;
  if (i === 0) return null;
  if (s.charCodeAt(i) === 0x2e && isDigit(s.charCodeAt(i + 1))) {
    i += 2;
    while (i < s.length && isDigit(s.charCodeAt(i))) i++;
  }
  // trimStart drops exactly what `\s` matches (WhiteSpace and LineTerminator).
  const unit = s.slice(i).trimStart();
  return SPACE.test(unit) ? null : { value: Number(s.slice(0, i)), unit };
}

/**
 * `[CHAOS] Memory spike (91 allocs)` → the event without outcome; null for other lines. Split by
 * hand, in one pass: the name, and the text of a final parenthesis (preceded by white space, with
 * no other parenthesis in it), if there is one.
 */
export function parseChaosLine(line: string): ChaosEventEvent | null {
  const text = line.trim();
  if (!text.startsWith('[CHAOS]') || !SPACE.test(text.charAt(7))) return null;
  const body = text.slice(8).trimStart();
  if (body.endsWith(')')) {
    const open = body.lastIndexOf('(');
    if (open > 0 && body.indexOf(')', open) === body.length - 1 && SPACE.test(body.charAt(open - 1))) {
      const name = body.slice(0, open).trimEnd();
      if (name !== '') return { type: 'chaos-event', kind: kindOf(name), name, param: parseParam(body.slice(open + 1, -1)), outcome: null };
    }
  }
  return body === '' ? null : { type: 'chaos-event', kind: kindOf(body), name: body, param: null, outcome: null };
}

const DONE = /^->\s*(recovered|ok) in (\d+)\s*us$/;
const FAILED = /^->\s*FAILED after (\d+)\s*us(?:\s+\((.*)\))?$/;

/** `  -> recovered in {us}us`, `  -> ok in {us}us`, `  -> FAILED after {us}us ({reason})`, `  [FAILED]`. */
export function parseChaosOutcome(line: string): ChaosOutcome | null {
  const t = line.trim();
  if (t === '[FAILED]') return { status: 'failed', us: null, reason: null };
  if (!t.startsWith('->')) return null;
  // The two patterns exclude each other: try only the one the line can match.
  if (t.indexOf('FAILED', 2) < 0) {
    const m = DONE.exec(t);
    return m ? { status: m[1] as 'recovered' | 'ok', us: Number(m[2]) } : null;
  }
  const m = FAILED.exec(t);
  return m ? { status: 'failed', us: Number(m[1]), reason: m[2] ?? null } : null;
}
