import { afterEach, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, TEST_HISTORY } from '../helpers/cli.js';
import { Tmux } from '../helpers/tmux.js';
import { describeWithTools, requireTool } from '../helpers/tools.js';
import { startPtyPair, type PtyPair } from '../uart/socat.js';
import { startSer2net, type Ser2net } from './ser2net-helpers.js';
import { killAll, startServe } from './transports-helpers.js';

const tools = [requireTool('socat', 'socat'), requireTool('tmux', 'tmux')];
let tmux: Tmux | undefined;
let pair: PtyPair | undefined;
let dir: string | undefined;
let ser2net: Ser2net | undefined;

afterEach(async () => {
  tmux?.kill();
  await ser2net?.stop();
  await killAll();
  await pair?.kill();
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

const BANNER = '=== SIS Kernel Shell ===';
const count = (text: string, part: string): number => text.split(part).length - 1;
/** The console's status line: the last non-empty line of the screen. */
const statusLine = (screen: string): string => screen.trimEnd().split('\n').at(-1) ?? '';

/** A shell in a 120x40 terminal, in `cwd`, running `sis ARGS` and waiting for its prompt and status line. */
async function startConsole(cwd: string, args: string): Promise<Tmux> {
  const t = new Tmux('bash --norc --noprofile', {
    cwd,
    width: 120,
    env: { PS1: 'SHELL$ ', SIS_CONSOLE_HISTORY: '', SIS_HISTORY: TEST_HISTORY, TERM: 'xterm-256color' },
  });
  await t.expectScreen((s) => s.includes('SHELL$'));
  t.typeCommand(`node ${CLI} ${args}; echo "EXIT=$?"`);
  t.key('Enter');
  await t.expectScreen((s) => /^sis>/m.test(s) && s.includes(' connected'));
  return t;
}

async function menu(t: Tmux, key: string): Promise<void> {
  t.key('C-t');
  await t.expectScreen((s) => s.includes('Ctrl-T: q quit'));
  t.type(key);
}

describeWithTools(tools, 'line control in the console, in a real terminal', () => {
  test('the model: Ctrl-T b reboots it, Ctrl-T t stamps lines, a Ctrl-T l log that fails shows and makes the exit status 2', async () => {
    dir = mkdtempSync(join(tmpdir(), 'sis-tui-line-'));
    tmux = await startConsole(dir, '--seed 9 --break-ms 40');
    await tmux.expectScreen((s) => count(s, BANNER) === 1);
    await menu(tmux, 'b');
    await tmux.expectScreen((s) => s.includes('sis: BREAK sent (40 ms)') && count(s, BANNER) === 2);

    await menu(tmux, 't');
    tmux.type('metricsctl status');
    tmux.key('Enter');
    await tmux.expectScreen((s) => /^\[\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\] \[METRICSCTL\] capture: ON$/m.test(s));

    await menu(tmux, 'l');
    await tmux.expectScreen((s) => /Log to: file sis-\d{8}-\d{6}\.log_/.test(s));
    tmux.key('C-u');
    tmux.type('/dev/full');
    tmux.key('Enter');
    await tmux.expectScreen((s) => s.includes('sis: logging to /dev/full'));
    tmux.type('help');
    tmux.key('Enter');
    await tmux.expectScreen((s) => statusLine(s).startsWith('* virtual connected | log file /dev/full: no space left on device | line mode'));
    tmux.key('C-d');
    await tmux.expectScreen((s) => /^sis: log file \/dev\/full: no space left on device\nEXIT=2$/m.test(s));
  }, 90_000);

  test('a pty pair to sis serve --device: settings and byte counts shown, no modem lines (a pty has none); Ctrl-T o sets the tty to 57600; BREAK is refused in one line', async () => {
    dir = mkdtempSync(join(tmpdir(), 'sis-tui-pty-'));
    pair = await startPtyPair(dir);
    await startServe(['--device', pair.a, '--seed', '5', '--speed', 'max']);
    tmux = await startConsole(dir, pair.b);
    const device = pair.b;
    await tmux.expectScreen((s) => new RegExp(`^\\* ${device} connected \\| line mode \\| 115200 8N1 \\| RX \\d+ TX \\d+ \\| Ctrl-T h help$`).test(statusLine(s)));

    await menu(tmux, 'b');
    await tmux.expectScreen((s) => s.includes(`sis: ${device}: BREAK not supported by this device (it has no modem control lines)`));
    await menu(tmux, 'd');
    await tmux.expectScreen((s) => s.includes(`sis: ${device}: DTR/RTS not supported by this device (it has no modem control lines)`));

    await menu(tmux, 'o');
    await tmux.expectScreen((s) => s.includes('Line: baud 115200_  data bits 8  parity none  stop bits 1  flow none'));
    tmux.key('C-u');
    tmux.type('57600');
    tmux.key('Enter');
    await tmux.expectScreen((s) => s.includes('sis: line now 57600 8N1 flow none') && statusLine(s).includes(' | 57600 8N1 | '));
    expect(execFileSync('stty', ['-F', device, 'speed']).toString().trim()).toBe('57600');

    // A serial device changes only its baud rate while open: a new frame is refused, nothing changes.
    await menu(tmux, 'o');
    await tmux.expectScreen((s) => s.includes('Line: baud 57600_  data bits 8'));
    tmux.key('Tab');
    tmux.type('7');
    tmux.key('Enter');
    await tmux.expectScreen((s) => s.includes(`sis: ${device}: only the baud rate can change on an open device`));
    expect(statusLine(tmux.screen())).toContain(' | 57600 8N1 | ');

    tmux.type('stresstest memory --duration 1000 --seed 1');
    tmux.key('Enter');
    await tmux.expectScreen((s) => /Status: PASS/.test(s) && /RX \d+(\.\d)?k TX \d+/.test(statusLine(s)), 60_000);
    tmux.key('C-d');
    await tmux.expectScreen((s) => s.includes('EXIT=0'));
  }, 120_000);
});

describeWithTools([...tools, requireTool('ser2net', 'ser2net')], 'line control through a lab serial server (ser2net, RFC 2217)', () => {
  test('the server reports the settings and modem lines; Ctrl-T o sets 19200 8E1 on its port; Ctrl-T b is accepted; a test still passes', async () => {
    dir = mkdtempSync(join(tmpdir(), 'sis-tui-rfc2217-'));
    pair = await startPtyPair(dir);
    // The model plays the board on one end of the pty pair; ser2net exports the other end.
    await startServe(['--device', pair.a, '--seed', '5', '--speed', 'max']);
    ser2net = await startSer2net(dir, pair.b);
    const { url } = ser2net;
    tmux = await startConsole(dir, url);
    // ser2net reports its pty's modem lines: a pty has none up.
    await tmux.expectScreen((s) => new RegExp(`^\\* ${url} connected \\| line mode \\| 115200 8N1 \\| CTS- DSR- DCD- RI- \\| RX \\d+ TX \\d+`).test(statusLine(s)));

    await menu(tmux, 'o');
    await tmux.expectScreen((s) => s.includes('Line: baud 115200_  data bits 8  parity none  stop bits 1  flow none'));
    tmux.key('C-u');
    tmux.type('19200');
    tmux.key('Tab');
    tmux.key('Tab');
    tmux.type('e');
    tmux.key('Enter');
    await tmux.expectScreen((s) => s.includes('sis: line now 19200 8E1 flow none') && statusLine(s).includes(' | 19200 8E1 | '));
    // A Linux pty keeps the speed but reads back 8 bits, no parity: only the baud is checked there.
    expect(execFileSync('stty', ['-F', pair.b, 'speed']).toString().trim()).toBe('19200');

    // ser2net takes the BREAK (a pty cannot pass it on to the board).
    await menu(tmux, 'b');
    await tmux.expectScreen((s) => s.includes('sis: BREAK sent (250 ms)'));

    tmux.type('stresstest memory --duration 1000 --seed 1');
    tmux.key('Enter');
    await tmux.expectScreen((s) => /Status: PASS/.test(s), 60_000);
    tmux.key('C-d');
    await tmux.expectScreen((s) => s.includes('EXIT=0'));
  }, 120_000);
});
