import { spawn } from 'node:child_process';
import { constants } from 'node:os';

/**
 * `node scripts/load.mjs [--procs N] [COMMAND ARGS...]`: N CPU-bound processes (default 2, one per
 * core of a 2-core machine) spinning alongside COMMAND, which runs with the load; the load stops
 * and its exit status is COMMAND's. Without a command the load runs until Ctrl-C.
 * Example: `node scripts/load.mjs npm test`.
 */
const argv = process.argv.slice(2);
let procs = 2;
if (argv[0] === '--procs') {
  procs = Number(argv[1]);
  argv.splice(0, 2);
  if (!Number.isInteger(procs) || procs < 1) {
    process.stderr.write(`load: --procs: invalid value (expected a positive integer)\n`);
    process.exit(2);
  }
}

const spinners = Array.from({ length: procs }, () =>
  spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }),
);
const stopLoad = () => {
  for (const child of spinners) if (child.exitCode === null) child.kill('SIGKILL');
};
process.on('exit', stopLoad);
process.stderr.write(`load: ${procs} CPU-bound processes (pids ${spinners.map((c) => c.pid).join(', ')})\n`);

if (argv.length === 0) {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => process.exit(0));
} else {
  const command = spawn(argv[0], argv.slice(1), { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => command.kill(signal));
  command.on('exit', (status, signal) => {
    stopLoad();
    process.exit(status ?? 128 + (signal ? constants.signals[signal] : 0));
  });
}
