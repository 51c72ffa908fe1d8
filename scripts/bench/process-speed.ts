import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

const CLI = new URL('../../dist/sis.js', import.meta.url).pathname;

/** Wall ms for the built CLI (`cli`: another build's `sis.js`) in plain mode (`--speed max`) to take `input` on stdin and exit. */
export function timePlainSession(input: string, seed = 1, cli = CLI): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [cli, '--seed', String(seed), '--no-history'], { stdio: ['pipe', 'ignore', 'ignore'] });
    child.on('error', reject);
    child.on('close', (status) => (status === 0 ? resolve(performance.now() - start) : reject(new Error(`sis exited ${status}`))));
    child.stdin.end(input);
  });
}

/**
 * Whole-process virtual speed: a 60 s test with METRIC lines on, through the CLI in plain mode,
 * minus the same session with a 1 ms test (start-up, boot and exit), as simulated ms per wall ms.
 */
export async function processVirtualSpeed(type: 'memory' | 'chaos', cli = CLI): Promise<number> {
  const session = (ms: number): string => `metricsctl on\nstresstest ${type} --duration ${ms} --seed 1\n`;
  const long = await timePlainSession(session(60_000), 1, cli);
  const short = await timePlainSession(session(1), 1, cli);
  return 59_999 / Math.max(1e-3, long - short);
}

/** Commands per second through plain mode: 2000 `help` lines, start-up (empty stdin) subtracted. */
export async function plainCommandsPerSecond(): Promise<number> {
  const lines = 'help\n'.repeat(2000);
  const full = await timePlainSession(lines);
  const empty = await timePlainSession('');
  return 2000 / ((full - empty) / 1000);
}
