import { deviceFlood, type FloodConsole, type FloodContent } from './device-flood.js';
import { takeOption } from './script-args.js';
import { spread } from './stats.js';

/**
 * Device floods for one console, each with the CPU its process spent on it:
 * `node --import ./scripts/ts-node-register.mjs scripts/bench/device-flood-once.ts sis|picocom plain|chaos
 * [count] [--runs N] [--sis PATH] [--cpu-prof DIR]`. `--sis` runs another build's `sis.js`. On a
 * loaded machine wall time varies with the load; the CPU seconds are the steadier figure.
 */
const args = process.argv.slice(2);
const runs = Number(takeOption(args, '--runs') ?? 1);
const sisPath = takeOption(args, '--sis') ?? 'dist/sis.js';
const profDir = takeOption(args, '--cpu-prof');
const [consoleName = 'sis', content = 'plain', countArg = '200000'] = args;
const count = Number(countArg);
if (consoleName !== 'sis' && (profDir !== undefined || sisPath !== 'dist/sis.js')) throw new Error('--cpu-prof and --sis apply to sis only');
const node = profDir === undefined ? 'node' : `node --cpu-prof --cpu-prof-interval 100 --cpu-prof-dir ${profDir}`;
const rates: number[] = [];
const cpus: number[] = [];
for (let run = 0; run < runs; run++) {
  const result = await deviceFlood(consoleName as FloodConsole, content as FloodContent, count, {
    graceful: true,
    ...(consoleName === 'sis' && { command: `${node} ${sisPath} {device} --no-history` }),
  });
  rates.push(result.linesPerSecond);
  cpus.push(result.cpuSeconds);
  const line = `${consoleName} ${content} ${count}: ${result.linesPerSecond.toFixed(0)} lines/s in ${result.seconds.toFixed(2)} s;`;
  const out = `${(result.outputBytes / 1e6).toFixed(1)} MB to the terminal for ${(result.bytes / 1e6).toFixed(1)} MB received`;
  console.log(`${line} CPU ${result.cpuSeconds.toFixed(2)} s = ${((result.cpuSeconds * 1e6) / count).toFixed(2)} µs/line; ${out}`);
}
if (runs > 1) console.log(`median of ${runs}: ${spread(rates).median.toFixed(0)} lines/s, CPU ${spread(cpus).median.toFixed(2)} s`);
