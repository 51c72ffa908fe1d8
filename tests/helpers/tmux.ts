import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { waitFor } from './wait.js';

/** A tmux session on a private socket, driven one key per call as a person types. */
export class Tmux {
  private readonly socket = `sis-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  readonly session = 'main';

  constructor(command: string, options: { cwd: string; width?: number; height?: number; env?: Record<string, string> }) {
    const env = Object.entries(options.env ?? {}).map(([k, v]) => `${k}='${v.replace(/'/g, `'\\''`)}'`);
    this.tmux(
      'new-session', '-d', '-s', this.session, '-x', String(options.width ?? 110), '-y', String(options.height ?? 40),
      '-c', options.cwd, `env ${env.join(' ')} ${command}`,
    );
  }

  tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
  }

  /** Sends one key (a tmux key name like `Enter`, `C-c`, or one literal character). */
  key(key: string): void {
    this.tmux('send-keys', '-t', this.session, key);
  }

  type(text: string): void {
    // A lone ';' argument separates tmux commands; escaped it is sent literally.
    for (const ch of text) this.tmux('send-keys', '-t', this.session, '-l', ch === ';' ? '\\;' : ch);
  }

  /**
   * Types a whole shell command line in one go (one tmux call, not one per character): for the
   * shell around the console, where keystroke timing does not matter and a loaded machine makes
   * a hundred tmux calls slow.
   */
  typeCommand(text: string): void {
    // An argument ending in ';' would be read by tmux as a command separator.
    this.tmux('send-keys', '-t', this.session, '-l', text.endsWith(';') ? `${text.slice(0, -1)}\\;` : text);
  }

  /** The pane's process whose command line contains `match` (the pane's own, or one it started), or undefined. */
  processPid(match: string): number | undefined {
    const pending = [Number(this.tmux('display-message', '-p', '-t', this.session, '#{pane_pid}').trim())];
    for (let pid = pending.shift(); pid !== undefined; pid = pending.shift()) {
      try {
        if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(match)) return pid;
        const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
        if (children !== '') pending.push(...children.split(' ').map(Number));
      } catch {
        // gone meanwhile
      }
    }
    return undefined;
  }

  screen(): string {
    return this.tmux('capture-pane', '-p', '-t', this.session);
  }

  /** Whole history plus screen. */
  history(): string {
    return this.tmux('capture-pane', '-p', '-S', '-', '-t', this.session);
  }

  async waitForScreen(predicate: (screen: string) => boolean, timeoutMs = 15_000): Promise<boolean> {
    return waitFor(() => {
      try {
        return predicate(this.history());
      } catch {
        return false;
      }
    }, timeoutMs);
  }

  /** Waits for the screen to satisfy `predicate`; fails with the screen's content if it never does. */
  async expectScreen(predicate: (screen: string) => boolean, timeoutMs = 15_000): Promise<void> {
    if (await this.waitForScreen(predicate, timeoutMs)) return;
    throw new Error(`screen never matched ${predicate.toString()}; it shows:\n${this.history()}`);
  }

  kill(): void {
    try {
      this.tmux('kill-server');
    } catch {
      // already gone
    }
  }
}
