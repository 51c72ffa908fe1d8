import { compareKeyMetrics, compareLabel, runKeyMetrics, type HistoryEntry } from '../results/history/index.js';
import type { ResultsDocument, TestRun } from '../results/index.js';
import type { RunRow } from './wire.js';

export function entryRow(id: string, entry: HistoryEntry): RunRow {
  const base = { id, recorded_at: entry.recorded_at, target: entry.target.transport, source: entry.source };
  if (entry.kind === 'run') {
    const { run } = entry;
    return { ...base, kind: 'run', type: run.type, verdict: run.verdict, command: run.command, key_metrics: runKeyMetrics(run) };
  }
  const { compare } = entry;
  return {
    ...base,
    kind: 'compare',
    type: compareLabel(compare),
    verdict: null,
    command: compare.command,
    key_metrics: compareKeyMetrics(compare),
  };
}

/**
 * A history entry as a results document (schema/results.schema.json): the run alone, or the
 * compare with its halves, indexes renumbered from 0 as if the session had held only them.
 */
export function entryDocument(entry: HistoryEntry, version: string): ResultsDocument {
  const base = {
    schema_version: 1 as const,
    generator: { name: 'sis' as const, version },
    target: entry.target,
    reports: [],
    errors: [],
    // The history keeps results, not the telemetry stream they came with.
    metrics: { samples: [], summaries: [], dropped: 0 },
  };
  if (entry.kind === 'run') {
    const run: TestRun = { ...entry.run, index: 0, compare: null };
    return { ...base, started_at: run.started_at ?? run.finished_at, finished_at: run.finished_at, runs: [run], compares: [] };
  }
  const renumber = new Map(entry.runs.map((run, i) => [run.index, i]));
  const runs = entry.runs.map((run, i) => ({
    ...run,
    index: i,
    compare: run.compare && { index: 0, side: run.compare.side },
  }));
  const map = (indexes: number[]): number[] => indexes.map((i) => renumber.get(i)).filter((i): i is number => i !== undefined);
  const compare = { ...entry.compare, index: 0, runs: { off: map(entry.compare.runs.off), on: map(entry.compare.runs.on) } };
  const first = runs[0];
  const last = runs.at(-1);
  return {
    ...base,
    started_at: first?.started_at ?? first?.finished_at ?? entry.recorded_at,
    finished_at: last?.finished_at ?? entry.recorded_at,
    runs,
    compares: [compare],
  };
}
