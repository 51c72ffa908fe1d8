import { measureVirtualSpeed } from './virtual-speed.js';
import { spread } from './stats.js';

/**
 * Kernel-alone virtual speed with CPU time beside wall time, for comparing changes on a loaded
 * machine: `node --import ./scripts/ts-node-register.mjs scripts/bench/speed-cpu.ts [memory|chaos] [runs]`.
 * CPU-based ratio = simulated ms / (user + system CPU ms) of this process during the run.
 */
const name = process.argv[2] ?? 'memory';
const runs = Number(process.argv[3] ?? 15);
const command = `stresstest ${name} --duration 60000 --seed 1`;
const wall: number[] = [];
const cpu: number[] = [];
measureVirtualSpeed(command);
for (let i = 0; i < runs; i++) {
  const before = process.cpuUsage();
  const r = measureVirtualSpeed(command);
  const used = process.cpuUsage(before);
  wall.push(r.ratio);
  cpu.push(r.virtualMs / ((used.user + used.system) / 1000));
}
const show = (label: string, values: number[]) => {
  const s = spread(values);
  return `${label} ${s.median.toFixed(0)} (${s.min.toFixed(0)}-${s.max.toFixed(0)}, n=${s.runs})`;
};
process.stdout.write(`${name}: ${show('wall', wall)}  ${show('cpu', cpu)}\n`);
