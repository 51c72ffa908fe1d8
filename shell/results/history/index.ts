export { resolveHistoryPath } from './paths.js';
export type { HistoryPathOptions } from './paths.js';
export { HISTORY_VERSION, historyEntries, isHistoryEntry } from './entries.js';
export type { CompareEntry, HistoryEntry, HistorySource, RunEntry } from './entries.js';
export { appendHistory, createHistoryRecorder, HISTORY_ROTATE_BYTES, historyFiles, readHistory, streamHistory } from './store.js';
export type { HistoryRead, HistoryRecorder, HistoryRecorderOptions, HistoryWrite, ReadHistoryOptions } from './store.js';
export { compareKeyMetrics, compareLabel, runKeyMetrics, runVerdict } from './key-metrics.js';
export { entryKeyMetrics, entryLabel, entryMatchesType, entryRow, entryVerdict, formatHistoryTable, HISTORY_HEADER, shortDate } from './table.js';
export { columnWidths, formatTable, tableLine } from './text-table.js';
