import { afterAll, afterEach, describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { createConsolePort, type ConsolePort } from '../../../shell/connect/index.js';
import { createModelTarget } from '../../../shell/connect/model-target.js';
import { App } from '../../../shell/tui/app.js';
import { createConsoleEngine } from '../../../shell/tui/console-engine.js';
import { createCardWriter } from '../../../shell/tui/result-cards.js';
import { createHistoryList } from '../../../shell/tui/input/index.js';
import { parseMacros, type Macro } from '../../../shell/tui/macros.js';
import { Scrollback } from '../../../shell/tui/scrollback.js';
import type { TerminalOptions } from '../../../shell/tui/use-terminal-features.js';
import { createReconnectingPort, type BytePort } from '../../../uart/index.js';
import { describeWithTools, requireTool } from '../../helpers/tools.js';
import { waitFor } from '../../helpers/wait.js';
import { FakePort } from '../connect/fake-port.js';
import { screenText } from './screen-text.js';

const dir = mkdtempSync(join(tmpdir(), 'sis-terminal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0)) await step();
});

const text = (chunks: readonly string[]): string => chunks.join('');
/**
 * Ink subscribes key handlers in passive effects, which React runs on a later turn of the event
 * loop than the frame that shows the change: a key written before then would reach the old handler.
 */
const effectsRun = async (): Promise<void> => {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
};
const macros = (file: string): readonly Macro[] => {
  const parsed = parseMacros(file, 'test');
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.macros;
};

/** The console on a console port over `far`, with what it scrolls and what the port delivers collected. */
async function mountConsole(far: BytePort & { quiescent?(): boolean }, options: Omit<TerminalOptions, 'port'> = {}) {
  let scrolled = '';
  const scrollback = new (class extends Scrollback {
    override setWriter(writer: ((text: string) => void) | undefined): void {
      super.setWriter(writer && ((t) => (scrolled += screenText(t))));
    }
  })({ flushMs: 1 });
  const port: ConsolePort = createConsolePort({
    port: createReconnectingPort({ connect: () => far, description: far.description, reconnect: false }),
    ...(far.quiescent && { quiescent: () => far.quiescent!() }),
  });
  let delivered = '';
  port.onData((chunk) => void (delivered += Buffer.from(chunk).toString('latin1')));
  const { engine, feed, attachCards, dispose } = createConsoleEngine({ port, scrollback, size: () => ({ columns: 120, rows: 30 }), liveIntervalMs: 0 });
  attachCards(createCardWriter({ scrollback, width: () => 120 }));
  const connected = { kind: 'connected' as const };
  const link = { get: () => connected, subscribe: () => () => {} };
  const ui = render(
    <App engine={engine} scrollback={scrollback} feed={feed} info={{ transport: far.description }} link={link}
      history={createHistoryList()} terminal={{ port, ...options }} />,
  );
  cleanup.push(() => ui.unmount(), dispose, () => port.close());
  await engine.open();
  const frame = (): string => ui.lastFrame() ?? '';
  /** Ctrl-T, then `key` once the menu shows. */
  const menu = async (key: string): Promise<void> => {
    ui.stdin.write('\x14');
    expect(await waitFor(() => frame().includes('Ctrl-T: q quit'))).toBe(true);
    await effectsRun();
    ui.stdin.write(key);
    expect(await waitFor(() => !frame().includes('Ctrl-T: q quit'))).toBe(true);
    await effectsRun();
  };
  return { ui, engine, port, frame, menu, scrolled: () => scrolled, delivered: () => delivered };
}

/** A far end that shows `sis> ` and does not echo: the test plays it. */
async function fakeTarget(options: Omit<TerminalOptions, 'port'> = {}) {
  const far = new FakePort('tcp:far');
  const mounted = await mountConsole(far, options);
  far.send('sis> ');
  expect(await waitFor(() => mounted.engine.view.mode === 'line' && mounted.engine.view.atPrompt)).toBe(true);
  return { ...mounted, far };
}

describe('Ctrl-T e: local echo', () => {
  test('on, each line sent shows before the echo of a target that echoes; off again, once', async () => {
    const target = createModelTarget({ seed: 1n, speed: 'max' });
    const c = await mountConsole(target.port);
    expect(await waitFor(() => c.engine.view.atPrompt && c.frame().includes('sis>'))).toBe(true);
    await c.menu('e');
    expect(await waitFor(() => c.scrolled().includes('sis: local echo on') && c.frame().includes('| echo |'))).toBe(true);
    c.ui.stdin.write('autoctl status\r');
    expect(await waitFor(() => c.scrolled().includes('sis> autoctl status\nautoctl status\n'))).toBe(true);
    expect(await waitFor(() => c.engine.view.atPrompt)).toBe(true);
    await c.menu('e');
    expect(await waitFor(() => c.scrolled().includes('sis: local echo off'))).toBe(true);
    c.ui.stdin.write('metricsctl status\r');
    expect(await waitFor(() => c.scrolled().includes('[METRICSCTL] capture:'))).toBe(true);
    expect(c.scrolled()).toContain('sis> metricsctl status\n[METRICSCTL]');
  });

  test('--echo: raw keys to a silent target are shown as typed', async () => {
    const far = new FakePort('tcp:far');
    const c = await mountConsole(far, { echo: true });
    far.send('login: ');
    // The engine's one wake Enter after connecting goes first; it is not a key, so it is not echoed.
    expect(await waitFor(() => text(far.written) === '\r' && c.frame().includes('keys raw') && c.frame().includes('echo'))).toBe(true);
    c.ui.stdin.write('root\r');
    expect(await waitFor(() => c.scrolled().includes('login: root\n'))).toBe(true);
    expect(text(far.written)).toBe('\rroot\r');
  });
});

describe('Ctrl-T n: the mapping at run time', () => {
  test('OCRNL and ODELBS change what is sent, ICRNL what is received; the status line shows them', async () => {
    const c = await fakeTarget();
    await c.menu('n');
    expect(await waitFor(() => c.frame().includes('map none: toggle i ICRNL'))).toBe(true);
    c.ui.stdin.write('o');
    c.ui.stdin.write('d');
    c.ui.stdin.write('i');
    expect(await waitFor(() => c.frame().includes('map ICRNL,OCRNL,ODELBS: toggle'))).toBe(true);
    c.ui.stdin.write('\r');
    expect(await waitFor(() => c.scrolled().includes('sis: map now ICRNL,OCRNL,ODELBS (was none)'))).toBe(true);
    expect(c.port.mapping).toEqual({ enter: 'lf', incomingCr: 'to-lf', lfToCrlf: false, delToBs: true });
    expect(await waitFor(() => c.frame().includes('map ICRNL,OCRNL,ODELBS'))).toBe(true);
    await effectsRun();
    c.ui.stdin.write('help\r');
    expect(await waitFor(() => text(c.far.written) === 'help\n')).toBe(true);
    const before = c.delivered().length;
    c.far.send('help\r\nok\rsis> ');
    expect(await waitFor(() => c.delivered().length > before)).toBe(true);
    expect(c.delivered().slice(before)).toBe('help\nok\nsis> ');
    // Raw keys: DEL goes as BS.
    c.engine.setForcedMode('raw');
    expect(await waitFor(() => c.frame().includes('keys raw'))).toBe(true);
    c.ui.stdin.write('x\x7f');
    expect(await waitFor(() => text(c.far.written).endsWith('x\x08'))).toBe(true);
    // Esc closes the menu without a change.
    await c.menu('n');
    c.ui.stdin.write('\x1b');
    expect(await waitFor(() => c.scrolled().includes('sis: map unchanged: ICRNL,OCRNL,ODELBS'))).toBe(true);
  });
});

describe('Ctrl-T y: hex send', () => {
  test('bytes go out as typed, past the mapping; bad input is one line and sends nothing', async () => {
    const c = await fakeTarget();
    c.port.setMapping({ ...c.port.mapping, enter: 'crlf' });
    await c.menu('y');
    expect(await waitFor(() => c.frame().includes('hex bytes> _'))).toBe(true);
    c.ui.stdin.write('1b 5b 41 0d ^C');
    expect(await waitFor(() => c.frame().includes('hex bytes> 1b 5b 41 0d ^C_'))).toBe(true);
    c.ui.stdin.write('\r');
    expect(await waitFor(() => c.scrolled().includes('sis: sent 5 bytes: 1b 5b 41 0d 03'))).toBe(true);
    await effectsRun();
    expect(text(c.far.written)).toBe('\x1b[A\r\x03');
    await c.menu('y');
    c.ui.stdin.write('1b zz');
    c.ui.stdin.write('\r');
    expect(await waitFor(() => c.scrolled().includes("sis: hex send: 'zz' is not hex (e.g. 03, 1b 5b 41, 0x1b5b41 or ^C)"))).toBe(true);
    expect(text(c.far.written)).toBe('\x1b[A\r\x03');
    await effectsRun();
    // Back to line mode: the editor has the keys again.
    c.ui.stdin.write('help');
    expect(await waitFor(() => c.frame().startsWith('sis> help'))).toBe(true);
  });
});

describe('Ctrl-T s: send a file', () => {
  test('raw: a path, then r; the bytes arrive unmapped, a progress bar while it runs, one result line', async () => {
    const c = await fakeTarget();
    c.port.setMapping({ ...c.port.mapping, enter: 'lf' });
    const file = join(dir, 'script.txt');
    // 23 040 bytes: two seconds at 115200 8N1, the pace of a port that knows no line settings.
    const content = 'echo one\r\necho two\n'.repeat(1152);
    writeFileSync(file, content, 'latin1');
    await c.menu('s');
    c.ui.stdin.write(file);
    c.ui.stdin.write('\r');
    expect(await waitFor(() => c.frame().includes(`send ${file} (21888 bytes) as: r raw · x xmodem · k xmodem-1k`))).toBe(true);
    c.ui.stdin.write('r');
    expect(await waitFor(() => /sending \S+script\.txt [█▏▎▍▌▋▊▉░]{10,} \d+%  \d+\/21888 bytes  Ctrl-C cancels/.test(c.frame()))).toBe(true);
    // Keys typed meanwhile do not reach the target.
    c.ui.stdin.write('zz');
    expect(await waitFor(() => c.scrolled().includes(`sis: sent ${file} (21888 bytes in `), 20_000)).toBe(true);
    expect(text(c.far.written)).toBe(content);
    expect(await waitFor(() => !c.frame().includes('sending'))).toBe(true);
  });

  test('Ctrl-C cancels, saying how far it got; a file that cannot be read is one line', async () => {
    const c = await fakeTarget();
    const file = join(dir, 'big.bin');
    writeFileSync(file, Buffer.alloc(100_000, 0x55));
    await c.menu('s');
    c.ui.stdin.write(`${file}\r`);
    expect(await waitFor(() => c.frame().includes('big.bin (100000 bytes) as: r raw'))).toBe(true);
    c.ui.stdin.write('\r');
    expect(await waitFor(() => /sending \S+big\.bin [█▏▎▍▌▋▊▉░]{10,} \d+%/.test(c.frame()))).toBe(true);
    c.ui.stdin.write('\x03');
    expect(await waitFor(() => /sis: send: cancelled after \d+ of 100000 bytes/.test(c.scrolled()))).toBe(true);
    await effectsRun();
    const sent = Number(/cancelled after (\d+) of/.exec(c.scrolled())![1]);
    expect(sent).toBeLessThan(100_000);
    expect(text(c.far.written).length).toBe(sent);
    await c.menu('s');
    c.ui.stdin.write('nope.bin\r');
    expect(await waitFor(() => c.scrolled().includes('sis: send: cannot read nope.bin: no such file'))).toBe(true);
  });
});

describeWithTools([requireTool('sx', 'lrzsz')], 'Ctrl-T s by XMODEM (sx from lrzsz)', () => {
  test("the receiver's bytes go to sx, not the screen; its blocks go out unmapped; Ctrl-C ends sx", async () => {
    const c = await fakeTarget();
    c.port.setMapping({ ...c.port.mapping, enter: 'crlf' });
    const file = join(dir, 'fw.bin');
    const content = Buffer.from(Array.from({ length: 2000 }, (_, i) => (i * 13) & 0xff));
    writeFileSync(file, content);
    await c.menu('s');
    c.ui.stdin.write(`${file}\r`);
    expect(await waitFor(() => c.frame().includes('fw.bin (2000 bytes) as: r raw'))).toBe(true);
    c.ui.stdin.write('x');
    expect(await waitFor(() => /sending \S+fw\.bin by xmodem [█▏▎▍▌▋▊▉░]{10,} 0%  0\/2000 bytes/.test(c.frame()))).toBe(true);
    const before = c.scrolled();
    // The receiver asks for CRC mode: sx answers with block 1, SOH 01 FE, 128 bytes of the file, CRC-16.
    c.far.send('C');
    expect(await waitFor(() => text(c.far.written).length >= 133)).toBe(true);
    const block = Buffer.from(text(c.far.written).slice(0, 133), 'latin1');
    expect([...block.subarray(0, 3)]).toEqual([0x01, 0x01, 0xfe]);
    expect(block.subarray(3, 131).equals(content.subarray(0, 128))).toBe(true);
    c.ui.stdin.write('\x03');
    expect(await waitFor(() => /sis: send: cancelled/.test(c.scrolled()))).toBe(true);
    expect(c.scrolled().slice(before.length)).not.toContain('C');
    await effectsRun();
    const sent = text(c.far.written).length;
    c.ui.stdin.write('help\r');
    expect(await waitFor(() => text(c.far.written).length > sent)).toBe(true);
    expect(text(c.far.written).slice(sent)).toBe('help\r\n');
  });
});

describe('Ctrl-T 0-9: macros', () => {
  test("a macro's commands go through the queue: the second only after the first's prompt", async () => {
    const c = await fakeTarget({ macros: macros('1 two: first; second --x 1\n2 other: help\n') });
    await c.menu('1');
    expect(await waitFor(() => c.scrolled().includes('sis: macro 1 (two): 2 commands queued'))).toBe(true);
    expect(await waitFor(() => text(c.far.written) === 'first\r')).toBe(true);
    expect(c.engine.view.queued).toEqual(['second --x 1']);
    // The far end echoes and answers, but shows no prompt yet: the first command is still running.
    c.far.send('first\r\nworking\r\n');
    expect(c.engine.view.running?.line).toBe('first');
    expect(c.engine.view.queued).toEqual(['second --x 1']);
    expect(text(c.far.written)).toBe('first\r');
    c.far.send('sis> ');
    expect(await waitFor(() => text(c.far.written) === 'first\rsecond --x 1\r')).toBe(true);
    await c.menu('5');
    expect(await waitFor(() => c.scrolled().includes('sis: no macro on Ctrl-T 5 (macros on 1 2)'))).toBe(true);
    await c.menu('h');
    expect(await waitFor(() => c.scrolled().includes('Macros (--macros FILE):\n  Ctrl-T 1  two: first; second --x 1\n  Ctrl-T 2  other: help'))).toBe(true);
  });

  test('on the kernel model, as if typed', async () => {
    const target = createModelTarget({ seed: 1n, speed: 'max' });
    const c = await mountConsole(target.port, { macros: macros('3 metrics: metricsctl off; metricsctl status') });
    expect(await waitFor(() => c.engine.view.atPrompt && c.frame().includes('sis>'))).toBe(true);
    await c.menu('3');
    expect(await waitFor(() => c.scrolled().includes('[METRICSCTL] capture: OFF\n'))).toBe(true);
    expect(c.scrolled()).toContain('sis> metricsctl off\n[METRICSCTL] capture disabled\nsis> metricsctl status\n[METRICSCTL] capture: OFF\n');
  });

  test('without --macros a digit says how to get them', async () => {
    const c = await fakeTarget();
    await c.menu('7');
    expect(await waitFor(() => c.scrolled().includes('sis: no macros: give --macros FILE (Ctrl-T 7)'))).toBe(true);
    expect(text(c.far.written)).toBe('');
  });
});
