import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { openTarget } from '../../../shell/connect/index.js';
import { App } from '../../../shell/tui/app.js';
import { createConsoleEngine } from '../../../shell/tui/console-engine.js';
import { createCardWriter } from '../../../shell/tui/result-cards.js';
import { createHistoryList } from '../../../shell/tui/input/index.js';
import { LineState } from '../../../shell/tui/line-state.js';
import { RuntimeLog } from '../../../shell/tui/runtime-log.js';
import { Scrollback } from '../../../shell/tui/scrollback.js';
import { lineControlOf } from '../../../uart/index.js';
import { waitFor } from '../../helpers/wait.js';
import { FakePort } from '../connect/fake-port.js';
import { screenText } from './screen-text.js';

let dir: string;
let cleanup: Array<() => Promise<void> | void> = [];
beforeEach(() => void (dir = mkdtempSync(join(tmpdir(), 'sis-app-line-'))));
afterEach(async () => {
  for (const step of cleanup.splice(0)) await step();
  rmSync(dir, { recursive: true, force: true });
});

/** Ink attaches a newly active key handler in an effect, after the frame that shows it: one turn of the event loop. */
const effects = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

const BANNER = '=== SIS Kernel Shell ===';
const count = (text: string, part: string): number => text.split(part).length - 1;

/** The console as `sis --seed 1` wires it: the model behind the reconnecting console port, line control and the run-time log. */
async function mountConsole() {
  const opened = await openTarget({
    target: { kind: 'model', seed: 1n, speed: 'max' },
    reconnect: false,
    enter: 'cr',
    incomingCr: 'keep',
    defaultSpeed: 'max',
  });
  if (!opened.ok) throw new Error(opened.message);
  const { port } = opened.connection;
  let scrolled = '';
  const scrollback = new (class extends Scrollback {
    override setWriter(writer: ((text: string) => void) | undefined): void {
      super.setWriter(writer && ((text) => (scrolled += screenText(text))));
    }
  })({ flushMs: 1 });
  const { engine, feed, attachCards, dispose } = createConsoleEngine({ port, scrollback, size: () => ({ columns: 100, rows: 30 }), liveIntervalMs: 0 });
  attachCards(createCardWriter({ scrollback, width: () => 100 }));
  const state = new LineState({ port, breakMs: 30, pollMs: 20 });
  const log = new RuntimeLog({ port });
  const connected = { kind: 'connected' as const };
  const link = { get: () => connected, subscribe: () => () => {} };
  const ui = render(
    <App engine={engine} scrollback={scrollback} feed={feed} info={{ transport: 'virtual' }} link={link}
      history={createHistoryList()} line={{ state, log }} />,
  );
  cleanup.push(() => ui.unmount(), dispose, () => state.dispose(), () => log.close(), () => opened.connection.close());
  await engine.open();
  const frame = (): string => ui.lastFrame() ?? '';
  const statusLine = (): string => frame().split('\n').at(-1)!;
  await waitFor(() => frame().includes('sis>') && scrollback.tail === 'sis> ' && engine.view.mode === 'line');
  const menu = async (key: string): Promise<void> => {
    ui.stdin.write('\x14');
    expect(await waitFor(() => frame().includes('Ctrl-T: q quit'))).toBe(true);
    await effects();
    ui.stdin.write(key);
    if (!(await waitFor(() => !frame().includes('Ctrl-T: q quit'), 3000))) throw new Error(JSON.stringify(frame()));
  };
  /** Types a line and waits for the prompt after its answer. */
  const command = async (line: string, answer: string): Promise<void> => {
    await effects();
    const before = scrolled.length;
    ui.stdin.write(`${line}\r`);
    expect(await waitFor(() => scrolled.slice(before).includes(answer) && engine.view.running === null && engine.view.queued.length === 0)).toBe(true);
  };
  return { ui, port, log, scrollback, frame, statusLine, menu, command, scrolled: () => scrolled };
}

describe('line control from the console (Ctrl-T b d r o)', () => {
  test('Ctrl-T b: a BREAK reboots the model (a second boot banner) and the console carries on', async () => {
    const c = await mountConsole();
    expect(await waitFor(() => count(c.scrolled(), BANNER) === 1)).toBe(true);
    await c.menu('b');
    expect(await waitFor(() => c.scrolled().includes('sis: BREAK sent (30 ms)'))).toBe(true);
    expect(await waitFor(() => count(c.scrolled(), BANNER) === 2)).toBe(true);
    await c.command('autoctl status', 'Mode: ENABLED');
  });

  test('Ctrl-T d holds the board in reset (DTR off, CTS/DSR drop) and boots it again; Ctrl-T r toggles RTS', async () => {
    const c = await mountConsole();
    expect(await waitFor(() => /^\* virtual connected \| line mode \| (autonomy ON \| )?CTS\+ DSR\+ DCD\+ RI- \| RX [\d.k]+ TX 0( \||$)/.test(c.statusLine()))).toBe(true);
    await c.menu('d');
    expect(await waitFor(() => c.scrolled().includes('sis: DTR off'))).toBe(true);
    expect(lineControlOf(c.port).controlLines).toEqual({ dtr: false, rts: true });
    expect(await waitFor(() => /^\* virtual connected \| line mode \| DTR off \| (autonomy ON \| )?CTS- DSR- DCD\+ RI- \| RX /.test(c.statusLine()))).toBe(true);
    await c.menu('d');
    expect(await waitFor(() => c.scrolled().includes('sis: DTR on'))).toBe(true);
    expect(await waitFor(() => count(c.scrolled(), BANNER) === 2)).toBe(true);
    expect(await waitFor(() => /\| (autonomy ON \| )?CTS\+ DSR\+ DCD\+ RI- \|/.test(c.statusLine()) && !c.statusLine().includes('DTR off'))).toBe(true);
    await c.menu('r');
    expect(await waitFor(() => c.scrolled().includes('sis: RTS off'))).toBe(true);
    expect(lineControlOf(c.port).controlLines).toEqual({ dtr: true, rts: false });
    expect(await waitFor(() => c.statusLine().startsWith('* virtual connected | line mode | RTS off | '))).toBe(true);
    // RTS is not wired to the board's reset: no reboot.
    expect(count(c.scrolled(), BANNER)).toBe(2);
  });

  test('Ctrl-T o: the form applies 9600 7E1 through the line-control API; the status line shows it; bad input is refused, Esc cancels', async () => {
    const c = await mountConsole();
    await c.menu('o');
    expect(await waitFor(() => c.frame().includes('Line: baud 115200_  data bits 8  parity none  stop bits 1  flow none'))).toBe(true);
    await effects();
    c.ui.stdin.write('\x15');
    c.ui.stdin.write('9600');
    c.ui.stdin.write('\t');
    c.ui.stdin.write('7');
    c.ui.stdin.write('\t');
    c.ui.stdin.write('e');
    expect(await waitFor(() => c.frame().includes('Line: baud 9600  data bits 7  parity even  stop bits 1  flow none'))).toBe(true);
    await effects();
    c.ui.stdin.write('\r');
    expect(await waitFor(() => c.scrolled().includes('sis: line now 9600 7E1 flow none'))).toBe(true);
    expect(lineControlOf(c.port).settings).toEqual({ baudRate: 9600, dataBits: 7, parity: 'even' });
    expect(await waitFor(() => c.statusLine().startsWith('* virtual connected | line mode | 9600 7E1 | '))).toBe(true);
    // The model keeps running on the re-paced line: no reboot.
    await c.command('metricsctl status', '[METRICSCTL] capture: ON');
    expect(count(c.scrolled(), BANNER)).toBe(1);

    await c.menu('o');
    expect(await waitFor(() => c.frame().includes('Line: baud 9600_  data bits 7  parity even'))).toBe(true);
    await effects();
    c.ui.stdin.write('\x15fast\r');
    expect(await waitFor(() => c.frame().includes("invalid baud rate 'fast' (expected an integer 1..16000000)"))).toBe(true);
    c.ui.stdin.write('\x1b');
    expect(await waitFor(() => !c.frame().includes('Line:') && c.statusLine().includes('9600 7E1'))).toBe(true);
    expect(lineControlOf(c.port).settings).toEqual({ baudRate: 9600, dataBits: 7, parity: 'even' });
  });
});

describe('logging and timestamps from the console (Ctrl-T l t)', () => {
  test('Ctrl-T l asks for a file (timestamped default), logs with the chosen timestamps, and stops on the second Ctrl-T l', async () => {
    const c = await mountConsole();
    await c.menu('l');
    expect(await waitFor(() => /Log to: file sis-\d{8}-\d{6}\.log_  timestamps none  strip ANSI no  append no/.test(c.frame()))).toBe(true);
    await effects();
    const path = join(dir, 'session.log');
    c.ui.stdin.write(`\x15${path}`);
    c.ui.stdin.write('\t');
    c.ui.stdin.write('r');
    expect(await waitFor(() => c.frame().includes(`Log to: file ${path}  timestamps relative`))).toBe(true);
    await effects();
    c.ui.stdin.write('\r');
    expect(await waitFor(() => c.scrolled().includes(`sis: logging to ${path} (timestamps relative)`))).toBe(true);
    expect(await waitFor(() => c.statusLine().startsWith(`* virtual connected | line mode | log ${path} | `))).toBe(true);
    await c.command('metricsctl status', '[METRICSCTL] capture: ON\n');
    await c.menu('l');
    expect(await waitFor(() => /sis: log .*session\.log closed \(\d+ bytes\)/.test(c.scrolled()))).toBe(true);
    expect(c.statusLine()).not.toContain('log ');
    await c.command('autoctl status', 'Mode: ENABLED');
    const logged = readFileSync(path, 'latin1');
    expect(logged).toMatch(/^\[\+\d+\.\d{3}s\] metricsctl status\r\n\[\+\d+\.\d{3}s\] \[METRICSCTL\] capture: ON\n/);
    expect(logged).not.toContain('autoctl status');
  });

  test('Ctrl-T l to a file that fails: the status line shows the write error', async () => {
    const c = await mountConsole();
    await c.menu('l');
    expect(await waitFor(() => c.frame().includes('Log to: file sis-'))).toBe(true);
    await effects();
    c.ui.stdin.write('\x15/dev/full\r');
    expect(await waitFor(() => c.scrolled().includes('sis: logging to /dev/full'))).toBe(true);
    await c.command('help', 'metricsctl - METRIC line output');
    expect(await waitFor(() => c.statusLine().startsWith('* virtual connected | log file /dev/full: no space left on device | line mode'))).toBe(true);
    expect(c.scrolled()).toContain('sis: log file /dev/full: no space left on device');
    expect(c.log.failure?.message).toBe('log file /dev/full: no space left on device');
  });

  test('Ctrl-T l refuses a file it cannot open and stays open for another name', async () => {
    const c = await mountConsole();
    await c.menu('l');
    expect(await waitFor(() => c.frame().includes('Log to: file sis-'))).toBe(true);
    await effects();
    const bad = join(dir, 'no', 'x.log');
    c.ui.stdin.write(`\x15${bad}\r`);
    const refusal = `cannot open log file ${bad}: directory ${join(dir, 'no')} does not exist`;
    // The frame wraps the long line at the terminal's width.
    expect(await waitFor(() => c.frame().replace(/\s+/g, ' ').includes(refusal))).toBe(true);
    c.ui.stdin.write('\x1b');
    expect(await waitFor(() => !c.frame().includes('Log to:'))).toBe(true);
    expect(c.log.active).toBe(false);
  });

  test('Ctrl-T t cycles the on-screen timestamps: iso, relative, delta, off', async () => {
    const c = await mountConsole();
    const formats: Array<[string, RegExp]> = [
      ['iso', /\n\[\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\] \[METRICSCTL\] capture: ON\n/],
      ['relative', /\n\[\+\d+\.\d{3}s\] \[METRICSCTL\] capture: ON\n/],
      ['delta', /\n\[\+\d+\.\d{3}s\] \[METRICSCTL\] capture: ON\n/],
    ];
    for (const [mode, stamped] of formats) {
      await c.menu('t');
      expect(c.scrollback.settings.timestamps).toBe(mode);
      const before = c.scrolled().length;
      await c.command('metricsctl status', '[METRICSCTL] capture: ON\n');
      expect(await waitFor(() => stamped.test(c.scrolled().slice(before)))).toBe(true);
    }
    await c.menu('t');
    expect(c.scrollback.settings.timestamps).toBe('off');
    const before = c.scrolled().length;
    await c.command('metricsctl status', '[METRICSCTL] capture: ON\n');
    expect(c.scrolled().slice(before)).toContain('\n[METRICSCTL] capture: ON\n');
    expect(c.scrolled().slice(before)).not.toMatch(/\[\+?\d/);
  });
});

describe('a console without line control', () => {
  test('Ctrl-T b says it is not available, and the console goes on', async () => {
    const far = new FakePort('tcp:far');
    let scrolled = '';
    const scrollback = new (class extends Scrollback {
      override setWriter(writer: ((text: string) => void) | undefined): void {
        super.setWriter(writer && ((text) => (scrolled += screenText(text))));
      }
    })({ flushMs: 1 });
    const { engine, feed, dispose } = createConsoleEngine({ port: far, scrollback, size: () => ({ columns: 100, rows: 30 }) });
    const connected = { kind: 'connected' as const };
    const link = { get: () => connected, subscribe: () => () => {} };
    const ui = render(<App engine={engine} scrollback={scrollback} feed={feed} info={{ transport: 'tcp:far' }} link={link} />);
    cleanup.push(() => ui.unmount(), dispose);
    await engine.open();
    far.send('/ # ');
    expect(await waitFor(() => (ui.lastFrame() ?? '').includes('keys raw'))).toBe(true);
    await effects();
    ui.stdin.write('\x14');
    expect(await waitFor(() => (ui.lastFrame() ?? '').includes('Ctrl-T: q quit'))).toBe(true);
    await effects();
    ui.stdin.write('b');
    expect(await waitFor(() => scrolled.includes('sis: line control and logging are not available in this console'))).toBe(true);
    // Neither Ctrl-T nor the b reached the target (the engine's own wake-up bytes may have).
    expect(far.written.join('')).not.toMatch(/[\x14b]/);
  });
});
