import type { CompareRecord, ResultsDocument, ResultsTarget, TestRun } from '../index.js';

/** Version of the history line format; a line with another version is skipped as unreadable. */
export const HISTORY_VERSION = 1 as const;

/** Who recorded the entry: `sis run`, the console (plain mode or TUI), or `sis parse --record`. */
export type HistorySource = 'run' | 'console' | 'parse';

interface EntryBase {
  history_version: typeof HISTORY_VERSION;
  /** ISO 8601 UTC. */
  recorded_at: string;
  source: HistorySource;
  target: ResultsTarget;
}

/** A run that is not half of a compare. */
export interface RunEntry extends EntryBase {
  kind: 'run';
  run: TestRun;
}

/** A compare with both halves (`--runs N`: every half). */
export interface CompareEntry extends EntryBase {
  kind: 'compare';
  compare: CompareRecord;
  runs: TestRun[];
}

export type HistoryEntry = RunEntry | CompareEntry;

/** One entry per standalone run and per compare, in the document's order of completion. */
export function historyEntries(doc: ResultsDocument, source: HistorySource, recordedAt: Date): HistoryEntry[] {
  const base = { history_version: HISTORY_VERSION, recorded_at: recordedAt.toISOString(), source, target: doc.target };
  const entries: Array<{ at: number; entry: HistoryEntry }> = [];
  for (const run of doc.runs) {
    if (run.compare === null) entries.push({ at: run.index, entry: { ...base, kind: 'run', run } });
  }
  for (const compare of doc.compares) {
    const halves = [...compare.runs.off, ...compare.runs.on].sort((a, b) => a - b);
    const runs = halves.map((i) => doc.runs[i]).filter((r): r is TestRun => r !== undefined);
    const at = halves.length > 0 ? halves[halves.length - 1]! : doc.runs.length;
    entries.push({ at, entry: { ...base, kind: 'compare', compare, runs } });
  }
  return entries.sort((a, b) => a.at - b.at).map((e) => structuredClone(e.entry));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isRun(value: unknown): value is TestRun {
  return isObject(value) && typeof value.type === 'string' && isObject(value.metrics) && isObject(value.config);
}

/** Whether a parsed history line has the shape the table and filters rely on. */
export function isHistoryEntry(value: unknown): value is HistoryEntry {
  if (!isObject(value) || value.history_version !== HISTORY_VERSION) return false;
  if (typeof value.recorded_at !== 'string' || Number.isNaN(Date.parse(value.recorded_at))) return false;
  if (!isObject(value.target) || typeof value.target.transport !== 'string') return false;
  if (value.kind === 'run') return isRun(value.run);
  if (value.kind !== 'compare' || !isObject(value.compare) || !Array.isArray(value.runs)) return false;
  return Array.isArray(value.compare.metrics) && isObject(value.compare.interventions) && value.runs.every(isRun);
}
