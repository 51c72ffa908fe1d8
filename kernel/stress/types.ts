import type { AutonomyMetrics } from '../autonomy/metrics.js';
import type { FlagSpec } from '../commands/types.js';
import type { Heap } from '../heap/heap.js';
import type { Prng } from '../prng.js';
import type { KernelProfile } from '../profiles/index.js';
import type { AutonomyState } from '../state.js';

export type TestType = 'memory' | 'commands' | 'multi' | 'learning' | 'redteam' | 'chaos';
export type Verdict = 'PASS' | 'PARTIAL PASS' | 'FAIL' | 'CANCELLED';

/** Validated flag values keyed by camel-cased flag name (`--target-pressure` → `targetPressure`), defaults filled in. */
export type TestConfig = Readonly<Record<string, number | boolean | bigint>>;

/** The numbers one run leaves behind, for `report`, `compare` and the autonomy controller's telemetry. */
export interface RunRecord {
  readonly durationMs: number;
  /** What `report` shows as Actions (commands sent, ticks, attacks, events ...). */
  readonly actions: number;
  readonly oomEvents: number;
  /** Named figures `compare` may show, e.g. `peakPressure`, `successRate`. */
  readonly figures: Readonly<Record<string, number>>;
}

export interface TestSummary {
  /** After `[STRESS TEST] `, e.g. `Memory test complete`. */
  readonly title: string;
  /** Two-space `Key: value` lines, in order, without the Status line. */
  readonly fields: ReadonlyArray<readonly [string, string]>;
  /** Absent for tests whose real summary has no Status line (multi). */
  readonly status?: Verdict;
  /** Lines printed after the Status line (e.g. a verbose failure breakdown), already indented. */
  readonly tail?: readonly string[];
  /** The shell's `[STRESSTEST] ...` line, printed after a run that was not cancelled nor part of compare. */
  readonly shellLine?: string;
  readonly record: RunRecord;
}

/** Values a test reports for the live METRIC progress batch. */
export interface ProgressValues {
  pressurePct?: number;
  targetPct?: number;
  oomEvents?: number;
  compactions?: number;
  events?: number;
  successes?: number;
  failures?: number;
}

/** What a running test sees of the kernel. Every yield of its generator is virtual µs spent. */
export interface StressContext {
  readonly seed: bigint;
  readonly prng: Prng;
  /** The calibration profile's workload sizes and cost models. */
  readonly profile: KernelProfile;
  readonly heap: Heap;
  readonly autonomy: AutonomyState;
  readonly metrics: AutonomyMetrics;
  readonly quiet: boolean;
  readonly verbose: boolean;
  readonly startUs: number;
  readonly durationMs: number;
  nowUs(): number;
  readonly cancelled: boolean;
  /** Prints one line (a `\n` is added). Headers and summaries are printed by the runner. */
  line(text: string): void;
  /** Prints a per-event line unless --quiet. */
  event(text: string): void;
  /** Prints a line only with --verbose. */
  detail(text: string): void;
  /** True when a METRIC progress batch is due (cheap; call before building values). */
  progressDue(): boolean;
  progress(values: ProgressValues): void;
  /** Runs one command line through the shell's interpreter, output discarded; false if unknown. */
  interpret(line: string): boolean;
  /** Feeds raw bytes through a private instance of the shell's line discipline and interpreter; returns lines run. */
  feedShell(bytes: Uint8Array): number;
}

export interface StressTest {
  readonly type: TestType;
  /** Header title without `=== ` framing, e.g. `Memory Stress Test (Enhanced)`. */
  readonly title: string;
  readonly summary: string;
  readonly flags: readonly FlagSpec[];
  /** Header lines after the title, before `Seed:`. */
  headerLines(config: TestConfig): string[];
  run(ctx: StressContext, config: TestConfig): Generator<number, TestSummary, void>;
  /** Lines `compare` shows for one side, e.g. [['Peak pressure', '87%']]. */
  compareLines(record: RunRecord): Array<readonly [string, string]>;
  /** Figures `compare --runs` averages, with a label and unit suffix: [key, label]. */
  readonly pairedFigures: ReadonlyArray<readonly [string, string]>;
}
