export { resolveHistoryPath } from './paths.js';
export type { HistoryPathOptions } from './paths.js';
export { HISTORY_VERSION, historyEntries, isHistoryEntry } from './entries.js';
export type { CompareEntry, HistoryEntry, HistorySource, RunEntry } from './entries.js';
export { appendHistory, createHistoryRecorder, readHistory } from './store.js';
export type { HistoryRead, HistoryRecorder, HistoryRecorderOptions, HistoryWrite } from './store.js';
export { compareKeyMetrics, compareLabel, runKeyMetrics, runVerdict } from './key-metrics.js';
export { entryMatchesType, entryRow, formatHistoryTable } from './table.js';
export { formatTable } from './text-table.js';
