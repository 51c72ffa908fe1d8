import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { takeOption } from './script-args.js';
import { spread, type Spread } from './stats.js';
import { measureVirtualSpeed, type KernelClass } from './virtual-speed.js';

/**
 * Kernel-alone virtual speed once the JIT has warmed up, optionally beside another checkout's kernel:
 *
 *   node --import ./scripts/ts-node-register.mjs scripts/bench/kernel-steady.ts [memory|chaos] [--runs N] [--baseline DIR [--rounds R]]
 *
 * One process runs the 60 s test five times to warm up, then N times more (default 15): it prints
 * the median of those, sim ms per wall ms, of this checkout's kernel (`--root DIR`: of DIR's). With
 * `--baseline DIR` (another checkout, e.g. a `git worktree`), R rounds (default 6) each run one such
 * process for DIR, then one for this checkout, so both see the same machine load; two kernels in one
 * process disturb each other's JIT.
 */
const WARM_UP_RUNS = 5;
const SELF = fileURLToPath(import.meta.url);
const REGISTER = fileURLToPath(new URL('../ts-node-register.mjs', import.meta.url));

/** The steady-state median of the kernel at `root`, measured in this process. */
async function measure(root: string, type: string, runs: number): Promise<number> {
  const { Kernel } = (await import(pathToFileURL(resolve(root, 'kernel/index.ts')).href)) as { Kernel: KernelClass };
  const command = `stresstest ${type} --duration 60000 --seed 1`;
  for (let i = 0; i < WARM_UP_RUNS; i++) measureVirtualSpeed(command, Kernel);
  const ratios: number[] = [];
  for (let i = 0; i < runs; i++) ratios.push(measureVirtualSpeed(command, Kernel).ratio);
  return spread(ratios).median;
}

const args = process.argv.slice(2);
const baseline = takeOption(args, '--baseline');
const root = takeOption(args, '--root') ?? '.';
const runs = Number(takeOption(args, '--runs') ?? 15);
const rounds = Number(takeOption(args, '--rounds') ?? 6);
const type = args[0] ?? 'memory';
if (baseline === undefined) {
  process.stdout.write(`${(await measure(root, type, runs)).toFixed(0)}\n`);
} else {
  const child = (dir: string): number =>
    Number(execFileSync(process.execPath, ['--import', REGISTER, SELF, type, '--root', dir, '--runs', String(runs)], { encoding: 'utf8' }));
  const medians: [number[], number[]] = [[], []];
  for (let i = 0; i < rounds; i++) {
    medians[0].push(child(resolve(baseline)));
    medians[1].push(child(resolve('.')));
  }
  const show = (s: Spread): string => `${s.median.toFixed(0)} (${s.min.toFixed(0)}-${s.max.toFixed(0)}, n=${s.runs} processes)`;
  console.log(`${baseline}: ${type} ${show(spread(medians[0]))} sim ms / wall ms`);
  console.log(`this checkout: ${type} ${show(spread(medians[1]))} sim ms / wall ms`);
}
