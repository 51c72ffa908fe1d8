import type { CompareRecord, ResultsDocument, TestRun } from '../../shell/results/index.js';
import { DEFAULT_MIN_INTERVENTIONS, type Thresholds } from './thresholds.js';

export type CheckStatus = 'PASS' | 'FAIL' | 'NOTE';

export interface CheckResult {
  status: CheckStatus;
  message: string;
}

export interface SourcedDoc {
  path: string;
  doc: ResultsDocument;
}

interface SourcedRun {
  path: string;
  run: TestRun;
}

const pass = (message: string): CheckResult => ({ status: 'PASS', message });
const fail = (message: string): CheckResult => ({ status: 'FAIL', message });
const note = (message: string): CheckResult => ({ status: 'NOTE', message });

function label({ path, run }: SourcedRun): string {
  return `run #${run.index + 1} ${run.type} (${path})`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Metrics as one comparable string, keys sorted. */
function fingerprint(run: TestRun): string {
  const m = run.metrics as Record<string, unknown>;
  return JSON.stringify(Object.keys(m).sort().map((k) => [k, m[k]]));
}

/** The report's first check: runs of one type must not all give the same numbers. */
function variability(runs: readonly SourcedRun[]): CheckResult[] {
  const byType = new Map<string, SourcedRun[]>();
  for (const r of runs) byType.set(r.run.type, [...(byType.get(r.run.type) ?? []), r]);
  const out: CheckResult[] = [];
  for (const [type, group] of byType) {
    const what = `variability (${type})`;
    if (group.length < 2) {
      out.push(note(`${what}: only 1 run; run the test at least twice (different seeds) to check that results vary`));
      continue;
    }
    const seeds = new Set(group.map((r) => r.run.config.seed ?? 'unknown'));
    if (seeds.size === 1 && !seeds.has('unknown')) {
      out.push(note(`${what}: all ${group.length} runs used seed ${[...seeds][0]}; identical results are expected, not checked`));
      continue;
    }
    const distinct = new Set(group.map((r) => fingerprint(r.run))).size;
    if (distinct === 1) out.push(fail(`${what}: ${group.length} runs gave identical metrics (the test looks deterministic)`));
    else out.push(pass(`${what}: ${group.length} runs, ${distinct} distinct results`));
  }
  return out;
}

function compareLabel(path: string, c: CompareRecord): string {
  return `compare #${c.index + 1}${c.type ? ` ${c.type}` : ''} (${path})`;
}

/** Interventions with autonomy on: the count printed, or with `--runs N` the mean over the runs. */
function interventionsOn(c: CompareRecord): { count: number; mean: string } | null {
  if (c.interventions.on !== null) return { count: c.interventions.on.total, mean: '' };
  const paired = c.paired?.metrics.find((m) => m.key === 'ai_interventions');
  if (paired) return { count: paired.on_mean, mean: ` (mean of ${c.paired!.runs} runs)` };
  const pair = c.metrics.find((m) => m.key === 'ai_interventions');
  return pair?.on == null ? null : { count: pair.on, mean: '' };
}

/** The report's second check: autonomy must act during a compare. */
function interventions(docs: readonly SourcedDoc[], min: number): CheckResult[] {
  const out: CheckResult[] = [];
  for (const { path, doc } of docs) {
    for (const c of doc.compares) {
      const on = interventionsOn(c);
      const what = `interventions ${compareLabel(path, c)}`;
      if (on === null) out.push(note(`${what}: this compare prints no intervention counts`));
      else if (on.count >= min) out.push(pass(`${what}: ${on.count}${on.mean} with autonomy on (at least ${min})`));
      else out.push(fail(`${what}: ${on.count}${on.mean} with autonomy on, expected at least ${min}`));
    }
  }
  if (out.length === 0) out.push(note("interventions: no compare in the results (run 'stresstest compare memory' to check autonomy)"));
  return out;
}

/** The report's third check: a latency p99 of 0 means the histogram recorded nothing. */
function latency(runs: readonly SourcedRun[]): CheckResult[] {
  const measured = runs.filter((r) => r.run.metrics.latency_p99_ns !== undefined);
  if (measured.length === 0) return [note('latency: no run reports a latency p99')];
  const zero = measured.filter((r) => r.run.metrics.latency_p99_ns === 0);
  if (zero.length === 0) return [pass(`latency: p99 > 0 in all ${plural(measured.length, 'run')} that report it`)];
  return zero.map((r) => fail(`latency ${label(r)}: p99 is 0 ns (latency tracking not working)`));
}

function limit(
  runs: readonly SourcedRun[],
  name: string,
  value: (run: TestRun) => number | undefined,
  ok: (v: number) => boolean,
  bound: string,
  unit: string,
): CheckResult[] {
  const measured = runs.filter((r) => value(r.run) !== undefined);
  if (measured.length === 0) return [note(`${name}: no run reports it`)];
  const bad = measured.filter((r) => !ok(value(r.run)!));
  if (bad.length === 0) return [pass(`${name}: ${plural(measured.length, 'run')} checked, all ${bound}`)];
  return bad.map((r) => fail(`${name} ${label(r)}: ${value(r.run)}${unit}, limit ${bound}`));
}

/**
 * Every check over the runs of all documents. Variability and thresholds look at standalone
 * runs only (the halves of a compare differ on purpose), and none looks at cancelled runs.
 */
export function runChecks(docs: readonly SourcedDoc[], thresholds: Thresholds): CheckResult[] {
  const all = docs.flatMap(({ path, doc }) => doc.runs.map((run) => ({ path, run })));
  const completed = all.filter((r) => r.run.verdict !== 'CANCELLED');
  const standalone = completed.filter((r) => r.run.compare === null);
  const out: CheckResult[] = [];
  if (all.length === 0) out.push(note('no runs in the results'));
  out.push(...variability(standalone));
  out.push(...interventions(docs, thresholds.min_interventions ?? DEFAULT_MIN_INTERVENTIONS));
  out.push(...latency(completed));
  if (thresholds.max_oom !== undefined) {
    const max = thresholds.max_oom;
    out.push(...limit(standalone, 'max OOM events', (r) => r.metrics.oom_events, (v) => v <= max, `<= ${max}`, ''));
  }
  if (thresholds.min_success_rate !== undefined) {
    const min = thresholds.min_success_rate;
    out.push(...limit(standalone, 'min success rate', (r) => r.metrics.success_rate, (v) => v >= min, `>= ${min}%`, '%'));
  }
  return out;
}
