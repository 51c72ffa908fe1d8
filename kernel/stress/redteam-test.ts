import type { Prng } from '../prng.js';
import type { AutonomyState } from '../state.js';
import { DURATION_FLAG } from './common-flags.js';
import type { StressContext, StressTest, TestSummary } from './types.js';
import { CANCEL_SLICE_US } from './context.js';

/** The eight hostile lines of the real test, in its order (each fed with a trailing CR). */
export const HOSTILE_INPUTS: readonly string[] = [
  '',
  'A'.repeat(64),
  '\x01\x02\x03\x07\x1b[2J\x7f\x08\x00\x1f\x9b\xff',
  'help $(autoctl off) `reboot` ${IFS}',
  "autoctl status' OR '1'='1'; DROP TABLE audit; --",
  'help ../../../../../etc/passwd ..\\..\\boot.ini',
  'metricsctl %s%s%s%s%n%x%p %99999999d',
  '\n'.repeat(64),
];

export const ATTACK_KINDS = [
  'hostile input',
  'byte fuzz',
  'escape/parser fuzz',
  'autonomy flip',
  'memory attack',
  'telemetry collection',
  'telemetry flood',
] as const;

/** Iteration mod 10 → attack kind, as reference §2.5 with kinds 4–5 turned into fuzzing. */
export function attackKind(iteration: number): number {
  const slot = iteration % 10;
  return slot <= 3 ? 0 : slot - 3;
}

const CR = 0x0d;
const LF = 0x0a;
const CTRL_C = 0x03;
const FUZZ_WORDS = ['help', 'stresstest', 'autoctl status', 'metricsctl status', 'clear', 'stresstest memory', 'stresstest compare multi'];
const FUZZ_FLAGS = ['--duration', '--rate', '--episodes', '--seed', '--quiet', '--runs', '--target-pressure', '--bogus', '--duration='];
const FUZZ_VALUES = ['0', '-1', '18446744073709551616', '1e9', 'NaN', '', '%n', '99999999999999999999999', '3600001', '42'];

function latin1(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
  return bytes;
}

/** Lines the line discipline must hand on: one per CR, LF or Ctrl-C byte. */
export function expectedLines(bytes: Uint8Array): number {
  let n = 0;
  for (const b of bytes) if (b === CR || b === LF || b === CTRL_C) n++;
  return n;
}

function pick<T>(prng: Prng, items: readonly T[]): T {
  return items[prng.randRange(0, items.length)]!;
}

/** Random bytes over all 256 values, 1–600 long (so lines overflow the 255-char buffer), then CR. */
export function byteFuzz(prng: Prng): Uint8Array {
  const bytes = new Uint8Array(prng.randRange(1, 601) + 1);
  for (let i = 0; i < bytes.length - 1; i++) bytes[i] = prng.randRange(0, 256);
  bytes[bytes.length - 1] = CR;
  return bytes;
}

/** ANSI escape storms, over-long token lists, flag-parser abuse and editing storms. */
export function structuredFuzz(prng: Prng): Uint8Array {
  let text = '';
  switch (prng.randRange(0, 4)) {
    case 0:
      for (let i = prng.randRange(4, 40); i > 0; i--) {
        text += prng.randBool(0.5) ? `\x1b[${prng.randRange(0, 999)};${prng.randRange(0, 999)}${pick(prng, ['m', 'H', 'J', 'K', 'A'])}` : `\x1b]0;${'x'.repeat(prng.randRange(0, 80))}\x07`;
      }
      break;
    case 1:
      text = `${pick(prng, FUZZ_WORDS)}${' x'.repeat(prng.randRange(60, 400))}`;
      break;
    case 2:
      text = pick(prng, FUZZ_WORDS);
      for (let i = prng.randRange(1, 8); i > 0; i--) text += ` ${pick(prng, FUZZ_FLAGS)} ${pick(prng, FUZZ_VALUES)}`;
      break;
    default:
      for (let i = prng.randRange(20, 300); i > 0; i--) {
        const r = prng.randRange(0, 10);
        text += r === 0 ? '\x7f' : r === 1 ? '\x08' : r === 2 && prng.randBool(0.2) ? '\x03' : String.fromCharCode(prng.randRange(0x20, 0x7f));
      }
  }
  return latin1(`${text}\r`);
}

interface Outcome {
  readonly costUs: number;
  /** What the attack did, for --verbose. */
  readonly what: string;
  /** Why the kernel did not survive, or undefined. */
  readonly failure?: string;
}

type Autonomy = Readonly<AutonomyState>;
const AUTONOMY_KEYS: ReadonlyArray<keyof AutonomyState> = ['enabled', 'timerArmed', 'intervalMs', 'totalDecisions', 'safeMode', 'learningFrozen'];

function shellAttack(ctx: StressContext, bytes: Uint8Array): Outcome {
  const lines = ctx.feedShell(bytes);
  const expected = expectedLines(bytes);
  const costUs = 1_500 + bytes.length * 8 + lines * 300 + ctx.prng.randRange(3_000, 7_001);
  const what = `${bytes.length} bytes, ${lines} lines`;
  return lines === expected ? { costUs, what } : { costUs, what, failure: `line discipline returned ${lines} lines, expected ${expected}` };
}

function autonomyFlip(ctx: StressContext): Outcome {
  const before: Autonomy = { ...ctx.autonomy };
  const answered = ctx.interpret('autoctl on');
  let costUs = 500;
  const enabled = ctx.autonomy.enabled;
  for (let i = 0; i < 10; i++) {
    ctx.heap.pressurePct();
    ctx.heap.fragmentationPct();
    costUs += 400 + ctx.prng.randRange(0, 501);
  }
  ctx.autonomy.enabled = before.enabled;
  ctx.autonomy.timerArmed = before.timerArmed;
  const what = `enabled, 10 predictions, restored ${before.enabled ? 'ENABLED' : 'DISABLED'}`;
  if (!answered || !enabled) return { costUs, what, failure: '`autoctl on` did not enable autonomy' };
  return { costUs, what };
}

function memoryAttack(ctx: StressContext): Outcome {
  const largest = ctx.heap.largestFreeBlock;
  const handles: number[] = [];
  let costUs = 0;
  for (let i = 0; i < 100; i++) {
    const handle = ctx.heap.alloc(4096);
    costUs += 20 + ctx.prng.randRange(0, 21);
    if (handle >= 0) handles.push(handle);
  }
  costUs += ctx.prng.randRange(3_000, 7_001);
  for (const handle of handles) ctx.heap.free(handle);
  costUs += handles.length * 10;
  const after = ctx.heap.largestFreeBlock;
  const what = `${handles.length}/100 blocks of 4 KiB`;
  return after === largest ? { costUs, what } : { costUs, what, failure: `largest free block ${after} B after freeing, was ${largest} B` };
}

function telemetry(ctx: StressContext, collections: number): Outcome {
  const before = ctx.metrics.snapshot();
  let costUs = 0;
  for (let i = 0; i < collections; i++) {
    ctx.metrics.snapshot();
    ctx.heap.pressurePct();
    ctx.interpret('metricsctl status');
    costUs += 60 + ctx.prng.randRange(0, 61);
  }
  const after = ctx.metrics.snapshot();
  const changed = Object.keys(before).find((k) => before[k as keyof typeof before] !== after[k as keyof typeof after]);
  const what = `${collections} collections`;
  return changed ? { costUs, what, failure: `telemetry collection changed the ${changed} counter` } : { costUs, what };
}

function attack(ctx: StressContext, iteration: number, kind: number): Outcome {
  switch (kind) {
    case 0:
      return shellAttack(ctx, latin1(`${HOSTILE_INPUTS[iteration % HOSTILE_INPUTS.length]}\r`));
    case 1:
      return shellAttack(ctx, byteFuzz(ctx.prng));
    case 2:
      return shellAttack(ctx, structuredFuzz(ctx.prng));
    case 3:
      return autonomyFlip(ctx);
    case 4:
      return memoryAttack(ctx);
    case 5:
      return telemetry(ctx, 6);
    default:
      return telemetry(ctx, ctx.prng.randRange(40, 121));
  }
}

/** The kernel's invariants after an attack: heap accounting, autonomy state, a working interpreter. */
function checkInvariants(ctx: StressContext, heapBytes: number, heapBlocks: number, autonomy: Autonomy): string | undefined {
  if (ctx.heap.allocatedBytes !== heapBytes || ctx.heap.liveBlocks !== heapBlocks) {
    return `heap accounting moved from ${heapBytes} B/${heapBlocks} blocks to ${ctx.heap.allocatedBytes} B/${ctx.heap.liveBlocks} blocks`;
  }
  const changed = AUTONOMY_KEYS.find((k) => ctx.autonomy[k] !== autonomy[k]);
  if (changed) return `autonomy state not restored (${changed})`;
  if (!ctx.interpret('help')) return 'interpreter no longer answers help';
  if (ctx.interpret('unknowncmd')) return 'interpreter accepted an unknown command';
  if (ctx.feedShell(HELP_LINE) !== 1) return 'line discipline lost a plain line';
  return undefined;
}

const HELP_LINE = latin1('help\r');

/**
 * `stresstest redteam`: hostile and fuzzed input through the line discipline and the interpreter,
 * autonomy flips, memory bursts and telemetry floods (about 120 attacks per virtual second). An
 * attack is survived when the kernel's invariants hold afterwards; PASS iff every attack was.
 */
export const redteamTest: StressTest = {
  type: 'redteam',
  title: 'Red Team Adversarial Stress Test',
  summary: 'Hostile input, fuzzing, autonomy flips, memory and telemetry attacks; the kernel must survive',
  flags: [DURATION_FLAG],
  headerLines: (config) => [`Duration: ${config.duration} ms`],
  *run(ctx) {
    const endUs = ctx.startUs + ctx.durationMs * 1000;
    const totals = new Array<number>(ATTACK_KINDS.length).fill(0);
    const survivedByKind = new Array<number>(ATTACK_KINDS.length).fill(0);
    let attacks = 0;
    let survived = 0;
    for (let i = 0; !ctx.cancelled && ctx.nowUs() < endUs; i++) {
      const kind = attackKind(i);
      const heapBytes = ctx.heap.allocatedBytes;
      const heapBlocks = ctx.heap.liveBlocks;
      const autonomy: Autonomy = { ...ctx.autonomy };
      const outcome = attack(ctx, i, kind);
      const failure = outcome.failure ?? checkInvariants(ctx, heapBytes, heapBlocks, autonomy);
      if (failure !== undefined) Object.assign(ctx.autonomy, autonomy);
      attacks++;
      totals[kind]!++;
      if (failure === undefined) {
        survived++;
        survivedByKind[kind]!++;
        ctx.detail(`[REDTEAM] #${i} ${ATTACK_KINDS[kind]} (${outcome.what}): survived in ${outcome.costUs}us`);
      } else {
        ctx.detail(`[REDTEAM] #${i} ${ATTACK_KINDS[kind]} (${outcome.what}): FAILED (${failure})`);
      }
      for (let left = outcome.costUs; left > 0 && !ctx.cancelled; left -= CANCEL_SLICE_US) yield Math.min(left, CANCEL_SLICE_US);
      if (ctx.progressDue()) ctx.progress({ events: attacks, successes: survived, failures: attacks - survived });
    }
    ctx.progress({ events: attacks, successes: survived, failures: attacks - survived });
    ATTACK_KINDS.forEach((name, kind) => {
      if (totals[kind]! > 0) ctx.detail(`[REDTEAM] ${name}: ${survivedByKind[kind]}/${totals[kind]} survived`);
    });
    const durationMs = Math.floor((ctx.nowUs() - ctx.startUs) / 1000);
    const summary: TestSummary = {
      title: 'Red team test complete',
      fields: [['Attacks Survived', String(survived)]],
      status: attacks > 0 && survived === attacks ? 'PASS' : 'FAIL',
      shellLine: `[STRESSTEST] Red team completed: attacks_survived=${survived} duration_ms=${durationMs}`,
      record: { durationMs, actions: survived, oomEvents: 0, figures: { attacks, survived } },
    };
    return summary;
  },
  compareLines: (record) => [
    ['Attacks', String(record.figures.attacks ?? 0)],
    ['Attacks survived', String(record.figures.survived ?? 0)],
  ],
  pairedFigures: [
    ['survived', 'Attacks survived'],
    ['attacks', 'Attacks'],
  ],
};
