import type { CommandContext } from '../commands/types.js';
import { createStressContext } from './context.js';
import type { StressTest, TestConfig, TestSummary } from './types.js';

export interface RunOptions {
  /** Part of a compare: no shell `[STRESSTEST]` line. */
  inCompare?: boolean;
  /** Seed to use when the config has none; default the µs clock, like the real kernel. */
  seed?: bigint;
}

/**
 * One test run as the shell prints it: header (with the seed), the test's own lines, then on
 * Ctrl-C a cancelled line, the summary block, and the shell's `[STRESSTEST]` line.
 */
export function* runStressTest(
  test: StressTest,
  command: CommandContext,
  config: TestConfig,
  options: RunOptions = {},
): Generator<number, TestSummary, void> {
  const seed = typeof config.seed === 'bigint' ? config.seed : (options.seed ?? BigInt(Math.floor(command.clock.nowUs)));
  const header = [`=== ${test.title} ===`, ...test.headerLines(config), `Seed: ${seed} (profile ${command.state.profile.name})`];
  command.print(`\n${header.join('\n')}\n\n`);
  const ctx = createStressContext({ command, config, seed });
  const summary = yield* test.run(ctx, config);
  const cancelled = command.cancelled;
  if (cancelled) {
    const elapsedMs = Math.floor((command.clock.nowUs - ctx.startUs) / 1000);
    command.print(`\n[STRESS TEST] Cancelled after ${elapsedMs} ms\n`);
  } else if (ctx.lastProgress && !ctx.quiet && command.state.metricsEnabled) {
    ctx.emitProgress(ctx.lastProgress, 100);
  }
  command.print(formatSummary(summary, cancelled));
  if (!cancelled && !options.inCompare && summary.shellLine) command.print(`\n${summary.shellLine}\n`);
  command.state.history.push({ type: test.type, autonomyAtEnd: command.state.autonomy.enabled, record: summary.record });
  return cancelled ? { ...summary, status: 'CANCELLED' } : summary;
}

export function formatSummary(summary: TestSummary, cancelled: boolean): string {
  const lines = [`[STRESS TEST] ${summary.title}`, ...summary.fields.map(([key, value]) => `  ${key}: ${value}`)];
  const status = cancelled ? 'CANCELLED' : summary.status;
  if (status) lines.push(`  Status: ${status}`);
  if (!cancelled && summary.tail) lines.push(...summary.tail);
  return `\n${lines.join('\n')}\n`;
}
