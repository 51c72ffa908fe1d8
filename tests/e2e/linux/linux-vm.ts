import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createConnection, createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../helpers/cli.js';

export const KERNEL = join(ROOT, '.cache/linux/vmlinuz');
const QEMU = 'qemu-system-x86_64';
const BUSYBOX = '/bin/busybox';

/** What is missing to boot Linux here, with the command that brings it; empty when all is there. */
export function missingForLinux(): string[] {
  const missing: string[] = [];
  const has = (tool: string): boolean => {
    try {
      execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  };
  if (!has(QEMU)) missing.push(`${QEMU} (apt-get install -y qemu-system-x86)`);
  if (!has('cpio')) missing.push('cpio (apt-get install -y cpio)');
  if (!existsSync(BUSYBOX)) missing.push('busybox (apt-get install -y busybox-static)');
  if (!existsSync(KERNEL)) missing.push('a kernel image (scripts/linux/fetch-kernel.sh)');
  return missing;
}

const INIT = `#!/bin/busybox sh
/bin/busybox --install -s /bin
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev
mkdir -p /dev/pts && mount -t devpts devpts /dev/pts
export PATH=/bin HOME=/ TERM=vt100
while true; do setsid cttyhack sh -l; done
`;

/** A busybox initramfs whose /init respawns a login shell on the console (prompt `/ # `). */
export function buildInitramfs(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sis-initramfs-'));
  const root = join(dir, 'root');
  for (const sub of ['bin', 'proc', 'sys', 'dev', 'tmp']) mkdirSync(join(root, sub), { recursive: true });
  copyFileSync(BUSYBOX, join(root, 'bin/busybox'));
  chmodSync(join(root, 'bin/busybox'), 0o755);
  writeFileSync(join(root, 'init'), INIT, { mode: 0o755 });
  const image = join(dir, 'initrd.gz');
  execFileSync('sh', ['-c', `cd '${root}' && find . | cpio -o -H newc 2>/dev/null | gzip -1 > '${image}'`]);
  return image;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface LinuxVm {
  readonly endpoint: string;
  readonly process: ChildProcess;
  kill(): Promise<void>;
}

/**
 * Boots Linux in QEMU with its console on `-serial tcp:…,server=on,wait=off`, and resolves once a
 * probe client has seen the shell prompt (the probe then hangs up; QEMU takes the next client).
 */
export async function bootLinux(initrd: string, timeoutMs = 90_000): Promise<LinuxVm> {
  const port = await freePort();
  const qemu = spawn(QEMU, [
    '-m', '256', '-nographic', '-no-reboot', '-monitor', 'none',
    '-kernel', KERNEL, '-initrd', initrd,
    '-append', 'console=ttyS0 quiet panic=-1',
    '-serial', `tcp:127.0.0.1:${port},server=on,wait=off`,
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  qemu.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => qemu.on('exit', () => resolve()));
  const vm: LinuxVm = {
    endpoint: `tcp:127.0.0.1:${port}`,
    process: qemu,
    async kill() {
      if (qemu.exitCode === null && qemu.signalCode === null) qemu.kill('SIGKILL');
      await exited;
    },
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (qemu.exitCode !== null) throw new Error(`qemu exited: ${stderr}`);
    if (await probe(port)) return vm;
  }
  await vm.kill();
  throw new Error(`no shell prompt from Linux within ${timeoutMs / 1000} s; qemu said: ${stderr}`);
}

/** Connects, presses Enter until `/ # ` shows (or the connection fails), then hangs up. */
function probe(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let seen = '';
    let timer: NodeJS.Timeout | undefined;
    const done = (ok: boolean): void => {
      clearInterval(timer);
      socket.destroy();
      // A failed probe is retried after a pause (QEMU may not listen yet); a good one returns at once.
      if (ok) resolve(true);
      else setTimeout(() => resolve(false), 500);
    };
    socket.on('error', () => done(false));
    socket.on('connect', () => {
      socket.write('\r');
      timer = setInterval(() => socket.write('\r'), 1000);
    });
    socket.on('data', (chunk: Buffer) => {
      seen += chunk.toString('latin1');
      if (seen.includes('/ # ')) done(true);
    });
    socket.setTimeout(20_000, () => done(false));
  });
}
