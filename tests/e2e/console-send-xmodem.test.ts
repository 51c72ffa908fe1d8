import { afterEach, expect, test } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, ROOT, runCli, TEST_HISTORY } from '../helpers/cli.js';
import { Tmux } from '../helpers/tmux.js';
import { describeWithTools, requireTool } from '../helpers/tools.js';
import { waitFor } from '../helpers/wait.js';

let tmux: Tmux | undefined;
let receiver: ChildProcess | undefined;
let dir: string | undefined;
afterEach(async () => {
  tmux?.kill();
  if (receiver !== undefined && receiver.exitCode === null) {
    const exited = new Promise((resolve) => receiver!.once('exit', resolve));
    receiver.kill('SIGTERM');
    await exited;
  }
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

describeWithTools(
  [requireTool('tmux', 'tmux'), requireTool('socat', 'socat'), requireTool('rx', 'lrzsz'), requireTool('sx', 'lrzsz')],
  'Ctrl-T s in the console, to a real XMODEM receiver',
  () => {
    test('the file arrives byte for byte through rx on the other end of a pty pair', async () => {
      dir = mkdtempSync(join(tmpdir(), 'sis-ctrlt-s-'));
      const inbox = join(dir, 'inbox');
      mkdirSync(inbox);
      const tty = join(dir, 'ttyX');
      receiver = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${tty}`, `SYSTEM:cd ${inbox} && exec rx -b got.bin`], {
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let log = '';
      receiver.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
      expect(await waitFor(() => log.includes('starting data transfer loop'))).toBe(true);
      const file = join(dir, 'firmware.bin');
      const content = Buffer.from(Array.from({ length: 10_000 }, (_, i) => (i * 31 + (i >> 7)) & 0xff));
      writeFileSync(file, content);

      tmux = new Tmux('bash --norc --noprofile', {
        cwd: ROOT, width: 160, env: { PS1: 'SHELL$ ', SIS_HISTORY: TEST_HISTORY, SIS_CONSOLE_HISTORY: '' },
      });
      await tmux.expectScreen((s) => s.includes('SHELL$'));
      tmux.typeCommand(`node ${CLI} ${tty}; echo "status=$?"`);
      tmux.key('Enter');
      await tmux.expectScreen((s) => s.includes(`${tty} connected`) && s.includes('keys raw'));
      tmux.key('C-t');
      await tmux.expectScreen((s) => s.includes('Ctrl-T: q quit'));
      tmux.key('s');
      await tmux.expectScreen((s) => s.includes('send file> _'));
      tmux.typeCommand(file);
      tmux.key('Enter');
      await tmux.expectScreen((s) => s.includes(`send ${file} (10000 bytes) as: r raw · x xmodem`));
      tmux.key('x');
      await tmux.expectScreen((s) => new RegExp(`sis: sent ${file} by xmodem \\(10000 bytes in [\\d.]+ s\\)`).test(s), 60_000);
      const got = readFileSync(join(inbox, 'got.bin'));
      // XMODEM sends whole 128-byte blocks: the last one is padded with SUB (0x1a).
      expect(got.length).toBe(10_112);
      expect(got.subarray(0, 10_000).equals(content)).toBe(true);
      expect(got.subarray(10_000).every((byte) => byte === 0x1a)).toBe(true);
      // The transfer's line leaves the frame (its next draw may come after the note above it).
      await tmux.expectScreen((s) => !s.includes('sending'));
      // The receiver's ACKs went to sx, not to the screen; the console has the keyboard back.
      tmux.key('C-t');
      await tmux.expectScreen((s) => s.includes('Ctrl-T: q quit'));
      tmux.key('q');
      await tmux.expectScreen((s) => s.includes('status=0'));
    });
  },
);

test('--macros with a bad file: one line naming the file and line, exit 2, nothing opened', async () => {
  const scratch = mkdtempSync(join(tmpdir(), 'sis-macros-cli-'));
  try {
    const bad = join(scratch, 'macros.txt');
    writeFileSync(bad, '# mine\n1 boot: help\nx reset: autoctl status\n');
    const result = await runCli(['--macros', bad], 'help\n');
    expect(result.stderr).toBe(`sis: --macros: ${bad}:3: the key 'x' is not a digit 0-9\n`);
    expect(result.status).toBe(2);
    expect(result.stdout.length).toBe(0);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});
