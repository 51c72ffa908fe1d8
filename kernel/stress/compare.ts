import type { CommandContext, FlagSpec, IntFlagSpec, Task } from '../commands/types.js';
import { COMMON_FLAGS } from './common-flags.js';
import { parseFlags } from './flags.js';
import { formatCompare, formatPaired, type CompareSide } from './compare-format.js';
import { STRESS_TESTS } from './registry.js';
import { runStressTest } from './runner.js';
import type { StressTest, TestConfig, TestSummary } from './types.js';

export const COMPARE_TYPES = ['memory', 'commands', 'multi', 'chaos', 'learning'] as const;

const RUNS_FLAG: IntFlagSpec = {
  name: '--runs',
  kind: 'int',
  min: 1,
  max: 100,
  default: 1,
  help: 'paired runs on consecutive seeds; 2 or more adds means and 95% intervals',
};

function compareFlags(test: StressTest): readonly FlagSpec[] {
  return [...test.flags, RUNS_FLAG, ...COMMON_FLAGS];
}

/** Every flag some compare type accepts, for help and completion. */
export const COMPARE_FLAGS: readonly FlagSpec[] = (() => {
  const seen = new Map<string, FlagSpec>();
  for (const test of STRESS_TESTS) {
    if ((COMPARE_TYPES as readonly string[]).includes(test.type)) for (const f of compareFlags(test)) seen.set(f.name, f);
  }
  for (const f of [RUNS_FLAG, ...COMMON_FLAGS]) seen.set(f.name, f);
  return [...seen.values()];
})();

const USAGE = `Usage: stresstest compare <${COMPARE_TYPES.join('|')}> [--duration MS] [--runs N] [test flags]\n`;

/** `stresstest compare <type>`: autonomy OFF then ON on the same seed, then the comparison. */
export function runCompare(ctx: CommandContext, args: readonly string[]): Task | void {
  const type = args[0];
  const test = STRESS_TESTS.find((t) => t.type === type);
  if (type === undefined || !test || !(COMPARE_TYPES as readonly string[]).includes(type)) {
    if (type !== undefined) ctx.print(`[ERROR] compare: unknown test type '${type}'\n`);
    ctx.print(USAGE);
    return;
  }
  const parsed = parseFlags(compareFlags(test), args.slice(1), `stresstest compare ${type}`, ctx.state.profile.flagDefaults);
  if (!parsed.ok) return void ctx.print(`${parsed.error}\n`);
  if (parsed.positionals.length > 0) {
    return void ctx.print(`[ERROR] unexpected argument '${parsed.positionals[0]}' for 'stresstest compare ${type}'\n`);
  }
  if (parsed.config.quiet && parsed.config.verbose) {
    return void ctx.print('[ERROR] --quiet and --verbose cannot be used together\n');
  }
  return compareTask(test, ctx, parsed.config);
}

/* A named generator function, not a closure per command, so every task has the same shape. */
function* compareTask(test: StressTest, ctx: CommandContext, config: TestConfig): Task {
  const runs = config.runs as number;
  const wasEnabled = ctx.state.autonomy.enabled;
  const baseSeed = typeof config.seed === 'bigint' ? config.seed : BigInt(Math.floor(ctx.clock.nowUs));
  const pairs: Array<[CompareSide, CompareSide]> = [];
  let shown = false;
  for (let i = 0; i < runs && !ctx.cancelled; i++) {
    shown = runs === 1;
    const seed = baseSeed + BigInt(i);
    const sink = runs === 1 ? ctx : silent(ctx);
    const off = yield* half(test, sink, config, seed, false);
    if (ctx.cancelled) break;
    const on = yield* half(test, sink, config, seed, true);
    if (ctx.cancelled) break;
    pairs.push([off, on]);
    if (runs > 1) ctx.print(progressLine(test, i + 1, runs, seed, off, on));
  }
  ctx.state.autonomy.enabled = wasEnabled;
  if (ctx.cancelled) {
    // The runner's cancel line is not shown before the first run nor by silent --runs: end the ^C line here.
    if (!shown) ctx.print(`\n[COMPARE] Cancelled after ${pairs.length} of ${runs} runs\n`);
    return;
  }
  if (runs === 1) ctx.print(formatCompare(test, pairs[0]![0], pairs[0]![1]));
  else ctx.print(formatPaired(test, pairs, baseSeed));
}

function* half(
  test: StressTest,
  ctx: CommandContext,
  config: TestConfig,
  seed: bigint,
  autonomy: boolean,
): Generator<number, CompareSide, void> {
  ctx.print(`\n[COMPARE] Running with autonomy ${autonomy ? 'ENABLED' : 'DISABLED'}...\n`);
  ctx.state.autonomy.enabled = autonomy;
  ctx.state.heap.reset();
  ctx.state.metrics.reset();
  // Both halves start with the decision timer armed at the same offset and no trend history.
  ctx.state.controller.rearm();
  const summary: TestSummary = yield* runStressTest(test, ctx, { ...config, seed }, { inCompare: true });
  return { summary, interventions: ctx.state.metrics.snapshot() };
}

function silent(ctx: CommandContext): CommandContext {
  return Object.create(ctx, { print: { value: () => {} } }) as CommandContext;
}

function progressLine(test: StressTest, i: number, runs: number, seed: bigint, off: CompareSide, on: CompareSide): string {
  const figures = (side: CompareSide) =>
    test.pairedFigures.map(([key]) => `${key}=${side.summary.record.figures[key] ?? 0}`).join(' ');
  return `[COMPARE] run ${i}/${runs} seed=${seed}: off ${figures(off)} | on ${figures(on)}\n`;
}
