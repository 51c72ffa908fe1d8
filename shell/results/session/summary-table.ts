import { compareKeyMetrics, compareLabel, formatTable, runKeyMetrics, runVerdict } from '../history/index.js';
import type { ResultsDocument } from '../index.js';

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
  // Telemetry is listed when it is all there is (a board's log with no stress test).
  const onlyTelemetry = doc.runs.length + doc.compares.length + doc.reports.length + doc.errors.length + unknownCommands.length === 0;
  return `${text}${byVerdict.length > 0 ? `${runs}: ${byVerdict.join(', ')}` : runs}\n${onlyTelemetry ? describeTelemetry(doc) : ''}`;
}

/** One line on the telemetry found (samples per metric name, the summaries); empty when there is none. */
export function describeTelemetry(doc: ResultsDocument): string {
  const { samples, summaries } = doc.metrics;
  if (samples.length + summaries.length === 0) return '';
  const names = new Map<string, number>();
  for (const sample of samples) names.set(sample.name, (names.get(sample.name) ?? 0) + 1);
  const metrics = [...names].map(([name, n]) => `${name} x${n}`).join(', ');
  const summaryNames = summaries.map((s) => s.name).join(', ');
  return (
    `telemetry: ${samples.length} METRIC samples${metrics ? ` (${metrics})` : ''}; ` +
    `${summaries.length} [SUMMARY] lines${summaryNames ? ` (${summaryNames})` : ''}\n`
  );
}
