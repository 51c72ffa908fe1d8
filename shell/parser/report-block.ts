import type { ReportEvent } from './events.js';
import type { ParsedReport, ReportEntry } from './records.js';
import { parseIntText, parseIntWithSuffix, parseKeyValues } from './values.js';

const LEGACY_ENTRY = /^([a-z]+)\s+(AUTO|MAN)\b\s*(.*)$/;

/** `Type: memory | Duration: 3000 ms | Actions: 0 | OOM: 0` (V2/V3). */
function parsePipedEntry(t: string): ReportEntry | null {
  if (!t.startsWith('Type:')) return null;
  let entry: ReportEntry | null = null;
  const numbers: Array<[string, number | null]> = [];
  for (const part of t.split('|')) {
    const i = part.indexOf(':');
    if (i < 0) return null;
    const key = part.slice(0, i).trim().toLowerCase();
    const value = part.slice(i + 1).trim();
    if (key === 'type') entry = { type: value };
    else if (key === 'duration') numbers.push(['duration_ms', parseIntWithSuffix(value, 'ms')]);
    else if (key === 'actions') numbers.push(['actions', parseIntText(value)]);
    else if (key === 'oom') numbers.push(['oom_events', parseIntText(value)]);
  }
  if (!entry) return null;
  for (const [k, v] of numbers) if (v !== null) entry[k as 'duration_ms' | 'actions' | 'oom_events'] = v;
  return entry;
}

const LEGACY_KEYS: Record<string, 'duration_ms' | 'actions' | 'oom_events' | 'peak_pressure'> = {
  dur: 'duration_ms',
  actions: 'actions',
  ooms: 'oom_events',
  peak: 'peak_pressure',
};

/** `memory MAN dur=10001 peak=97% ooms=446` (older README format). */
function parseLegacyEntry(t: string): ReportEntry | null {
  const m = LEGACY_ENTRY.exec(t);
  if (!m) return null;
  const entry: ReportEntry = { type: m[1]!, autonomy: m[2] === 'AUTO' ? 'on' : 'off' };
  for (const [k, v] of parseKeyValues(m[3]!)) {
    const field = LEGACY_KEYS[k];
    const n = parseIntText(v.replace(/%$/, ''));
    if (field && n !== null) entry[field] = n;
  }
  return entry;
}

/** `=== Stress Test History (…) ===` and its entries, or `(no history)`. */
export class ReportBlock {
  readonly kind = 'report';
  private readonly entries: ReportEntry[] = [];
  private legacy = false;

  constructor(
    private readonly format: ParsedReport['format'],
    private readonly title: string,
    private readonly scope: string | null,
  ) {}

  accept(line: string): boolean {
    const t = line.trim();
    if (t === '(no history)') return true;
    const piped = parsePipedEntry(t);
    if (piped) {
      this.entries.push(piped);
      return true;
    }
    const legacy = parseLegacyEntry(t);
    if (!legacy) return false;
    this.legacy = true;
    this.entries.push(legacy);
    return true;
  }

  finish(): ReportEvent {
    return {
      type: 'report',
      report: {
        format: this.legacy ? 'V1' : this.format,
        title: this.title,
        scope: this.scope,
        entries: this.entries,
      },
    };
  }
}
