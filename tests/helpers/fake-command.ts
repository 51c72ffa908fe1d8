import type { CommandContext, StressTest } from '../../kernel/index.js';
import { Prng, Scheduler } from '../../kernel/index.js';
import { createKernelState, type KernelState } from '../../kernel/state.js';
import { createStressContext } from '../../kernel/stress/context.js';
import type { TestConfig, TestSummary } from '../../kernel/stress/types.js';

export interface FakeCommandOptions {
  /** Virtual µs on the clock when the test starts. Default 0. */
  startUs?: number;
  /** METRIC output on. Default off. */
  metrics?: boolean;
  interpret?: (line: string) => boolean;
  feedShell?: (bytes: Uint8Array) => number;
}

/** A command context with its own clock and kernel state, printing into `output()`. */
export function fakeCommand(options: FakeCommandOptions = {}): {
  command: CommandContext;
  clock: Scheduler;
  state: KernelState;
  output: () => string;
} {
  const clock = new Scheduler();
  if (options.startUs) clock.advanceTo(options.startUs);
  const state = createKernelState();
  state.metricsEnabled = options.metrics === true;
  let out = '';
  const command: CommandContext = {
    print: (text) => (out += text),
    clock,
    prng: new Prng(),
    state,
    commands: [],
    cancelled: false,
    interpret: options.interpret ?? (() => true),
    feedShell: options.feedShell ?? (() => 0),
  };
  return { command, clock, state, output: () => out };
}

/**
 * Runs `test`'s generator directly (no runner: no header, no summary printing) on the fake
 * clock to its end; `onStep` sees the state after every step.
 */
export function driveTest(
  test: StressTest,
  fake: ReturnType<typeof fakeCommand>,
  config: TestConfig & { seed: bigint },
  onStep?: () => void,
): { summary: TestSummary; maxStep: number } {
  const ctx = createStressContext({ command: fake.command, config, seed: config.seed });
  const gen = test.run(ctx, config);
  let maxStep = 0;
  for (;;) {
    const step = gen.next();
    onStep?.();
    if (step.done) return { summary: step.value, maxStep };
    maxStep = Math.max(maxStep, step.value);
    fake.clock.spend(step.value);
  }
}
