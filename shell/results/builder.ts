import type { ParserEvent, ParsedResult, TestType } from '../parser/index.js';
import { systemClock, type HostClock } from '../../uart/index.js';
import { compareTypeOf, parseCommandFlags } from './command-flags.js';
import type {
  CompareRecord,
  ErrorRecord,
  MetricSample,
  ReportRecord,
  ResultsDocument,
  ResultsTarget,
  SummaryRecord,
  TestRun,
} from './types.js';

export interface ResultsBuilderOptions {
  /** The generator version written to the document (the package version). */
  version: string;
  target: ResultsTarget;
  /** Its wall time stamps everything. Default the system clock. */
  clock?: HostClock;
}

export interface ResultsBuilder {
  /** `atMs`: wall ms the event's bytes arrived, for METRIC and summary stamps; default the clock now. */
  consume(event: ParserEvent, atMs?: number): void;
  consumeAll(events: Iterable<ParserEvent>): void;
  /** A snapshot of everything so far; `finished_at` is the clock at this call. */
  document(): ResultsDocument;
  /** Whether a run or compare has been recorded (cheap; document() copies everything). */
  readonly hasRuns: boolean;
  /**
   * Records the test whose header was seen and whose result never came as CANCELLED (the session
   * was ended by a signal while it ran); returns whether there was one.
   */
  cancelOpenTest(): boolean;
}

/**
 * Metric samples kept per document, the first ones (later ones are counted in `dropped`): four
 * minutes of the model's 10 Hz of 8 METRIC names. A long session must not grow without bound.
 */
export const MAX_METRIC_SAMPLES = 20_000;

const TEST_TYPES: readonly string[] = ['memory', 'commands', 'multi', 'learning', 'redteam', 'chaos'];

interface PendingCompare {
  side: 'off' | 'on';
  off: number[];
  on: number[];
}

/**
 * Turns parser events into a results document. The command of a run is the command echoed since
 * the last prompt; `[COMPARE] Running with autonomy …` marks the following runs as compare halves,
 * which are linked to the compare record when its block arrives (before the next prompt).
 */
export function createResultsBuilder(options: ResultsBuilderOptions): ResultsBuilder {
  const clock = options.clock ?? systemClock;
  const iso = () => new Date(clock.wallMs()).toISOString();
  const nowMs = () => clock.wallMs();
  const startedAt = iso();
  const runs: TestRun[] = [];
  const compares: CompareRecord[] = [];
  const reports: ReportRecord[] = [];
  const errors: ErrorRecord[] = [];
  // Telemetry arrives by the thousand: its times are kept as numbers and written out by document().
  const samples: Array<Omit<MetricSample, 'at'> & { atMs: number }> = [];
  const summaries: Array<Omit<SummaryRecord, 'at'> & { atMs: number }> = [];
  let droppedSamples = 0;
  let command: string | null = null;
  let testStartedAt: string | null = null;
  let openTest: { testType: TestType; format: ParsedResult['format']; title: string; config: ParsedResult['config'] } | null = null;
  let pendingCompare: PendingCompare | null = null;

  // Samples come in bursts within one ms: the last conversion is reused.
  let lastMs = NaN;
  let lastIso = '';
  function isoAt(ms: number): string {
    if (ms !== lastMs) {
      lastMs = ms;
      lastIso = new Date(ms).toISOString();
    }
    return lastIso;
  }

  function addRun(result: ParsedResult): void {
    const index = runs.length;
    runs.push({
      index,
      type: result.testType,
      format: result.format,
      command,
      compare: null,
      started_at: testStartedAt,
      finished_at: iso(),
      config: { ...result.config, flags: parseCommandFlags(command) },
      verdict: result.verdict,
      cancelled_after_ms: result.cancelledAfterMs,
      metrics: result.metrics,
      shell_line: result.shellLine,
      extra: result.extra,
    });
    testStartedAt = null;
    if (pendingCompare) pendingCompare[pendingCompare.side].push(index);
  }

  function addCompare(event: Extract<ParserEvent, { type: 'compare' }>): void {
    const c = event.compare;
    const index = compares.length;
    const halves = pendingCompare ?? { off: [], on: [] };
    pendingCompare = null;
    const named = compareTypeOf(command);
    const firstRun = runs[halves.off[0] ?? halves.on[0] ?? -1];
    const type = named !== null && TEST_TYPES.includes(named) ? (named as TestType) : (firstRun?.type ?? null);
    compares.push({
      index,
      type,
      layout: c.layout,
      command,
      runs: { off: halves.off, on: halves.on },
      test_seconds: c.testSeconds,
      metrics: c.metrics,
      interventions: c.interventions,
      impact: c.impact,
      paired: c.paired,
      extra: c.extra,
    });
    for (const i of halves.off) runs[i]!.compare = { index, side: 'off' };
    for (const i of halves.on) runs[i]!.compare = { index, side: 'on' };
  }

  function consume(event: ParserEvent, atMs?: number): void {
    switch (event.type) {
      case 'prompt':
        command = null;
        testStartedAt = null;
        openTest = null;
        pendingCompare = null;
        return;
      case 'command':
        command = event.command;
        return;
      case 'test-start':
        testStartedAt = iso();
        openTest = { testType: event.testType, format: event.format, title: event.title, config: event.config };
        return;
      case 'result':
        openTest = null;
        return addRun(event.result);
      case 'compare-phase':
        pendingCompare ??= { side: event.side, off: [], on: [] };
        pendingCompare.side = event.side;
        return;
      case 'compare':
        return addCompare(event);
      case 'report': {
        const r = event.report;
        reports.push({ index: reports.length, command, format: r.format, scope: r.scope, entries: r.entries });
        return;
      }
      case 'error':
        errors.push({ command, ...event.error });
        return;
      case 'metric':
        if (samples.length >= MAX_METRIC_SAMPLES) {
          droppedSamples++;
          return;
        }
        samples.push({ name: event.name, value: event.value, line: event.line ?? null, atMs: atMs ?? nowMs(), command });
        return;
      case 'summary':
        summaries.push({ name: event.name, values: { ...event.values }, line: event.line ?? null, atMs: atMs ?? nowMs(), command });
        return;
      default:
        return;
    }
  }

  return {
    get hasRuns() {
      return runs.length + compares.length > 0;
    },
    cancelOpenTest() {
      if (openTest === null) return false;
      const { testType, format, title, config } = openTest;
      openTest = null;
      addRun({ testType, format, title, anchor: null, config, verdict: 'CANCELLED', cancelledAfterMs: null, metrics: {}, extra: {}, shellLine: null });
      return true;
    },
    consume,
    consumeAll(events) {
      for (const e of events) consume(e);
    },
    document() {
      return structuredClone({
        schema_version: 1 as const,
        generator: { name: 'sis' as const, version: options.version },
        target: { ...options.target },
        started_at: startedAt,
        finished_at: iso(),
        runs,
        compares,
        reports,
        errors,
        metrics: {
          samples: samples.map(({ atMs, ...sample }): MetricSample => ({ ...sample, at: isoAt(atMs) })),
          summaries: summaries.map(({ atMs, ...summary }): SummaryRecord => ({ ...summary, at: isoAt(atMs) })),
          dropped: droppedSamples,
        },
      });
    },
  };
}
