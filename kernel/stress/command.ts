import type { Command, CommandContext, FlagSpec, SubcommandSpec, Task } from '../commands/types.js';
import { closestName } from '../suggest.js';
import { COMMON_FLAGS } from './common-flags.js';
import { parseFlags } from './flags.js';
import { formatReport } from './history.js';
import { STRESS_TESTS } from './registry.js';
import { runStressTest } from './runner.js';
import type { StressTest, TestConfig } from './types.js';
import { COMPARE_FLAGS, COMPARE_TYPES, runCompare } from './compare.js';

const REPORT_FLAGS: readonly FlagSpec[] = [{ name: '--all', kind: 'bool', help: 'all 16 entries instead of the last 5' }];
const SUBCOMMAND_NAMES = [...STRESS_TESTS.map((t) => t.type), 'compare', 'report'];
const USAGE_LINE = `Usage: stresstest <${SUBCOMMAND_NAMES.join('|')}> [options]`;

export function testFlags(test: StressTest): readonly FlagSpec[] {
  return [...test.flags, ...COMMON_FLAGS];
}

const SUBCOMMANDS: readonly SubcommandSpec[] = [
  ...STRESS_TESTS.map((test) => ({ name: test.type, summary: test.summary, flags: testFlags(test) })),
  {
    name: 'compare',
    summary: 'Run a test with autonomy OFF then ON on the same seed and compare',
    positional: `<${COMPARE_TYPES.join('|')}>`,
    positionalValues: COMPARE_TYPES,
    flags: COMPARE_FLAGS,
  },
  { name: 'report', summary: 'Show the last 5 runs (--all: all 16)', flags: REPORT_FLAGS },
];

export const stresstestCommand: Command = {
  name: 'stresstest',
  summary: `Run stress tests: ${STRESS_TESTS.map((t) => t.type).join('|')} [flags] | compare <type> | report`,
  usage: 'stresstest <test> [flags]   (help stresstest lists every flag)',
  subcommands: SUBCOMMANDS,
  run(ctx, args) {
    const name = args[0];
    if (name === undefined) {
      ctx.print(longUsage());
      return;
    }
    if (name === 'report') return report(ctx, args.slice(1));
    if (name === 'compare') return runCompare(ctx, args.slice(1));
    const test = STRESS_TESTS.find((t) => t.type === name);
    if (!test) {
      const guess = closestName(name, SUBCOMMAND_NAMES);
      ctx.print(`[ERROR] unknown test '${name}'${guess ? ` (did you mean ${guess}?)` : ''}\n${USAGE_LINE}\n`);
      return;
    }
    const parsed = parseFlags(testFlags(test), args.slice(1), `stresstest ${name}`, ctx.state.profile.flagDefaults);
    if (!parsed.ok) return void ctx.print(`${parsed.error}\n`);
    if (parsed.positionals.length > 0) {
      return void ctx.print(`[ERROR] unexpected argument '${parsed.positionals[0]}' for 'stresstest ${name}'\n`);
    }
    if (parsed.config.quiet && parsed.config.verbose) {
      return void ctx.print('[ERROR] --quiet and --verbose cannot be used together\n');
    }
    return testTask(test, ctx, parsed.config);
  },
};

/* One generator function for every run (not a closure per command), so every task has the same shape. */
function* testTask(test: StressTest, ctx: CommandContext, config: TestConfig): Task {
  yield* runStressTest(test, ctx, config);
}

function report(ctx: CommandContext, args: readonly string[]): void {
  const parsed = parseFlags(REPORT_FLAGS, args, 'stresstest report');
  if (!parsed.ok) return void ctx.print(`${parsed.error}\n`);
  ctx.print(formatReport(ctx.state.history, parsed.config.all === true));
}

function longUsage(): string {
  const lines = [USAGE_LINE];
  for (const sub of SUBCOMMANDS) {
    const flags = (sub.flags ?? []).map((f) => (f.kind === 'bool' ? `[${f.name}]` : `[${f.name} N]`)).join(' ');
    lines.push(`  ${[sub.name, sub.positional, flags].filter(Boolean).join(' ')}`);
  }
  return `${lines.join('\n')}\n`;
}
