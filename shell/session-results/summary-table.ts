import { compareKeyMetrics, compareLabel, formatTable, runKeyMetrics, runVerdict } from '../history/index.js';
import type { ResultsDocument } from '../results/index.js';

/** One line per run, compare and report, the commands the target rejected, and a count by verdict. */
export function formatSummary(doc: ResultsDocument, unknownCommands: readonly string[] = []): string {
  const rows = doc.runs.map((run) => [
    String(run.index + 1),
    run.compare ? `${run.type} [autonomy ${run.compare.side}]` : run.type,
    runVerdict(run),
    runKeyMetrics(run),
  ]);
  for (const c of doc.compares) rows.push([`C${c.index + 1}`, compareLabel(c), '-', compareKeyMetrics(c)]);
  for (const r of doc.reports) {
    const entries = `${r.entries.length} entr${r.entries.length === 1 ? 'y' : 'ies'}`;
    rows.push([`R${r.index + 1}`, 'report', '-', r.scope === null ? entries : `${entries} (${r.scope})`]);
  }
  let text = rows.length > 0 ? formatTable(['#', 'TYPE', 'VERDICT', 'KEY METRICS'], rows) : '';
  for (const e of doc.errors) text += `rejected: ${e.command === null ? '' : `'${e.command}': `}[ERROR] ${e.message}\n`;
  for (const command of unknownCommands) text += `rejected: Unknown command: ${command}\n`;
  const tally = new Map<string, number>();
  for (const run of doc.runs) tally.set(runVerdict(run), (tally.get(runVerdict(run)) ?? 0) + 1);
  const byVerdict = [...tally].map(([verdict, n]) => `${n} ${verdict === '-' ? 'without status' : verdict}`);
  const runs = `${doc.runs.length} run${doc.runs.length === 1 ? '' : 's'}`;
  return `${text}${byVerdict.length > 0 ? `${runs}: ${byVerdict.join(', ')}` : runs}\n`;
}
