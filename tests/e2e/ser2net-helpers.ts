import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createConnection, createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once something accepts connections on `port` (ser2net prints nothing when it is ready). */
async function untilListening(port: number, child: ChildProcess, log: () => string): Promise<void> {
  for (const started = Date.now(); Date.now() - started < 15_000;) {
    if (child.exitCode !== null) throw new Error(`ser2net exited ${child.exitCode}: ${log()}`);
    const up = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port }, () => {
        socket.destroy();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`ser2net is not listening on ${port}: ${log()}`);
}

export interface Ser2net {
  /** `rfc2217://127.0.0.1:PORT` */
  readonly url: string;
  stop(): Promise<void>;
}

/** ser2net (foreground) exporting `tty` as RFC 2217 on a free port, 115200 8N1, as labs configure it. */
export async function startSer2net(dir: string, tty: string): Promise<Ser2net> {
  const port = await freePort();
  const config = join(dir, 'ser2net.yaml');
  writeFileSync(config, [
    'connection: &sis',
    `  accepter: telnet(rfc2217),tcp,127.0.0.1,${port}`,
    `  connector: serialdev,${tty},115200n81,local`,
    '',
  ].join('\n'));
  let log = '';
  const child = spawn('ser2net', ['-n', '-d', '-c', config, '-P', join(dir, 'ser2net.pid')], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  await untilListening(port, child, () => log);
  return {
    url: `rfc2217://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
