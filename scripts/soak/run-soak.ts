import { openTarget, readConnectOptions } from '../../shell/connect/index.js';
import type { SoakOptions } from './args.js';
import { planCommand } from './commands.js';
import { InvariantChecker } from './invariants.js';
import { SoakRandom } from './random.js';
import { sampleRss, type RssReport } from './rss.js';
import { PortSession } from './session.js';

export interface SoakResult {
  /** 0: every invariant held; 1: some failed; 2: the target could not be used. */
  readonly status: 0 | 1 | 2;
  readonly target: string;
  readonly commands: number;
  readonly interrupted: number;
  readonly byKind: ReadonlyMap<string, number>;
  readonly failures: number;
  readonly messages: readonly string[];
  readonly rss: RssReport | undefined;
  readonly wallMs: number;
}

/** Wall ms a command may take beyond its virtual run time before it counts as never returning. */
const RETURN_MARGIN_MS = 10_000;

/** Runs random commands against the target until `minutes` have passed, checking invariants all along. */
export async function runSoak(options: SoakOptions, progress: (line: string) => void = () => {}): Promise<SoakResult> {
  const started = Date.now();
  const empty = { commands: 0, interrupted: 0, byKind: new Map<string, number>(), rss: undefined };
  const connect = readConnectOptions(
    options.target === undefined ? { seed: String(options.seed) } : {},
    options.target === undefined ? [] : [options.target],
  );
  if (!connect.ok) return { ...empty, status: 2, target: options.target ?? 'virtual', failures: 1, messages: [connect.message], wallMs: 0 };
  const opened = await openTarget({ ...connect.options, defaultSpeed: 'max' });
  if (!opened.ok) return { ...empty, status: 2, target: options.target ?? 'virtual', failures: 1, messages: [opened.message], wallMs: 0 };
  const { connection } = opened;
  const target = connection.port.description;
  const checker = new InvariantChecker();
  const session = new PortSession(connection.port, (event) => checker.onEvent(event));
  if (!(await session.open())) {
    await connection.close();
    return { ...empty, status: 2, target, failures: 1, messages: ['no prompt from the target'], wallMs: Date.now() - started };
  }
  const rss = sampleRss(options.rssEveryMs);
  const random = new SoakRandom(options.seed);
  const byKind = new Map<string, number>();
  const deadline = started + options.minutes * 60_000;
  let nextReport = started + 60_000;
  let commands = 0;
  let interrupted = 0;
  while (Date.now() < deadline && session.closed === undefined) {
    const planned = planCommand(random);
    commands++;
    byKind.set(planned.kind, (byKind.get(planned.kind) ?? 0) + 1);
    checker.begin(commands, planned.line);
    const interruptAfterMs =
      planned.virtualMs > 0 && random.chance(options.interruptChance)
        ? random.int(0, random.chance(0.5) ? 20 : Math.min(1000, planned.virtualMs))
        : undefined;
    const outcome = await session.run(planned.line, {
      timeoutMs: RETURN_MARGIN_MS + 2 * planned.virtualMs,
      ...(interruptAfterMs !== undefined && { interruptAfterMs }),
    });
    if (outcome.interrupted) interrupted++;
    checker.onOutcome(planned, outcome);
    if (!outcome.returned && !(await session.resync(RETURN_MARGIN_MS))) checker.fail('no prompt after Ctrl-C and Enter either');
    if (Date.now() >= nextReport) {
      nextReport += 60_000;
      const minutes = ((Date.now() - started) / 60_000).toFixed(1);
      const rssMb = (process.memoryUsage.rss() / 2 ** 20).toFixed(1);
      progress(`[soak] ${minutes} min: ${commands} commands, ${checker.failures} invariant failures, RSS ${rssMb} MB`);
    }
  }
  if (session.closed !== undefined) checker.fail(`the connection ended: ${session.closed}`);
  const report = rss.stop();
  if (options.minutes >= 2 && report.lateSlopeMbPerMin > options.maxRssSlope) {
    checker.begin(commands, '(RSS)');
    checker.fail(`RSS grew ${report.lateSlopeMbPerMin.toFixed(1)} MB/min over the second half (limit ${options.maxRssSlope})`);
  }
  await connection.close();
  return {
    status: checker.failures > 0 ? 1 : 0,
    target,
    commands,
    interrupted,
    byKind,
    failures: checker.failures,
    messages: checker.kept,
    rss: report,
    wallMs: Date.now() - started,
  };
}

/** The report printed at the end of a soak. */
export function formatSoak(result: SoakResult, options: SoakOptions): string {
  const lines = [`sis soak: ${(result.wallMs / 60_000).toFixed(2)} min against ${result.target} (seed ${options.seed})`];
  lines.push(`commands: ${result.commands} (${result.interrupted} interrupted with Ctrl-C)`);
  const width = Math.max(0, ...[...result.byKind.keys()].map((k) => k.length));
  for (const [kind, n] of [...result.byKind].sort((a, b) => b[1] - a[1])) lines.push(`  ${kind.padEnd(width)}  ${n}`);
  const r = result.rss;
  if (r) {
    const signed = (v: number): string => `${v >= 0 ? '+' : ''}${v.toFixed(1)}`;
    lines.push(
      `RSS: start ${r.startMb.toFixed(1)} MB, peak ${r.peakMb.toFixed(1)} MB, end ${r.endMb.toFixed(1)} MB; ` +
        `slope ${signed(r.slopeMbPerMin)} MB/min (second half ${signed(r.lateSlopeMbPerMin)} MB/min), ${r.samples} samples`,
    );
  }
  if (result.failures === 0) lines.push('invariants: all held');
  else {
    lines.push(`invariant failures: ${result.failures}${result.failures > result.messages.length ? ` (first ${result.messages.length} shown)` : ''}`);
    for (const message of result.messages) lines.push(`  ${message}`);
  }
  return `${lines.join('\n')}\n`;
}
