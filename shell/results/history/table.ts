import type { HistoryEntry } from './entries.js';
import { compareKeyMetrics, compareLabel, runKeyMetrics, runVerdict } from './key-metrics.js';
import { formatTable } from './text-table.js';

/** `2026-11-27T23:11:18.123Z` → `2026-11-27 23:11:18`. */
export function shortDate(iso: string): string {
  return new Date(iso).toISOString().slice(0, 19).replace('T', ' ');
}

/** What an entry is listed as: its test type, or `compare memory`. */
export function entryLabel(entry: HistoryEntry): string {
  return entry.kind === 'run' ? entry.run.type : compareLabel(entry.compare);
}

/** Its verdict as listed: the run's status, `-` for a run without one and for a compare. */
export function entryVerdict(entry: HistoryEntry): string {
  return entry.kind === 'run' ? runVerdict(entry.run) : '-';
}

export function entryKeyMetrics(entry: HistoryEntry): string {
  return entry.kind === 'run' ? runKeyMetrics(entry.run) : compareKeyMetrics(entry.compare);
}

/** The `sis history` row; the console's past-results view lists the same entries with the same cells. */
export function entryRow(entry: HistoryEntry): string[] {
  return [shortDate(entry.recorded_at), entryLabel(entry), entryVerdict(entry), entryKeyMetrics(entry), entry.target.transport];
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
