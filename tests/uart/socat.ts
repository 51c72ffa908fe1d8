import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** A socat pty pair: `a` and `b` are symlinks to two ptys wired back to back. */
export interface PtyPair {
  readonly a: string;
  readonly b: string;
  readonly process: ChildProcess;
  /** Kills socat (the ptys vanish) and waits for it to exit. */
  kill(): Promise<void>;
}

/** Starts socat and resolves once it reports its data loop, when both links exist. */
export function startPtyPair(dir: string, ms = 10000): Promise<PtyPair> {
  const a = join(dir, 'ttyA');
  const b = join(dir, 'ttyB');
  const child = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    let log = '';
    const timer = setTimeout(() => {
      void kill();
      reject(new Error(`socat did not start: ${log}`));
    }, ms);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('starting data transfer loop')) {
        clearTimeout(timer);
        resolve({ a, b, process: child, kill });
      }
    });
  });
}
