import { attachWorkload } from '../autonomy/telemetry.js';
import type { IntFlagSpec } from '../commands/types.js';
import { LatencyHistogram } from '../histogram.js';
import type { Prng } from '../prng.js';
import { DURATION_FLAG } from './common-flags.js';
import type { StressContext, StressTest, TestSummary } from './types.js';
import { CANCEL_SLICE_US } from './context.js';

export const RATE_FLAG: IntFlagSpec = {
  name: '--rate',
  kind: 'int',
  min: 1,
  max: 100_000,
  unit: '/sec',
  default: 50,
  help: 'mean command rate; arrivals jitter +/-25 % around a fixed grid',
};

/** Known commands, sent in turn on even arrivals; every odd arrival is the unknown one. */
export const KNOWN_COMMANDS = ['help', 'autoctl status', 'metricsctl status', 'help stresstest'] as const;
export const UNKNOWN_COMMAND = 'unknowncmd --arg';

/** Arrival k lands at (k + 0.5 + j) × interval, j uniform in [−JITTER, +JITTER): mean rate exact, gaps 0.5–1.5 intervals. */
export const JITTER = 0.25;
/** The run FAILs when more than this share (%) of the commands missed their deadline (one interval). */
export const MISS_LIMIT_PCT = 5;

export function commandAt(k: number): string {
  return k % 2 === 0 ? KNOWN_COMMANDS[(k >> 1) % KNOWN_COMMANDS.length]! : UNKNOWN_COMMAND;
}

export interface DispatchCost {
  readonly ns: number;
  readonly interrupted: boolean;
}

/**
 * Modelled cost of one dispatch: tokenising (25 ns a byte plus 300 ns lookup), then either running
 * the command and formatting its output (4–12 µs) or the unknown-command path (1.5–2.5 µs); one
 * dispatch in 50 is preempted by a timer or UART interrupt (20–60 µs).
 */
export function dispatchCost(prng: Prng, line: string, known: boolean): DispatchCost {
  let ns = 300 + 25 * line.length;
  ns += known ? prng.randRange(4_000, 12_001) : prng.randRange(1_500, 2_501);
  const interrupted = prng.randRange(0, 50) === 0;
  if (interrupted) ns += prng.randRange(20_000, 60_001);
  return { ns, interrupted };
}

/** A run of commands that had to wait for the one before them. */
interface Backlog {
  first: number;
  count: number;
  depth: number;
  worstNs: number;
}

/** Reports a backlog in which at least two commands were waiting at once. */
function reportBacklog(ctx: StressContext, b: Backlog): void {
  if (b.depth >= 2) ctx.detail(`[CMD] backlog from #${b.first}: ${b.count} commands waited, peak depth ${b.depth}, worst latency ${b.worstNs}ns`);
  b.count = 0;
  b.depth = 0;
  b.worstNs = 0;
}

function* idleUntil(ctx: StressContext, targetUs: number): Generator<number, void, void> {
  while (!ctx.cancelled && ctx.nowUs() < targetUs) yield Math.min(CANCEL_SLICE_US, targetUs - ctx.nowUs());
}

/**
 * `stresstest commands`: jittered arrivals at the requested mean rate, each line dispatched through
 * the shell's interpreter by a single server; a command that arrives while an earlier one runs
 * waits. Latency = queueing + dispatch; a command not done within one interval misses its deadline.
 */
export const commandsTest: StressTest = {
  type: 'commands',
  title: 'Command Flood Stress Test',
  summary: `Flood the shell interpreter at a jittered rate; FAIL when more than ${MISS_LIMIT_PCT}% of the commands miss their deadline (one interval)`,
  flags: [DURATION_FLAG, RATE_FLAG],
  headerLines: (config) => [`Duration: ${config.duration} ms`, `Rate: ${config.rate} /sec`],
  *run(ctx, config) {
    const rate = config.rate as number;
    const intervalNs = 1e9 / rate;
    const startNs = ctx.startUs * 1000;
    const endNs = (ctx.startUs + ctx.durationMs * 1000) * 1000;
    const histogram = new LatencyHistogram();
    const done: number[] = [];
    let head = 0;
    let freeNs = startNs;
    let sent = 0;
    let misses = 0;
    let interrupts = 0;
    let peakDepth = 0;
    const backlog: Backlog = { first: 0, count: 0, depth: 0, worstNs: 0 };
    // The autonomy controller reads the command queue's depth and the cumulative deadline misses.
    const board = ctx.autonomy.telemetry;
    const detach = attachWorkload(board, { typicalAllocBytes: 256, largestAllocBytes: 256 });
    const depths = [0];
    board.queueDepths = depths;
    for (let k = 0; !ctx.cancelled; k++) {
      const jitter = (ctx.prng.randFloat() - 0.5) * 2 * JITTER;
      const arrivalNs = startNs + Math.floor((k + 0.5 + jitter) * intervalNs);
      if (arrivalNs >= endNs) break;
      const beginNs = Math.max(arrivalNs, freeNs);
      if (beginNs === arrivalNs) depths[0] = 0;
      yield* idleUntil(ctx, Math.floor(beginNs / 1000));
      if (ctx.cancelled) break;
      while (head < done.length && done[head]! <= arrivalNs) head++;
      const depth = done.length - head;
      depths[0] = depth;
      if (depth > peakDepth) peakDepth = depth;
      const line = commandAt(k);
      const known = ctx.interpret(line);
      const cost = dispatchCost(ctx.prng, line, known);
      const finishNs = beginNs + cost.ns;
      const latencyNs = finishNs - arrivalNs;
      histogram.record(latencyNs);
      freeNs = finishNs;
      done.push(finishNs);
      if (head > 4096) {
        done.splice(0, head);
        head = 0;
      }
      sent++;
      if (cost.interrupted) interrupts++;
      if (latencyNs > intervalNs) board.deadlineMisses = ++misses;
      if (cost.interrupted) ctx.detail(`[CMD] #${k} '${line}': latency=${latencyNs}ns interrupted`);
      if (beginNs > arrivalNs) {
        if (backlog.count === 0) backlog.first = k;
        backlog.count++;
        backlog.depth = Math.max(backlog.depth, depth);
        backlog.worstNs = Math.max(backlog.worstNs, latencyNs);
      } else if (backlog.count > 0) {
        reportBacklog(ctx, backlog);
      }
      const finishUs = Math.ceil(finishNs / 1000);
      if (finishUs > ctx.nowUs()) yield finishUs - ctx.nowUs();
      if (ctx.progressDue()) ctx.progress({ events: sent, successes: sent - misses, failures: misses });
    }
    if (backlog.count > 0) reportBacklog(ctx, backlog);
    ctx.progress({ events: sent, successes: sent - misses, failures: misses });
    depths[0] = 0;
    yield* idleUntil(ctx, ctx.startUs + ctx.durationMs * 1000);
    detach();
    ctx.detail(`[CMD] peak queue depth ${peakDepth}, deadline misses ${misses}, interrupted dispatches ${interrupts}`);
    const { p50, p95, p99 } = histogram.report();
    const durationMs = Math.floor((ctx.nowUs() - ctx.startUs) / 1000);
    const summary: TestSummary = {
      title: 'Command flood complete',
      fields: [
        ['Commands sent', String(sent)],
        ['Command Latency', `p50=${p50}ns p95=${p95}ns p99=${p99}ns`],
      ],
      status: misses * 100 > sent * MISS_LIMIT_PCT ? 'FAIL' : 'PASS',
      shellLine: `[STRESSTEST] Commands completed: actions=${sent} duration_ms=${durationMs}`,
      record: {
        durationMs,
        actions: sent,
        oomEvents: 0,
        figures: { commandsSent: sent, latencyP50Ns: p50, latencyP99Ns: p99, deadlineMisses: misses, peakQueueDepth: peakDepth },
      },
    };
    return summary;
  },
  compareLines: (record) => [
    ['Actions', String(record.actions)],
    ['Command p99', `${record.figures.latencyP99Ns ?? 0}ns`],
  ],
  pairedFigures: [
    ['latencyP99Ns', 'Command p99 (ns)'],
    ['commandsSent', 'Commands sent'],
  ],
};
