import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CLI = fileURLToPath(new URL('../../dist/sis.js', import.meta.url));

export interface DashboardProcess {
  child: ChildProcess;
  base: string;
  /** CPU seconds (user + system) the process has used so far, from /proc. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

/** `sis dashboard` from the build, on a free loopback port; resolves once it serves. */
export function startDashboard(args: readonly string[]): Promise<DashboardProcess> {
  const child = spawn(process.execPath, [CLI, 'dashboard', '--listen', '127.0.0.1:0', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  const ticks = Number(process.env.CLK_TCK ?? 100);
  return new Promise((resolve, reject) => {
    let err = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      const match = /serving (http:\/\/[\d.:]+)\//.exec(err);
      if (!match) return;
      resolve({
        child,
        base: match[1]!,
        cpuSeconds() {
          // Fields 14 and 15 of /proc/PID/stat: utime and stime in clock ticks (after the `(comm)` field).
          const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8');
          const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
          return (Number(fields[11]) + Number(fields[12])) / ticks;
        },
        stop: () =>
          new Promise((done) => {
            child.once('close', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
    child.once('close', (status) => reject(new Error(`sis dashboard exited ${status}: ${err}`)));
  });
}
