import type { CommandContext } from '../commands/types.js';
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
export function createStressContext({ command, config, seed }: StressContextOptions): StressContext & {
  lastProgress: ProgressValues;
  emitProgress(values: ProgressValues, progressPct?: number): void;
} {
  const { state, clock, prng } = command;
  prng.seed(seed);
  const startUs = clock.nowUs;
  // Learning has no --duration: each episode lasts one virtual second.
  const durationMs =
    typeof config.duration === 'number' ? config.duration : typeof config.episodes === 'number' ? config.episodes * 1000 : 0;
  const quiet = config.quiet === true;
  let nextProgressUs = startUs + PROGRESS_INTERVAL_US;
  const ctx = {
    seed,
    prng,
    profile: state.profile,
    heap: state.heap,
    autonomy: state.autonomy,
    metrics: state.metrics,
    quiet,
    verbose: config.verbose === true,
    startUs,
    durationMs,
    lastProgress: {} as ProgressValues,
    nowUs: () => clock.nowUs,
    get cancelled() {
      return command.cancelled;
    },
    line: (text: string) => command.print(`${text}\n`),
    event: (text: string) => {
      if (!quiet) command.print(`${text}\n`);
    },
    detail: (text: string) => {
      if (ctx.verbose) command.print(`${text}\n`);
    },
    progressDue: () => !quiet && state.metricsEnabled && clock.nowUs >= nextProgressUs,
    progress(values: ProgressValues) {
      ctx.lastProgress = values;
      if (!ctx.progressDue()) return;
      nextProgressUs = clock.nowUs + PROGRESS_INTERVAL_US;
      ctx.emitProgress(values);
    },
    emitProgress(values: ProgressValues, progressPct?: number) {
      const elapsedMs = Math.floor((clock.nowUs - startUs) / 1000);
      const pct = progressPct ?? (durationMs > 0 ? Math.min(100, Math.floor((elapsedMs * 100) / durationMs)) : 0);
      let text = `METRIC stress_progress_pct=${pct}\nMETRIC stress_elapsed_ms=${elapsedMs}\nMETRIC stress_duration_ms=${durationMs}\n`;
      for (const [key, name] of PROGRESS_NAMES) {
        const value = values[key];
        if (value !== undefined) text += `METRIC ${name}=${Math.max(0, Math.floor(value))}\n`;
      }
      command.print(text);
    },
    interpret: (line: string) => command.interpret(line),
    feedShell: (bytes: Uint8Array) => command.feedShell(bytes),
  };
  return ctx;
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
