import { COMMAND_GRAMMAR, STRESS_TESTS, type FlagSpec, type SubcommandSpec } from '../../kernel/index.js';
import type { SoakRandom } from './random.js';

/** What a correct kernel answers to a planned line. */
export type Expectation = 'test' | 'compare' | 'report' | 'status' | 'reply' | 'error' | 'unknown';

export interface PlannedCommand {
  readonly line: string;
  /** Bucket for the summary, e.g. `stresstest memory`, `autoctl`, `bad flag`. */
  readonly kind: string;
  readonly expect: Expectation;
  /** Virtual ms the command runs for (0 when it answers at once). */
  readonly virtualMs: number;
}

const STRESSTEST = COMMAND_GRAMMAR.find((c) => c.name === 'stresstest')!;
const sub = (name: string): SubcommandSpec => STRESSTEST.subcommands!.find((s) => s.name === name)!;
const TESTS = STRESS_TESTS.map((t) => t.type);
const COMPARE = sub('compare');
const RUNS = COMPARE.flags!.find((f) => f.name === '--runs')!;
const COMMON = sub('memory').flags!.filter((f) => !STRESS_TESTS[0]!.flags.some((own) => own.name === f.name));
const U64_MAX = (1n << 64n) - 1n;

/** Short runs keep the soak turning over commands: virtual ms per test, episodes, paired runs. */
function validValue(random: SoakRandom, flag: FlagSpec): string {
  if (flag.kind === 'u64') return String((BigInt(random.int(0, 2 ** 31)) * BigInt(random.int(0, 2 ** 31))) % U64_MAX);
  if (flag.kind !== 'int') return '';
  const short: Record<string, [number, number]> = {
    '--duration': [20, 600],
    '--episodes': [1, 3],
    '--runs': [1, 2],
    '--rate': [1, 5000],
  };
  const [min, max] = short[flag.name] ?? [flag.min, flag.max];
  return String(random.int(Math.max(min, flag.min), Math.min(max, flag.max)));
}

/** `--flag value` or `--flag=value` for each flag taken; --duration and --episodes always, so runs stay short. */
function flagTokens(random: SoakRandom, flags: readonly FlagSpec[]): { tokens: string[]; values: Map<string, number> } {
  const tokens: string[] = [];
  const values = new Map<string, number>();
  const quietOrVerbose = random.pick(['--quiet', '--verbose', '']);
  for (const flag of flags) {
    const always = flag.name === '--duration' || flag.name === '--episodes';
    if (flag.kind === 'bool') {
      if (flag.name === quietOrVerbose && random.chance(0.5)) tokens.push(flag.name);
      else if (flag.name !== '--quiet' && flag.name !== '--verbose' && random.chance(0.3)) tokens.push(flag.name);
      continue;
    }
    if (!always && !random.chance(0.35)) continue;
    const value = validValue(random, flag);
    if (flag.kind === 'int') values.set(flag.name, Number(value));
    tokens.push(...(random.chance(0.3) ? [`${flag.name}=${value}`] : [flag.name, value]));
  }
  return { tokens, values };
}

function planTest(random: SoakRandom): PlannedCommand {
  const test = random.pick(TESTS);
  const { tokens, values } = flagTokens(random, sub(test).flags ?? []);
  const virtualMs = test === 'learning' ? (values.get('--episodes') ?? 10) * 1000 : (values.get('--duration') ?? 10_000);
  return { line: ['stresstest', test, ...tokens].join(' '), kind: `stresstest ${test}`, expect: 'test', virtualMs };
}

function planCompare(random: SoakRandom): PlannedCommand {
  const type = random.pick(COMPARE.positionalValues!);
  const own = STRESS_TESTS.find((t) => t.type === type)!.flags;
  const { tokens, values } = flagTokens(random, [...own, RUNS, ...COMMON]);
  const each = type === 'learning' ? (values.get('--episodes') ?? 10) * 1000 : (values.get('--duration') ?? 10_000);
  const virtualMs = 2 * (values.get('--runs') ?? 1) * each;
  return { line: ['stresstest', 'compare', type, ...tokens].join(' '), kind: 'stresstest compare', expect: 'compare', virtualMs };
}

/** A stresstest line with one fault: an unknown flag, a value out of range or not a number, or no value. */
function planBadFlag(random: SoakRandom): PlannedCommand {
  const test = random.pick(TESTS);
  const flags = sub(test).flags ?? [];
  const { tokens } = flagTokens(random, flags);
  const ints = flags.filter((f): f is Extract<FlagSpec, { kind: 'int' }> => f.kind === 'int');
  const flag = random.pick(ints);
  const fault = random.weighted<string[]>([
    [1, [`--${random.pick(['bogus', 'durations', 'seeds', 'fail', 'x'])}`, '5']],
    [1, [flag.name, String(flag.max + random.int(1, 1000))]],
    [1, [`${flag.name}=${random.pick(['abc', '-1', '1e3', '0x10', ''])}`]],
    [1, [flag.name]],
  ]);
  const at = fault.length === 1 && fault[0] === flag.name ? tokens.length : 0;
  tokens.splice(at, 0, ...fault);
  return { line: ['stresstest', test, ...tokens].join(' '), kind: 'bad flag', expect: 'error', virtualMs: 0 };
}

function planAutoctl(random: SoakRandom): PlannedCommand {
  return random.weighted<PlannedCommand>([
    [3, { line: 'autoctl status', kind: 'autoctl', expect: 'status', virtualMs: 0 }],
    [1, { line: 'autoctl on', kind: 'autoctl', expect: 'reply', virtualMs: 0 }],
    [1, { line: 'autoctl off', kind: 'autoctl', expect: 'reply', virtualMs: 0 }],
    [1, { line: 'autoctl reset', kind: 'autoctl', expect: 'reply', virtualMs: 0 }],
    [1, { line: `autoctl interval ${random.int(100, 2000)}`, kind: 'autoctl', expect: 'reply', virtualMs: 0 }],
    [1, { line: `autoctl interval ${random.pick(['0', '99', '60001', 'abc'])}`, kind: 'bad flag', expect: 'error', virtualMs: 0 }],
  ]);
}

/** One command line from the kernel's grammar: mostly short tests, some bad flags, other commands now and then. */
export function planCommand(random: SoakRandom): PlannedCommand {
  const names = COMMAND_GRAMMAR.map((c) => c.name);
  return random.weighted<() => PlannedCommand>([
    [45, () => planTest(random)],
    [8, () => planCompare(random)],
    [15, () => planBadFlag(random)],
    [10, () => planAutoctl(random)],
    [5, () => ({ line: `stresstest report${random.chance(0.3) ? ' --all' : ''}`, kind: 'stresstest report', expect: 'report', virtualMs: 0 })],
    [5, () => ({ line: `metricsctl ${random.weighted([[4, 'on'], [1, 'off'], [3, 'status']])}`, kind: 'metricsctl', expect: 'reply', virtualMs: 0 })],
    [4, () => ({ line: random.chance(0.5) ? 'help' : `help ${random.pick(names)}`, kind: 'help', expect: 'reply', virtualMs: 0 })],
    [2, () => ({ line: 'clear', kind: 'clear', expect: 'reply', virtualMs: 0 })],
    [5, () => ({ line: random.pick(['frob', 'stress', 'autoctrl', 'exit2', 'ls -l']), kind: 'unknown command', expect: 'unknown', virtualMs: 0 })],
  ])();
}
