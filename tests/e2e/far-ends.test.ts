import { afterEach, describe, expect, test } from '@jest/globals';
import { runCli } from '../helpers/cli.js';
import { startFakeTarget, type Board, type FakeTarget } from './fake-targets.js';

let targets: FakeTarget[] = [];

afterEach(async () => {
  for (const t of targets.splice(0)) await t.close();
});

async function serve(board: Board, options: { baud?: number } = {}): Promise<FakeTarget> {
  const target = await startFakeTarget(board, options);
  targets.push(target);
  return target;
}

/** A U-Boot-style bootloader: a countdown that any key stops, then the `=> ` prompt. */
const uBoot: Board = {
  start(io) {
    io.state = 'autoboot';
    void io.say('\r\nU-Boot 2024.01 (Jan 01 2024 - 00:00:00 +0000)\r\n\r\nDRAM:  1 GiB\r\nHit any key to stop autoboot:  5 ');
    // Left alone, it boots on and never shows a prompt.
    setTimeout(() => io.state === 'autoboot' && (io.state = 'booted', void io.say('\r\nStarting kernel ...\r\n')), 5000);
  },
  key(io) {
    io.state = 'prompt';
    void io.say('\b\b\b 0 \r\n=> ');
  },
  line(io, line) {
    const answer = line === 'version' ? 'U-Boot 2024.01 (Jan 01 2024 - 00:00:00 +0000)\r\n' : line === '' ? '' : `Unknown command '${line}' - try 'help'\r\n`;
    void io.say(`${line}\r\n${answer}=> `);
  },
};

/** A SIS board at 9600 baud that glues its prompt to timer lines while it boots, then answers slowly. */
const slowSis: Board = {
  start(io) {
    void io.say('KERNEL(U)\r\nSTACK OK\r\n=== SIS Kernel Shell ===\r\nsis> [TIMER] Calling autonomous_decision_tick()\r\n');
    for (let tick = 1; tick <= 3; tick++) {
      void io.pause(150);
      void io.say(`sis> [AUTONOMY] tick ${tick}\r\n`);
    }
    void io.pause(150).then(() => (io.state = 'ready'));
    void io.say('sis> ');
  },
  line(io, line) {
    if (io.state !== 'ready') return;
    io.state = 'busy';
    const answer =
      line === 'help'
        ? 'Available commands:\r\n  help       - show this help\r\n  stresstest - run a stress test\r\n'
        : line === ''
          ? ''
          : `Unknown command: ${line}\r\n`;
    void io.say(`${line}\r\n`);
    void io.pause(200);
    void io.say(answer).then(() => {
      io.state = 'ready';
      void io.say('sis> ');
    });
  },
};

/** A Linux-like shell that reboots in the middle of a long command. */
const rebooting: Board = {
  start(io) {
    io.state = 'shell';
    void io.say('\r\n/ # ');
  },
  line(io, line) {
    void io.say(`${line}\r\n`);
    if (line.startsWith('sleep')) {
      io.state = 'sleeping';
      void io.pause(300);
      void io.say('[    0.000000] Linux version 6.1.0-28-cloud-amd64 (debian-kernel@lists.debian.org)\r\n[    0.000000] Command line: console=ttyS0\r\n');
      void io.pause(100);
      void io.say('/ # ').then(() => (io.state = 'shell'));
      return;
    }
    void io.say(`${line.startsWith('echo ') ? `${line.slice(5)}\r\n` : ''}/ # `);
  },
};

describe('targets we did not write', () => {
  test('a U-Boot-style target with no options: plain mode stops autoboot, sends the line once output is quiet, exits at EOF', async () => {
    const target = await serve(uBoot);
    const run = await runCli([`tcp:127.0.0.1:${target.port}`], 'version\n', 20_000);
    expect(run.stderr).toContain(`connected to tcp:127.0.0.1:${target.port}`);
    expect(run.status).toBe(0);
    const out = run.stdout.toString();
    expect(out).toContain('=> version\r\nU-Boot 2024.01 (Jan 01 2024 - 00:00:00 +0000)\r\n=> ');
    expect(out).toContain('Hit any key to stop autoboot:  5 \b\b\b 0 \r\n=> ');
    expect(out).not.toContain('Starting kernel');
    expect(target.received.map((r) => r.line)).toEqual(['version']);
  });

  test("a U-Boot-style target with --prompt '^=> ': line mode, each line once the prompt is back", async () => {
    const target = await serve(uBoot);
    const run = await runCli([`tcp:127.0.0.1:${target.port}`, '--prompt', '^=> '], 'version\nbogus\n', 20_000);
    expect(run.status).toBe(0);
    expect(run.stdout.toString()).toContain("=> bogus\r\nUnknown command 'bogus' - try 'help'\r\n=> ");
    expect(target.received.map((r) => [r.line, r.state])).toEqual([
      ['version', 'prompt'],
      ['bogus', 'prompt'],
    ]);
  });

  test('a slow SIS board gluing prompts to timer lines: nothing is sent mid-boot or before the answer, nothing is lost', async () => {
    const target = await serve(slowSis, { baud: 9600 });
    const run = await runCli([`tcp:127.0.0.1:${target.port}`], 'help\nautoctl status\n', 30_000);
    expect(run.status).toBe(0);
    const lines = target.received.filter((r) => r.line !== '');
    expect(lines).toEqual([
      { line: 'help', state: 'ready' },
      { line: 'autoctl status', state: 'ready' },
    ]);
    expect(run.stdout.toString().endsWith('sis> autoctl status\r\nUnknown command: autoctl status\r\nsis> ')).toBe(true);
  });

  test('sis run -c help -c foo on the slow board: one command rejected, exit 1', async () => {
    const target = await serve(slowSis, { baud: 9600 });
    const run = await runCli(['run', `tcp:127.0.0.1:${target.port}`, '-c', 'help', '-c', 'foo', '--no-history'], '', 30_000);
    expect(run.stderr).toContain('rejected: Unknown command: foo');
    expect(run.stderr).toContain('1 command rejected by the target');
    expect(run.status).toBe(1);
    expect(run.stdout.toString()).toContain('  stresstest - run a stress test\r\n');
  });

  test('plain mode with a target that never says anything: one clear line naming the prompt pattern, exit 4', async () => {
    const silent = await serve({ start: () => undefined, line: () => undefined });
    const run = await runCli([`tcp:127.0.0.1:${silent.port}`], 'help\n', 30_000);
    expect(run.status).toBe(4);
    expect(run.stderr).toBe(
      `sis: connected to tcp:127.0.0.1:${silent.port}\n` +
        `sis: no prompt from tcp:127.0.0.1:${silent.port}: waited 5.0 s for /^sis> / and nothing arrived\n`,
    );
    // The Enter asking for a prompt, again after 0.5 s and 1 s; the line itself never went out.
    expect(silent.received.map((r) => r.line)).toEqual(['', '', '']);
  });

  test('a target that reboots during a command: the command is lost, sis run says so and exits 4', async () => {
    const target = await serve(rebooting);
    const run = await runCli(
      ['run', `tcp:127.0.0.1:${target.port}`, '--prompt', '^/ # ', '-c', 'sleep 20', '-c', 'echo after', '--no-history'],
      '',
      20_000,
    );
    expect(run.status).toBe(4);
    expect(run.stderr).toContain("'sleep 20' lost: the target rebooted ([    0.000000] Linux version 6.1.0-28-cloud-amd64");
    expect(target.received.map((r) => r.line)).toEqual(['sleep 20']);
  });
});
