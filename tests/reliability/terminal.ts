import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { CLI, ROOT } from '../helpers/cli.js';
import { Tmux } from '../helpers/tmux.js';

/** A bash in tmux, where the console runs as a person would start it. */
export function startShell(): Tmux {
  return new Tmux('bash --norc --noprofile', { cwd: ROOT, env: { PS1: 'SHELL$ ', TERM: 'xterm-256color' }, height: 40 });
}

/** Consoles started and maybe still running: a console stuck in a long computation outlives its tmux. */
const started = new Set<number>();

/** SIGKILLs every console `startConsole` started that is still running (for afterEach); a reused pid is left alone. */
export function killConsoles(): void {
  for (const pid of started) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'latin1').includes(CLI)) process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  started.clear();
}

/**
 * Starts `sis ARGS` in the shell through `sh -c 'echo PID=$$; exec …'` (so the printed pid is the
 * console's own), then `echo status=$?`. Resolves with the pid once the console's status line shows
 * the link up.
 */
export async function startConsole(t: Tmux, args: string): Promise<number> {
  await t.expectScreen((s) => s.includes('SHELL$'));
  t.typeCommand(`sh -c 'echo PID=$$; exec node ${CLI} ${args}'; echo "status=$?"`);
  t.key('Enter');
  // The pid is read as soon as the shell prints it: a device that floods on connect can push it out
  // of tmux's history before the status line shows the link up.
  let pid = 0;
  await t.expectScreen((s) => {
    pid = Number(/^PID=(\d+)$/m.exec(s)?.[1] ?? 0);
    return pid > 0;
  });
  await t.expectScreen((s) => / connected( |$)/m.test(s));
  started.add(pid);
  return pid;
}

/** The exit status the shell printed after the console ended. */
export async function exitStatus(t: Tmux): Promise<number> {
  await t.expectScreen((s) => /^status=\d+$/m.test(s));
  return Number(/^status=(\d+)$/m.exec(t.history())![1]);
}

const STTY = "stty -a | tr ' ' '\\n' | grep -xE -- '-?(opost|icanon|echo)' | tr '\\n' ' '; echo END";

/** Back at the shell prompt with the terminal in canonical mode with echo and its output processing on. */
export async function expectTtyRestored(t: Tmux): Promise<void> {
  await t.expectScreen((s) => s.trimEnd().endsWith('SHELL$'));
  t.typeCommand(STTY);
  t.key('Enter');
  await t.expectScreen((s) => /^opost icanon echo END$/m.test(s));
}

export interface FakeDevice {
  readonly port: number;
  /** Every byte written to any client, in order. */
  readonly sent: Buffer[];
  /** Ends every connection (what was written is delivered first) and stops listening. */
  close(): Promise<void>;
}

export interface FakeDeviceOptions {
  /** 0: any free port. */
  port?: number;
  /** Written on each connection. */
  greeting?: Uint8Array;
  /**
   * The answer to each line received (CR- or LF-terminated), or undefined for none; `write` sends
   * more later, and returns false once the connection has ended.
   */
  answer?: (line: string, write: (text: string) => boolean) => string | undefined;
}

/** A tcp server that behaves as a board on a serial-over-tcp link. */
export async function startFakeDevice(options: FakeDeviceOptions = {}): Promise<FakeDevice> {
  const sent: Buffer[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    const write = (bytes: Uint8Array): boolean => {
      if (!socket.writable) return false;
      sent.push(Buffer.from(bytes));
      socket.write(bytes);
      return true;
    };
    if (options.greeting) write(options.greeting);
    let pending = '';
    socket.on('data', (chunk: Buffer) => {
      pending += chunk.toString('latin1');
      for (let cr = pending.search(/[\r\n]/); cr >= 0; cr = pending.search(/[\r\n]/)) {
        const line = pending.slice(0, cr);
        pending = pending.slice(cr + 1);
        const reply = options.answer?.(line, (text) => write(Buffer.from(text, 'latin1')));
        if (reply !== undefined) write(Buffer.from(reply, 'latin1'));
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    sent,
    async close() {
      await Promise.all(
        [...sockets].map(
          (socket) =>
            new Promise<void>((resolve) => {
              const fallback = setTimeout(() => socket.destroy(), 1000);
              socket.once('close', () => {
                clearTimeout(fallback);
                resolve();
              });
              socket.end();
            }),
        ),
      );
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
