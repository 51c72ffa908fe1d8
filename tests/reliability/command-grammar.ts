/** Command lines built from the kernel's grammar (as data): arbitrary ones, and valid ones with at most one planted fault. */
import fc from 'fast-check';
import { COMMAND_GRAMMAR, STRESS_TESTS, type FlagSpec } from '../../kernel/index.js';

const STRESSTEST = COMMAND_GRAMMAR.find((c) => c.name === 'stresstest')!;
const ALL_FLAGS: readonly FlagSpec[] = [
  ...new Map(STRESSTEST.subcommands!.flatMap((s) => s.flags ?? []).map((f) => [f.name, f] as const)).values(),
];
const RUNS_FLAG = ALL_FLAGS.find((f) => f.name === '--runs')!;
const U64_MAX = (1n << 64n) - 1n;

export const COMMAND_NAMES = COMMAND_GRAMMAR.map((c) => c.name);
const SUBCOMMAND_WORDS = [
  ...new Set(COMMAND_GRAMMAR.flatMap((c) => (c.subcommands ?? []).flatMap((s) => [s.name, ...(s.positionalValues ?? [])]))),
];
const FLAG_WORDS = ALL_FLAGS.flatMap((f) => [f.name, ...(f.aliases ?? [])]);

const printable = fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c));
const word = fc.string({ unit: printable, minLength: 1, maxLength: 10 });

/** Values valid and invalid for any flag. */
const anyValue = fc.oneof(
  fc.integer({ min: 0, max: 3_600_000 }).map(String),
  fc.constantFrom('0', '1', '100', '101', '3600000', '3600001', '-1', '1e3', '0x10', '', '+5', '007', '1.5'),
  fc.constantFrom(String(U64_MAX), String(U64_MAX + 1n), '99999999999999999999999'),
  fc.bigInt(0n, U64_MAX).map(String),
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 25 }),
  word,
);

const token = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SUBCOMMAND_WORDS) },
  { weight: 4, arbitrary: fc.constantFrom(...FLAG_WORDS) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...FLAG_WORDS), anyValue).map(([f, v]) => `${f}=${v}`) },
  { weight: 4, arbitrary: anyValue },
  { weight: 1, arbitrary: fc.constantFrom(...COMMAND_NAMES) },
  { weight: 1, arbitrary: word.map((w) => `--${w}`) },
);

/** A command name (or not) and arbitrary tokens, joined by runs of spaces. */
export const arbitraryLine = fc
  .tuple(
    fc.oneof(fc.constantFrom(...COMMAND_NAMES), word),
    fc.array(fc.tuple(token, fc.integer({ min: 1, max: 3 })), { maxLength: 12 }),
    fc.boolean(),
  )
  .map(([name, rest, lead]) =>
    (lead ? ' ' : '') + name + rest.map(([t, spaces]) => ' '.repeat(spaces) + t).join(''),
  );

export type Fault =
  | { kind: 'none' }
  | { kind: 'unknown-flag'; flag: string }
  | { kind: 'bad-value'; flag: string; value: string }
  | { kind: 'missing-value'; flag: string }
  | { kind: 'bool-value'; flag: string }
  | { kind: 'stray'; token: string };

export interface PlannedLine {
  readonly line: string;
  /** `stresstest <test>` or `stresstest compare <type>`: how the kernel names the command in its errors. */
  readonly test: string;
  readonly fault: Fault;
}

/** Values that keep a valid run short (they still lie in the flag's range). */
function validValue(flag: FlagSpec): fc.Arbitrary<string> {
  if (flag.kind === 'u64') return fc.bigInt(0n, U64_MAX).map(String);
  if (flag.kind !== 'int') return fc.constant('');
  const cheap: Record<string, [number, number]> = { '--duration': [1, 300], '--episodes': [1, 4], '--runs': [1, 3] };
  const [min, max] = cheap[flag.name] ?? [flag.min, flag.max];
  return fc.integer({ min: Math.max(min, flag.min), max: Math.min(max, flag.max) }).map(String);
}

function badValue(flag: FlagSpec): fc.Arbitrary<string> {
  const notDigits = word.filter((w) => !/^\d+$/.test(w) && !w.startsWith('--'));
  if (flag.kind === 'u64') return fc.oneof(notDigits, fc.bigInt(U64_MAX + 1n, U64_MAX * 4n).map(String));
  if (flag.kind !== 'int') return notDigits;
  return fc.oneof(notDigits, fc.integer({ min: flag.max + 1, max: flag.max * 10 + 10 }).map(String), flag.min > 0 ? fc.constant('0') : notDigits);
}

function usage(flag: FlagSpec, value: string, inline: boolean): string[] {
  return inline ? [`${flag.name}=${value}`] : [flag.name, value];
}

const MEMORY_OWN = STRESS_TESTS.find((t) => t.type === 'memory')!.flags;
/** The flags every test accepts (--seed, --quiet, --verbose), read off the grammar. */
const COMMON_FLAGS = STRESSTEST.subcommands!.find((s) => s.name === 'memory')!.flags!.filter(
  (f) => !MEMORY_OWN.some((own) => own.name === f.name),
);

/** The flags one line accepts: a test's (from the grammar), or a compare type's own plus --runs and the common ones. */
function flagsFor(test: string, compare: boolean): readonly FlagSpec[] {
  if (!compare) return STRESSTEST.subcommands!.find((s) => s.name === test)!.flags ?? [];
  return [...STRESS_TESTS.find((t) => t.type === test)!.flags, RUNS_FLAG, ...COMMON_FLAGS];
}

const TEST_NAMES = STRESS_TESTS.map((t) => t.type);
const COMPARE_TYPES = STRESSTEST.subcommands!.find((s) => s.name === 'compare')!.positionalValues!;

/** A `stresstest` line from the grammar: valid flags and values, with at most one planted fault. */
export const plannedLine: fc.Arbitrary<PlannedLine> = fc
  .oneof(
    fc.constantFrom(...TEST_NAMES).map((t) => ({ head: `stresstest ${t}`, flags: flagsFor(t, false) })),
    fc.constantFrom(...COMPARE_TYPES).map((t) => ({ head: `stresstest compare ${t}`, flags: flagsFor(t, true) })),
  )
  .chain(({ head, flags }) => {
    const usable = flags.filter((f) => f.name !== '--verbose');
    const chosen = fc.subarray([...usable]).chain((picked) =>
      fc.tuple(
        ...picked.map((flag) =>
          fc.tuple(validValue(flag), fc.boolean(), fc.constantFrom(flag.name, ...(flag.aliases ?? []))).map(([value, inline, name]) =>
            flag.kind === 'bool' ? [name] : usage({ ...flag, name }, value, inline),
          ),
        ),
      ),
    );
    const valueFlags = flags.filter((f) => f.kind !== 'bool');
    const boolFlags = flags.filter((f) => f.kind === 'bool');
    const known = new Set(flags.flatMap((f) => [f.name, ...(f.aliases ?? [])]));
    const fault: fc.Arbitrary<{ fault: Fault; tokens: string[]; atEnd: boolean }> = fc.oneof(
      { weight: 3, arbitrary: fc.constant({ fault: { kind: 'none' } as Fault, tokens: [] as string[], atEnd: false }) },
      {
        weight: 1,
        arbitrary: word
          .map((w) => `--${w.replace(/=/g, '')}`)
          .filter((f) => !known.has(f) && f.length > 2)
          .map((flag) => ({ fault: { kind: 'unknown-flag', flag } as Fault, tokens: [flag], atEnd: false })),
      },
      {
        weight: 1,
        arbitrary: fc
          .constantFrom(...valueFlags)
          .chain((flag) => fc.tuple(fc.constant(flag), badValue(flag), fc.boolean()))
          .map(([flag, value, inline]) => ({ fault: { kind: 'bad-value', flag: flag.name, value } as Fault, tokens: usage(flag, value, inline), atEnd: false })),
      },
      {
        weight: 1,
        arbitrary: fc
          .constantFrom(...valueFlags)
          .map((flag) => ({ fault: { kind: 'missing-value', flag: flag.name } as Fault, tokens: [flag.name], atEnd: true })),
      },
      {
        weight: 1,
        arbitrary: fc
          .constantFrom(...boolFlags)
          .map((flag) => ({ fault: { kind: 'bool-value', flag: flag.name } as Fault, tokens: [`${flag.name}=1`], atEnd: false })),
      },
      {
        weight: 1,
        arbitrary: word
          .filter((w) => !w.startsWith('--') && !/^\d+$/.test(w))
          .map((t) => ({ fault: { kind: 'stray', token: t } as Fault, tokens: [t], atEnd: false })),
      },
    );
    return fc.tuple(fc.constant(head), chosen, fault, fc.nat());
  })
  .map(([head, pairs, planted, at]) => {
    const tokens = pairs.flat();
    const pos = planted.atEnd ? tokens.length : pairs.slice(0, at % (pairs.length + 1)).flat().length;
    tokens.splice(pos, 0, ...planted.tokens);
    return { line: [head, ...tokens].join(' '), test: head, fault: planted.fault };
  });
