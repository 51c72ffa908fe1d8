import type { HistoryEntry } from './entries.js';
import { compareKeyMetrics, compareLabel, runKeyMetrics, runVerdict } from './key-metrics.js';
import { formatTable } from './text-table.js';

/** `2026-11-27T23:11:18.123Z` → `2026-11-27 23:11:18`. */
function shortDate(iso: string): string {
  return new Date(iso).toISOString().slice(0, 19).replace('T', ' ');
}

export function entryRow(entry: HistoryEntry): string[] {
  const date = shortDate(entry.recorded_at);
  const target = entry.target.transport;
  if (entry.kind === 'run') return [date, entry.run.type, runVerdict(entry.run), runKeyMetrics(entry.run), target];
  return [date, compareLabel(entry.compare), '-', compareKeyMetrics(entry.compare), target];
}

export const HISTORY_HEADER = ['DATE (UTC)', 'TYPE', 'VERDICT', 'KEY METRICS', 'TARGET'] as const;

/** The `sis history` table: one line per entry, oldest first. */
export function formatHistoryTable(entries: readonly HistoryEntry[]): string {
  return formatTable(HISTORY_HEADER, entries.map(entryRow));
}

/** `--type T`: runs of that type, compares of that type, or every compare for `compare`. */
export function entryMatchesType(entry: HistoryEntry, type: string): boolean {
  if (entry.kind === 'run') return entry.run.type === type;
  return type === 'compare' || entry.compare.type === type;
}
