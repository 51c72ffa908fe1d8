import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync, readlinkSync } from 'node:fs';

/** A command on a real pseudo-terminal (util-linux `script`), as a person's terminal would run it. */
export class PtyProcess {
  readonly child: ChildProcessWithoutNullStreams;
  private chunks: Array<{ atMs: number; text: string }> = [];
  private listeners = new Set<(text: string, atMs: number) => void>();
  readonly startMs = performance.now();

  constructor(command: string, options: { rows?: number; cols?: number; env?: Record<string, string> } = {}) {
    const sized = `stty rows ${options.rows ?? 40} cols ${options.cols ?? 120}; exec ${command}`;
    this.child = spawn('script', ['-qfec', sized, '/dev/null'], {
      env: { ...process.env, TERM: 'xterm-256color', CI: '', ...options.env },
    });
    this.child.stdout.on('data', (data: Buffer) => {
      const atMs = performance.now();
      const text = data.toString('latin1');
      for (const listener of this.listeners) listener(text, atMs);
    });
  }

  onOutput(listener: (text: string, atMs: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves with the wall time (ms since start) at which `needle` first appears in the output. */
  waitFor(needle: string | RegExp, timeoutMs = 30_000): Promise<number> {
    let seen = '';
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new Error(`timed out waiting for ${String(needle)}; last output: ${JSON.stringify(seen.slice(-300))}`));
      }, timeoutMs);
      // A string needle needs only its length less one of what came before; a pattern gets 64 KiB.
      const keep = typeof needle === 'string' ? Math.max(1, needle.length - 1) : 65536;
      const off = this.onOutput((text, atMs) => {
        seen = seen + text;
        const found = typeof needle === 'string' ? seen.includes(needle) : needle.test(seen);
        seen = seen.slice(-Math.max(keep, 300));
        if (found) {
          clearTimeout(timer);
          off();
          resolve(atMs - this.startMs);
        }
      });
    });
  }

  write(text: string): void {
    this.child.stdin.write(text);
  }

  /** The id of the process `script` runs (its only child). */
  private commandPid(): number {
    return Number(execFileSync('pgrep', ['-P', String(this.child.pid)], { encoding: 'utf8' }).trim().split('\n')[0]);
  }

  /** The modes of the terminal the process `script` runs reads, as `stty -a` lists them (`-icanon`, `opost` ...). */
  ttyModes(): string[] {
    const tty = readlinkSync(`/proc/${this.commandPid()}/fd/0`);
    return execFileSync('stty', ['-a', '-F', tty], { encoding: 'utf8' }).split(/[\s;]+/);
  }

  /** Resident set size in KiB of the process `script` runs. */
  rssKiB(): number {
    const status = readFileSync(`/proc/${this.commandPid()}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? NaN);
  }

  /** CPU seconds (user + sys) the process `script` runs has used so far; /proc counts in 1/100 s ticks. */
  cpuSeconds(): number {
    const stat = readFileSync(`/proc/${this.commandPid()}/stat`, 'utf8');
    // Fields after the parenthesised command name: state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  }

  /** SIGTERM the process `script` runs and wait until it has exited. */
  async terminate(): Promise<void> {
    const pid = this.commandPid();
    process.kill(pid, 'SIGTERM');
    while (existsSync(`/proc/${pid}`)) await new Promise((resolve) => setTimeout(resolve, 50));
  }

  kill(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      this.child.once('close', () => resolve());
      this.child.kill('SIGKILL');
    });
  }
}

/**
 * A regex source for `text` written at a column by the console, which rewrites only the cells that
 * change: a column move (`ESC[nG`), any styles, then the text.
 */
export function placed(text: string): string {
  return String.raw`\x1b\[\d+G(?:\x1b\[[0-9;]*m)*${text}`;
}
