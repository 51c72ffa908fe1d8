import type { AutonomyMetrics } from '../autonomy/metrics.js';
import type { CommandContext } from '../commands/types.js';
import type { Heap } from '../heap/heap.js';
import type { Prng } from '../prng.js';
import type { KernelProfile } from '../profiles/index.js';
import type { Scheduler } from '../scheduler.js';
import type { AutonomyState, KernelState } from '../state.js';
import type { ProgressValues, StressContext, TestConfig } from './types.js';

/** Longest virtual time a test runs between looks at Ctrl-C: every test yields at least this often. */
export const CANCEL_SLICE_US = 10_000;

/** Virtual µs between METRIC progress batches (about 10 per virtual second). */
export const PROGRESS_INTERVAL_US = 100_000;

export interface StressContextOptions {
  command: CommandContext;
  config: TestConfig;
  seed: bigint;
}

/** Builds the view a running test has of the kernel; seeds the PRNG. */
export function createStressContext({ command, config, seed }: StressContextOptions): RunContext {
  command.prng.seed(seed);
  return new RunContext(command, config, seed);
}

/*
 * A class rather than an object literal of closures: every run then shares the same methods and
 * the same object shape, so the optimised code of one run still fits the next (a literal's getter
 * and arrow functions are new objects per run, which sends the hot loop back to the interpreter).
 */
export class RunContext implements StressContext {
  readonly prng: Prng;
  readonly profile: KernelProfile;
  readonly heap: Heap;
  readonly autonomy: AutonomyState;
  readonly metrics: AutonomyMetrics;
  readonly quiet: boolean;
  readonly verbose: boolean;
  readonly startUs: number;
  readonly durationMs: number;
  lastProgress: ProgressValues = {};
  private readonly clock: Scheduler;
  private readonly state: KernelState;
  private nextProgressUs: number;

  constructor(
    private readonly command: CommandContext,
    config: TestConfig,
    readonly seed: bigint,
  ) {
    const { state, clock } = command;
    this.prng = command.prng;
    this.profile = state.profile;
    this.heap = state.heap;
    this.autonomy = state.autonomy;
    this.metrics = state.metrics;
    this.clock = clock;
    this.state = state;
    this.startUs = clock.nowUs;
    // Learning has no --duration: each episode lasts one virtual second.
    this.durationMs =
      typeof config.duration === 'number' ? config.duration : typeof config.episodes === 'number' ? config.episodes * 1000 : 0;
    this.quiet = config.quiet === true;
    this.verbose = config.verbose === true;
    this.nextProgressUs = this.startUs + PROGRESS_INTERVAL_US;
  }

  nowUs(): number {
    return this.clock.nowUs;
  }

  get cancelled(): boolean {
    return this.command.cancelled;
  }

  line(text: string): void {
    this.command.print(`${text}\n`);
  }

  event(text: string): void {
    if (!this.quiet) this.command.print(`${text}\n`);
  }

  detail(text: string): void {
    if (this.verbose) this.command.print(`${text}\n`);
  }

  progressDue(): boolean {
    return !this.quiet && this.state.metricsEnabled && this.clock.nowUs >= this.nextProgressUs;
  }

  progress(values: ProgressValues): void {
    this.lastProgress = values;
    if (!this.progressDue()) return;
    this.nextProgressUs = this.clock.nowUs + PROGRESS_INTERVAL_US;
    this.emitProgress(values);
  }

  emitProgress(values: ProgressValues, progressPct?: number): void {
    const elapsedMs = Math.floor((this.clock.nowUs - this.startUs) / 1000);
    const durationMs = this.durationMs;
    const pct = progressPct ?? (durationMs > 0 ? Math.min(100, Math.floor((elapsedMs * 100) / durationMs)) : 0);
    let text = `METRIC stress_progress_pct=${pct}\nMETRIC stress_elapsed_ms=${elapsedMs}\nMETRIC stress_duration_ms=${durationMs}\n`;
    for (const [key, name] of PROGRESS_NAMES) {
      const value = values[key];
      if (value !== undefined) text += `METRIC ${name}=${Math.max(0, Math.floor(value))}\n`;
    }
    this.command.print(text);
  }

  interpret(line: string): boolean {
    return this.command.interpret(line);
  }

  feedShell(bytes: Uint8Array): number {
    return this.command.feedShell(bytes);
  }
}

const PROGRESS_NAMES: ReadonlyArray<readonly [keyof ProgressValues, string]> = [
  ['pressurePct', 'stress_pressure_pct'],
  ['targetPct', 'stress_target_pct'],
  ['oomEvents', 'stress_oom_events'],
  ['compactions', 'stress_compactions'],
  ['events', 'stress_events'],
  ['successes', 'stress_successes'],
  ['failures', 'stress_failures'],
];
