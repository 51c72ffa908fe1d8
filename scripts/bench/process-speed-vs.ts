import { resolve } from 'node:path';
import { processVirtualSpeed } from './process-speed.js';
import { takeOption } from './script-args.js';
import { spread } from './stats.js';

/**
 * Whole-process virtual speed (plain mode, METRIC on, 60 s test minus a 1 ms one) of this build,
 * beside another checkout's build, in turns so that both see the same machine load:
 *
 *   node --import ./scripts/ts-node-register.mjs scripts/bench/process-speed-vs.ts [memory|chaos] --baseline DIR [--runs N]
 *
 * DIR must hold a build (`node scripts/build.mjs` there, e.g. in a `git worktree`).
 */
const args = process.argv.slice(2);
const baseline = takeOption(args, '--baseline');
const runs = Number(takeOption(args, '--runs') ?? 6);
const type = (args[0] ?? 'memory') as 'memory' | 'chaos';
if (baseline === undefined) throw new Error('--baseline DIR is needed');
const builds = [resolve(baseline, 'dist/sis.js'), resolve('dist/sis.js')];
const ratios: number[][] = builds.map(() => []);
for (let i = 0; i < runs; i++) for (const [k, cli] of builds.entries()) ratios[k]!.push(await processVirtualSpeed(type, cli));
builds.forEach((cli, k) => {
  const s = spread(ratios[k]!);
  console.log(`${cli}: ${type} ${s.median.toFixed(0)} (${s.min.toFixed(0)}-${s.max.toFixed(0)}, n=${s.runs}) sim ms / wall ms`);
});
