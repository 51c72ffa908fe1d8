import type {
  CompareLayout,
  ComparePair,
  ErrorKind,
  FormatVersion,
  ImpactLine,
  InterventionSide,
  PairedStats,
  ParsedReport,
  ReportEntry,
  RunMetrics,
  ShellLine,
  TestConfig,
  TestType,
  Verdict,
} from '../parser/index.js';

/** The JSON written by `--output-json` (schema/results.schema.json). Timestamps are ISO 8601 UTC. */
export interface ResultsDocument {
  schema_version: 1;
  generator: { name: 'sis'; version: string };
  target: ResultsTarget;
  started_at: string;
  finished_at: string;
  runs: TestRun[];
  compares: CompareRecord[];
  reports: ReportRecord[];
  errors: ErrorRecord[];
  /** The target's telemetry: `METRIC name=value` samples and `[SUMMARY]` lines, wherever they arrived. */
  metrics: TelemetryRecord;
}

export interface TelemetryRecord {
  samples: MetricSample[];
  summaries: SummaryRecord[];
  /** Samples beyond the kept maximum (oldest kept). */
  dropped: number;
}

export interface MetricSample {
  name: string;
  value: number;
  /** 1-based line of the stream (the log) it was on. */
  line: number | null;
  at: string;
  /** The command running when it arrived. */
  command: string | null;
}

export interface SummaryRecord {
  name: string;
  values: Record<string, number>;
  line: number | null;
  at: string;
  command: string | null;
}

export interface ResultsTarget {
  kind: 'model' | 'board';
  /** e.g. `virtual`, `/dev/ttyUSB0`, `tcp:127.0.0.1:4444`. */
  transport: string;
}

/** The command-line flags of the run's command: `--duration 5000 --quiet` → `{ duration: '5000', quiet: true }`. */
export type CommandFlags = Record<string, string | true>;

export interface RunConfig extends TestConfig {
  flags: CommandFlags;
}

export interface TestRun {
  /** Position in `runs`. */
  index: number;
  type: TestType;
  format: FormatVersion;
  /** The echoed command the run belongs to; null when it was not seen. */
  command: string | null;
  /** Set when the run is one half of a `compare`. */
  compare: { index: number; side: 'off' | 'on' } | null;
  /** When the test header arrived (null without a header) and when the summary completed. */
  started_at: string | null;
  finished_at: string;
  config: RunConfig;
  /** Null when the format prints no status line (commands, multi, trimmed output). */
  verdict: Verdict | null;
  cancelled_after_ms: number | null;
  metrics: RunMetrics;
  shell_line: ShellLine | null;
  /** Summary lines that were not recognised, by key as printed. */
  extra: Record<string, string>;
}

export interface CompareRecord {
  index: number;
  type: TestType | null;
  layout: CompareLayout;
  command: string | null;
  /** Indexes into `runs`; with `--runs N` the k-th `off` run pairs with the k-th `on` run. */
  runs: { off: number[]; on: number[] };
  /** From a V4 `=== Comparative Results ({N}s test) ===` header. */
  test_seconds: number | null;
  metrics: ComparePair[];
  interventions: { off: InterventionSide | null; on: InterventionSide | null };
  impact: ImpactLine[];
  paired: PairedStats | null;
  extra: Record<string, string>;
}

export interface ReportRecord {
  index: number;
  command: string | null;
  format: ParsedReport['format'];
  scope: string | null;
  entries: ReportEntry[];
}

export interface ErrorRecord {
  command: string | null;
  kind: ErrorKind;
  message: string;
  flag: string | null;
  value: string | null;
  expected: string | null;
  suggestion: string | null;
}
