import { spawn, type ChildProcessWithoutNullStreams, type SpawnOptions } from 'node:child_process';
import { CLI, cliEnv, ROOT } from '../helpers/cli.js';
import { waitFor } from '../helpers/wait.js';

export interface Exit {
  status: number | null;
  signal: NodeJS.Signals | null;
}

/** The built CLI as a long-running child: stdin stays open until `end()`; output is collected as it comes. */
export class SisProcess {
  readonly child: ChildProcessWithoutNullStreams;
  readonly exited: Promise<Exit>;
  private readonly out: Buffer[] = [];
  private err = '';

  constructor(args: readonly string[], options: Pick<SpawnOptions, 'uid' | 'gid'> = {}) {
    this.child = spawn(process.execPath, [CLI, ...args], {
      cwd: ROOT,
      env: cliEnv(),
      ...options,
    }) as ChildProcessWithoutNullStreams;
    this.child.stdout.on('data', (chunk: Buffer) => this.out.push(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => (this.err += chunk.toString()));
    this.child.stdin.on('error', () => {});
    this.exited = new Promise((resolve) => {
      this.child.on('close', (status, signal) => resolve({ status, signal }));
    });
    running.add(this);
    void this.exited.then(() => running.delete(this));
  }

  get stdout(): Buffer {
    return Buffer.concat(this.out);
  }

  get stdoutText(): string {
    return this.stdout.toString('latin1');
  }

  get stderr(): string {
    return this.err;
  }

  write(text: string): void {
    this.child.stdin.write(Buffer.from(text, 'latin1'));
  }

  end(text = ''): void {
    this.child.stdin.end(Buffer.from(text, 'latin1'));
  }

  async untilStdout(check: (text: string) => boolean, timeoutMs = 15_000): Promise<void> {
    if (!(await waitFor(() => check(this.stdoutText), timeoutMs))) {
      throw new Error(`timed out; stdout: ${JSON.stringify(this.stdoutText.slice(-400))}; stderr: ${this.err}`);
    }
  }

  /** Waits for a stderr line matching `pattern`; returns the match. */
  async untilStderr(pattern: RegExp, timeoutMs = 15_000): Promise<RegExpMatchArray> {
    let match: RegExpMatchArray | null = null;
    const found = await waitFor(() => (match = pattern.exec(this.err)) !== null, timeoutMs);
    if (!found || match === null) throw new Error(`timed out waiting for ${pattern}; stderr: ${this.err}`);
    return match;
  }

  kill(signal: NodeJS.Signals = 'SIGTERM'): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
  }
}

const running = new Set<SisProcess>();

/** Ends every child still running (for afterEach) and waits for them. */
export async function killAll(): Promise<void> {
  const left = [...running];
  for (const child of left) child.kill('SIGKILL');
  await Promise.all(left.map((child) => child.exited));
}

/** `sis serve …`, resolved once it has printed `count` listening addresses (or is serving its device). */
export async function startServe(args: readonly string[]): Promise<{ serve: SisProcess; addresses: string[] }> {
  const serve = new SisProcess(['serve', ...args]);
  await serve.untilStderr(/kernel model seed=/);
  const addresses = [...serve.stderr.matchAll(/^sis serve: listening on (\S+)$/gm)].map((m) => m[1]!);
  return { serve, addresses };
}

/** Everything from the first prompt on: what every client sees alike, however late it connected. */
export function fromFirstPrompt(text: string): string {
  const at = text.indexOf('sis> ');
  if (at < 0) throw new Error(`no prompt in ${JSON.stringify(text.slice(0, 200))}`);
  return text.slice(at);
}
