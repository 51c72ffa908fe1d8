import type { CompareRecord, ErrorRecord, MetricSample, ReportRecord, ResultsDocument, SummaryRecord, TestRun } from './types.js';

/** A results document without what varies between sessions: generator, target and timestamps. */
export interface StableProjection {
  runs: Array<Omit<TestRun, 'started_at' | 'finished_at'>>;
  compares: CompareRecord[];
  reports: ReportRecord[];
  errors: ErrorRecord[];
  metrics: {
    samples: Array<Omit<MetricSample, 'at'>>;
    summaries: Array<Omit<SummaryRecord, 'at'>>;
    dropped: number;
  };
}

export function projectDocument(doc: ResultsDocument): StableProjection {
  return structuredClone({
    runs: doc.runs.map(({ started_at: _s, finished_at: _f, ...run }) => run),
    compares: doc.compares,
    reports: doc.reports,
    errors: doc.errors,
    metrics: {
      samples: doc.metrics.samples.map(({ at: _a, ...sample }) => sample),
      summaries: doc.metrics.summaries.map(({ at: _a, ...summary }) => summary),
      dropped: doc.metrics.dropped,
    },
  });
}

/** The document as written to a file: two-space indented JSON and a final newline. */
export function toResultsJson(doc: ResultsDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
