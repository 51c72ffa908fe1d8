import type { CompareRecord, ErrorRecord, ReportRecord, ResultsDocument, TestRun } from './types.js';

/** A results document without what varies between sessions: generator, target and timestamps. */
export interface StableProjection {
  runs: Array<Omit<TestRun, 'started_at' | 'finished_at'>>;
  compares: CompareRecord[];
  reports: ReportRecord[];
  errors: ErrorRecord[];
}

export function projectDocument(doc: ResultsDocument): StableProjection {
  return structuredClone({
    runs: doc.runs.map(({ started_at: _s, finished_at: _f, ...run }) => run),
    compares: doc.compares,
    reports: doc.reports,
    errors: doc.errors,
  });
}

/** The document as written to a file: two-space indented JSON and a final newline. */
export function toResultsJson(doc: ResultsDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
