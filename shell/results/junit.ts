import type { ResultsDocument, TestRun } from './types.js';
import { escapeXml, openTag } from './xml.js';

export interface JUnitOptions {
  /** Count PARTIAL PASS as passed (default false: PARTIAL PASS is a failure). */
  allowPartialPass?: boolean;
  /** The testsuite name (default `sis.stresstest`). */
  suiteName?: string;
  /** Commands the target answered with `Unknown command` (default none): each is a failed testcase. */
  unknownCommands?: readonly string[];
}

interface Rejection {
  command: string;
  type: string;
  message: string;
}

/** Commands the target refused (a bad flag or value, an unknown command): one failed testcase each. */
function rejections(doc: ResultsDocument, unknownCommands: readonly string[]): Rejection[] {
  return [
    ...doc.errors.map((error) => ({ command: error.command ?? '', type: error.kind, message: error.message })),
    ...unknownCommands.map((command) => ({ command, type: 'unknown-command', message: `Unknown command: ${command}` })),
  ];
}

type Outcome = { kind: 'passed' } | { kind: 'failure'; type: string } | { kind: 'skipped'; message: string };

/**
 * FAIL is a failure; PARTIAL PASS too unless allowed; CANCELLED is skipped, because an operator's
 * Ctrl-C says nothing about the system under test; no status line (commands, multi) is a pass.
 */
export function runOutcome(run: TestRun, allowPartialPass: boolean): Outcome {
  if (run.verdict === 'FAIL') return { kind: 'failure', type: 'FAIL' };
  if (run.verdict === 'PARTIAL PASS' && !allowPartialPass) return { kind: 'failure', type: 'PARTIAL PASS' };
  if (run.verdict === 'CANCELLED') {
    const after = run.cancelled_after_ms === null ? '' : ` after ${run.cancelled_after_ms} ms`;
    return { kind: 'skipped', message: `cancelled${after}` };
  }
  return { kind: 'passed' };
}

function scalar(value: unknown): string | null {
  return typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean' ? String(value) : null;
}

/** Every config value, metric and shell-line field of a run as `name → value`, in a stable order. */
export function runProperties(run: TestRun): Array<[string, string]> {
  const props: Array<[string, string]> = [['verdict', run.verdict ?? 'none'], ['format', run.format]];
  if (run.command !== null) props.push(['command', run.command]);
  if (run.compare) props.push(['compare.index', String(run.compare.index)], ['compare.side', run.compare.side]);
  if (run.cancelled_after_ms !== null) props.push(['cancelled_after_ms', String(run.cancelled_after_ms)]);
  const { flags, extra, ...config } = run.config;
  for (const [k, v] of Object.entries(config)) props.push([`config.${k}`, String(v)]);
  for (const [k, v] of Object.entries(flags)) props.push([`config.flags.${k}`, String(v)]);
  for (const [k, v] of Object.entries(extra)) props.push([`config.extra.${k}`, v]);
  const { episode_rewards, failure_breakdown, ...metrics } = run.metrics;
  for (const [k, v] of Object.entries(metrics)) props.push([`metric.${k}`, scalar(v) ?? '']);
  if (episode_rewards) {
    props.push(['metric.episode_rewards', episode_rewards.map((e) => `${e.episode}:${e.reward}`).join(',')]);
  }
  for (const b of failure_breakdown ?? []) props.push([`metric.failure_breakdown.${b.event}`, `${b.failed}/${b.total}`]);
  for (const [k, v] of Object.entries(run.shell_line?.fields ?? {})) props.push([`shell_line.${k}`, String(v)]);
  for (const [k, v] of Object.entries(run.extra)) props.push([`extra.${k}`, v]);
  return props;
}

function seconds(run: TestRun): number | undefined {
  const d = run.shell_line?.fields['duration_ms'];
  if (typeof d === 'number') return d / 1000;
  if (run.started_at === null) return undefined;
  return (Date.parse(run.finished_at) - Date.parse(run.started_at)) / 1000;
}

function testcaseName(run: TestRun): string {
  const side = run.compare ? ` [autonomy ${run.compare.side}]` : '';
  return `#${run.index + 1} ${run.command ?? `stresstest ${run.type}`}${side}`;
}

/** JUnit XML: one testsuite, one testcase per run (classname `sis.stresstest.{type}`). */
export function toJUnitXml(doc: ResultsDocument, options: JUnitOptions = {}): string {
  const allow = options.allowPartialPass ?? false;
  const suite = options.suiteName ?? 'sis.stresstest';
  const outcomes = doc.runs.map((run) => runOutcome(run, allow));
  const failures = outcomes.filter((o) => o.kind === 'failure').length;
  const skipped = outcomes.filter((o) => o.kind === 'skipped').length;
  const total = doc.runs.reduce((sum, run) => sum + (seconds(run) ?? 0), 0);
  const rejected = rejections(doc, options.unknownCommands ?? []);
  const counts = { tests: doc.runs.length + rejected.length, failures: failures + rejected.length, errors: 0, skipped, time: total.toFixed(3) };
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `${openTag('testsuites', { name: 'sis', ...counts })}>`];
  lines.push(`  ${openTag('testsuite', { name: suite, ...counts, timestamp: doc.started_at })}>`);
  doc.runs.forEach((run, i) => {
    const time = seconds(run);
    const attrs = { name: testcaseName(run), classname: `sis.stresstest.${run.type}`, time: time?.toFixed(3) };
    lines.push(`    ${openTag('testcase', attrs)}>`, '      <properties>');
    for (const [name, value] of runProperties(run)) lines.push(`        ${openTag('property', { name, value })}/>`);
    lines.push('      </properties>');
    const o = outcomes[i]!;
    if (o.kind === 'failure') {
      const body = runProperties(run)
        .filter(([k]) => k.startsWith('metric.'))
        .map(([k, v]) => `${k.slice(7)}=${v}`)
        .join('\n');
      const message = `Status: ${o.type}`;
      lines.push(`      ${openTag('failure', { message, type: o.type })}>${escapeXml(body)}</failure>`);
    } else if (o.kind === 'skipped') {
      lines.push(`      ${openTag('skipped', { message: o.message })}/>`);
    }
    lines.push('    </testcase>');
  });
  for (const r of rejected) {
    lines.push(
      `    ${openTag('testcase', { name: `rejected: ${r.command}`, classname: 'sis.rejected', time: '0.000' })}>`,
      `      ${openTag('failure', { message: r.message, type: r.type })}/>`,
      '    </testcase>',
    );
  }
  lines.push('  </testsuite>', '</testsuites>', '');
  return lines.join('\n');
}
