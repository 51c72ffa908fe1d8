import type {
  ChaosKind,
  ChaosOutcome,
  ChaosParam,
  FormatVersion,
  ParsedCompare,
  ParsedError,
  ParsedReport,
  ParsedResult,
  ShellLine,
  TestConfig,
  TestType,
} from './records.js';

/** The prompt `sis> ` arrived. `completed` is the command echoed since the previous prompt. */
export interface PromptEvent {
  type: 'prompt';
  completed: string | null;
}

/** The echoed line `sis> {command}` (backspace echoes applied). Empty lines give no event. */
export interface CommandEvent {
  type: 'command';
  command: string;
}

/** `^C`: at the prompt `input` is the discarded text; during output it is null. */
export interface InterruptEvent {
  type: 'interrupt';
  input: string | null;
}

/** A test header (`=== … ===` and its `Key: value` lines) is complete. */
export interface TestStartEvent {
  type: 'test-start';
  testType: TestType;
  title: string;
  format: FormatVersion;
  header: Record<string, string>;
  config: TestConfig;
}

export interface MetricEvent {
  type: 'metric';
  name: string;
  value: number;
  raw: string;
  /** 1-based number of the line in the stream. */
  line?: number;
}

export interface ChaosEventEvent {
  type: 'chaos-event';
  kind: ChaosKind;
  name: string;
  param: ChaosParam | null;
  outcome: ChaosOutcome | null;
}

/** `[STRESS TEST] Cancelled after {ms} ms` (our model, after Ctrl-C). */
export interface TestCancelledEvent {
  type: 'test-cancelled';
  afterMs: number;
}

export interface EpisodeEvent {
  type: 'episode';
  episode: number;
  reward: number | null;
}

export interface ResultEvent {
  type: 'result';
  result: ParsedResult;
}

/** `[COMPARE] Running with autonomy DISABLED|ENABLED...`: the next run is that side. */
export interface ComparePhaseEvent {
  type: 'compare-phase';
  side: 'off' | 'on';
}

export interface CompareEvent {
  type: 'compare';
  compare: ParsedCompare;
}

export interface ReportEvent {
  type: 'report';
  report: ParsedReport;
}

export interface ErrorEvent {
  type: 'error';
  error: ParsedError;
}

export interface StresstestLineEvent {
  type: 'stresstest-line';
  testType: TestType | null;
  line: ShellLine;
}

/** `[SUMMARY] {name}: P50={n} ns, …` with every `KEY={number}` pair. */
export interface SummaryEvent {
  type: 'summary';
  name: string;
  values: Record<string, number>;
  /** 1-based number of the line in the stream. */
  line?: number;
}

/** A tagged kernel line; `message` is the text after the tag. */
export interface TaggedLineEvent {
  type: 'timer' | 'ai-prediction' | 'safety' | 'autoctl';
  message: string;
}

/** `[AUTONOMY]`, `[PRED_MEM]` and `[META]` lines. */
export interface AutonomyEvent {
  type: 'autonomy';
  tag: string;
  message: string;
}

/** The `=== Autonomous Control Status ===` block. */
export interface AutoctlStatusEvent {
  type: 'autoctl-status';
  fields: Record<string, string>;
  enabled: boolean | null;
  decisionIntervalMs: number | null;
  totalDecisions: number | null;
}

/** A boot marker (reference §8.2); `shell-banner` is `=== SIS Kernel Shell ===`. */
export interface BootEvent {
  type: 'boot';
  marker: string;
  text: string;
}

export interface UnknownCommandEvent {
  type: 'unknown-command';
  command: string;
}

/** A trimmed-transcript marker: `...`, `... (169 lines of events)`, `(repeats 38x)`. */
export interface ElisionEvent {
  type: 'elision';
  text: string;
}

/** Any other non-blank line; `overlong` when it is a 64 KiB piece of a longer line. */
export interface OtherEvent {
  type: 'other';
  text: string;
  overlong: boolean;
}

export type ParserEvent =
  | PromptEvent
  | CommandEvent
  | InterruptEvent
  | TestStartEvent
  | MetricEvent
  | ChaosEventEvent
  | TestCancelledEvent
  | EpisodeEvent
  | ResultEvent
  | ComparePhaseEvent
  | CompareEvent
  | ReportEvent
  | ErrorEvent
  | StresstestLineEvent
  | SummaryEvent
  | TaggedLineEvent
  | AutonomyEvent
  | AutoctlStatusEvent
  | BootEvent
  | UnknownCommandEvent
  | ElisionEvent
  | OtherEvent;

export type ParserEventType = ParserEvent['type'];
