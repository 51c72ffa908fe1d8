import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { describeWithTools, requireTool } from '../../helpers/tools.js';
import { runCli } from '../../helpers/cli.js';
import { Tmux } from '../../helpers/tmux.js';
import { exitStatus, killConsoles, startConsole, startShell } from '../../reliability/terminal.js';
import { SisProcess, killAll } from '../transports-helpers.js';
import { bootLinux, buildInitramfs, missingForLinux, type LinuxVm } from './linux-vm.js';

const TOOLS = [
  requireTool('qemu-system-x86_64', 'qemu-system-x86'),
  requireTool('cpio', 'cpio'),
  requireTool('busybox', 'busybox-static'),
  requireTool('tmux', 'tmux'),
];
const missing = missingForLinux();
const suite = (name: string, fn: () => void): void => {
  const onlyTheKernel = missing.length > 0 && TOOLS.every((tool) => tool.path !== null);
  if (onlyTheKernel && process.env.CI !== 'true') describe.skip(`${name} (skipped: missing ${missing.join(', ')})`, fn);
  else describeWithTools(TOOLS, name, fn);
};

let initrd = '';
let vm: LinuxVm | undefined;
beforeAll(async () => {
  if (missing.length > 0) {
    // The kernel image is not a Debian tool: say what brings it, and fail under CI.
    if (process.env.CI === 'true') throw new Error(`a real Linux in QEMU is needed here; missing: ${missing.join(', ')}`);
    return;
  }
  initrd = buildInitramfs();
  vm = await bootLinux(initrd);
}, 120_000);
afterAll(async () => {
  killConsoles();
  await killAll();
  await vm?.kill();
});

suite('a real Linux kernel in QEMU over -serial tcp', () => {
  test('plain mode with no options: echo and uname -a go out, UTF-8 round-trips, exit 0 after stdin ends', async () => {
    const run = await runCli([vm!.endpoint], Buffer.from('echo hello-$((6*7))\nuname -a\necho é✓\n', 'utf8'), 60_000);
    expect(run.stderr).toBe(`sis: connected to ${vm!.endpoint}\n`);
    expect(run.status).toBe(0);
    const out = run.stdout.toString('utf8');
    expect(out).toMatch(/\r\nhello-42\r\n/);
    expect(out).toMatch(/\r\nLinux \S+ 6\.1\.\S+ .*x86_64/);
    expect(out).toContain('\r\né✓\r\n');
  }, 60_000);

  test("sis run --prompt '^/ # ' passes on the shell, and the results document names the board", async () => {
    const run = await runCli(['run', vm!.endpoint, '--prompt', '^/ # ', '-c', 'uname -s', '-c', 'echo done-$((1+1))', '--no-history'], '', 60_000);
    expect(run.status).toBe(0);
    expect(run.stdout.toString()).toMatch(/uname -s\r\nLinux\r\n[^]*done-2\r\n/);
  }, 60_000);

  test('the TUI: raw keys drive vi (Esc, :wq), Ctrl-C interrupts sleep, Ctrl-T q quits', async () => {
    const tmux: Tmux = startShell();
    try {
      await startConsole(tmux, vm!.endpoint);
      await tmux.expectScreen((s) => /^\/ # /m.test(s) && s.includes('keys raw'), 30_000);
      tmux.type('vi /tmp/note.txt');
      tmux.key('Enter');
      // vi shows its status line once it has its terminal (it asked for the size with ESC[6n).
      await tmux.expectScreen((s) => s.includes('- /tmp/note.txt 1/1 100%'), 20_000);
      tmux.key('i');
      await tmux.expectScreen((s) => s.includes('I /tmp/note.txt'), 20_000);
      tmux.type('sis was here');
      tmux.key('Escape');
      await tmux.expectScreen((s) => s.includes('/tmp/note.txt [Modified]'), 20_000);
      tmux.type(':wq');
      tmux.key('Enter');
      // vi leaves the alternate screen and the shell prompts again.
      await tmux.expectScreen((s) => s.includes('[?1049l/ # '), 20_000);
      tmux.type('cat /tmp/note.txt');
      tmux.key('Enter');
      await tmux.expectScreen((s) => /^sis was here\s*$/m.test(s), 20_000);
      tmux.type('sleep 100');
      tmux.key('Enter');
      await tmux.expectScreen((s) => /sleep 100\s*$/m.test(s), 20_000);
      tmux.key('C-c');
      tmux.type('echo after-$((1+1))');
      tmux.key('Enter');
      await tmux.expectScreen((s) => /^after-2\s*$/m.test(s), 20_000);
      tmux.key('C-t');
      tmux.key('q');
      expect(await exitStatus(tmux)).toBe(0);
    } finally {
      tmux.kill();
    }
  }, 120_000);
});

suite('a Linux kernel that dies under sis run', () => {
  test('QEMU killed while a command runs: the command is lost, exit 4', async () => {
    const own = await bootLinux(initrd);
    try {
      const run = new SisProcess(['run', own.endpoint, '--prompt', '^/ # ', '-c', 'sleep 30', '-c', 'echo never', '--no-history']);
      await run.untilStdout((text) => text.includes('sleep 30\r\n'), 30_000);
      await own.kill();
      expect((await run.exited).status).toBe(4);
      expect(run.stderr).toMatch(/'sleep 30' lost: the link went down/);
    } finally {
      await own.kill();
    }
  }, 150_000);
});
