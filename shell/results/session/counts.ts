import type { ResultsDocument } from '../index.js';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `1 run`, `4 runs, 1 compare`, `no results`. */
export function describeCounts(doc: ResultsDocument): string {
  const parts: string[] = [];
  if (doc.runs.length > 0) parts.push(plural(doc.runs.length, 'run'));
  if (doc.compares.length > 0) parts.push(plural(doc.compares.length, 'compare'));
  if (doc.reports.length > 0) parts.push(plural(doc.reports.length, 'report'));
  return parts.length > 0 ? parts.join(', ') : 'no results';
}
