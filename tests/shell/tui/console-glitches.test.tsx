import { afterEach, describe, expect, test } from '@jest/globals';
import { render } from 'ink-testing-library';
import type { EnginePort } from '../../../shell/engine/index.js';
import { historyEntries, type HistoryEntry } from '../../../shell/results/history/index.js';
import { createModelTarget } from '../../../shell/connect/model-target.js';
import { App, type AppProps } from '../../../shell/tui/app.js';
import { MENU_KEYS, menuHelpText } from '../../../shell/tui/console-menu.js';
import { createConsoleEngine } from '../../../shell/tui/console-engine.js';
import { createCardWriter } from '../../../shell/tui/result-cards.js';
import { createHistoryList } from '../../../shell/tui/input/index.js';
import { Scrollback } from '../../../shell/tui/scrollback.js';
import { waitFor } from '../../helpers/wait.js';
import { FakePort } from '../connect/fake-port.js';
import { historyDocument } from './views/history-fixture.js';
import { screenText } from './screen-text.js';

let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0)) await step();
});

interface MountOptions {
  port?: EnginePort & { close(): Promise<void> };
  app?: Partial<AppProps>;
  rows?: number;
}

/** The console on the embedded model (or `port`), with what it scrolls collected as text. */
async function mountConsole(options: MountOptions = {}) {
  const port = options.port ?? createModelTarget({ seed: 1n, speed: 'max' }).port;
  let scrolled = '';
  const scrollback = new (class extends Scrollback {
    override setWriter(writer: ((text: string) => void) | undefined): void {
      super.setWriter(writer && ((text) => (scrolled += screenText(text))));
    }
  })({ flushMs: 1 });
  const { engine, feed, attachCards, dispose } = createConsoleEngine({
    port,
    scrollback,
    size: () => ({ columns: 100, rows: options.rows ?? 30 }),
    liveIntervalMs: 0,
  });
  attachCards(createCardWriter({ scrollback, width: () => 100 }));
  const connected = { kind: 'connected' as const };
  const link = { get: () => connected, subscribe: () => () => {} };
  const ui = render(
    <App
      engine={engine}
      scrollback={scrollback}
      feed={feed}
      info={{ transport: 'virtual' }}
      link={link}
      history={createHistoryList()}
      {...options.app}
    />,
  );
  cleanup.push(() => ui.unmount(), dispose, () => port.close());
  await engine.open();
  return { ui, engine, scrollback, scrolled: () => scrolled };
}

const frame = (ui: { lastFrame(): string | undefined }) => ui.lastFrame() ?? '';
const firstLine = (ui: { lastFrame(): string | undefined }) => frame(ui).split('\n')[0]!;
const statusLine = (ui: { lastFrame(): string | undefined }) => frame(ui).split('\n').at(-1)!;
const menuKey = (action: string) => MENU_KEYS.find(([, a]) => a === action)![0];

async function ready(ui: { lastFrame(): string | undefined }, scrollback: Scrollback): Promise<void> {
  expect(await waitFor(() => firstLine(ui) === 'sis>' && scrollback.tail === 'sis> ')).toBe(true);
}

describe('the status line seed', () => {
  test("the kernel's boot seed until a test runs, then the test's own seed and profile", async () => {
    const { ui, scrollback } = await mountConsole({ app: { info: { transport: 'virtual', seed: '1 profile report' } } });
    await ready(ui, scrollback);
    expect(statusLine(ui)).toContain('| seed 1 profile report (boot) |');
    ui.stdin.write('stresstest memory --duration 300 --seed 42\r');
    expect(await waitFor(() => statusLine(ui).includes('| seed 42 profile report |'))).toBe(true);
    // Still the test's once it has finished and the prompt is back: the seed that reproduces it.
    expect(await waitFor(() => scrollback.tail === 'sis> ' && firstLine(ui) === 'sis>')).toBe(true);
    expect(statusLine(ui)).toContain('| seed 42 profile report |');
  });
});

describe('Ctrl-T and its key in one read', () => {
  test('the key runs its menu action and never reaches the line', async () => {
    const { ui, scrollback, scrolled } = await mountConsole();
    await ready(ui, scrollback);
    ui.stdin.write('auto');
    expect(await waitFor(() => firstLine(ui).startsWith('sis> auto'))).toBe(true);
    ui.stdin.write(`\x14${menuKey('help')}`);
    expect(await waitFor(() => scrolled().includes(menuHelpText()))).toBe(true);
    expect(firstLine(ui)).toBe('sis> auto');
    expect(frame(ui)).not.toContain('Ctrl-T: q quit');
  });
});

describe('the prompt after unsolicited output', () => {
  test('after 25 [TIMER]/[AUTONOMY] lines the input line still shows the prompt, and typing goes after it', async () => {
    const far = new FakePort('tcp:board');
    const { ui, scrollback, scrolled } = await mountConsole({ port: far });
    far.send('=== SIS Kernel Shell ===\r\nsis> ');
    expect(await waitFor(() => firstLine(ui) === 'sis>' && frame(ui).includes('line mode'))).toBe(true);
    const lines = Array.from({ length: 25 }, (_, i) => (i % 2 === 0 ? `[TIMER] Tick ${i} rearmed` : `[AUTONOMY] Starting decision tick at timestamp ${i}`));
    far.send(`${lines.join('\r\n')}\r\n`);
    expect(await waitFor(() => scrolled().includes('[AUTONOMY] Starting decision tick at timestamp 23\n'))).toBe(true);
    expect(await waitFor(() => scrollback.tail === '' && firstLine(ui) === 'sis>')).toBe(true);
    ui.stdin.write('help');
    expect(await waitFor(() => firstLine(ui) === 'sis> help')).toBe(true);
  });
});

describe('compare tables in the scrollback', () => {
  test("a compare's table carries the compactions and latency its halves' cards show", async () => {
    const { ui, scrollback, scrolled } = await mountConsole();
    await ready(ui, scrollback);
    ui.stdin.write('stresstest compare memory --duration 300 --seed 3\r');
    expect(await waitFor(() => scrolled().includes('Comparative results · memory'), 20_000)).toBe(true);
    const table = scrolled().slice(scrolled().indexOf('Comparative results · memory'));
    expect(table).toMatch(/\nCompactions +\d+ +\d+ /);
    expect(table).toMatch(/\nAlloc p99 +[\d.]+(ns|µs) +[\d.]+(ns|µs) /);
    expect(table.indexOf('Alloc p99')).toBeLessThan(table.indexOf('Duration'));
  });
});

describe('past results', () => {
  test('Ctrl-T opens the entries in the frame; Enter keeps the page in the scrollback', async () => {
    const entries: HistoryEntry[] = historyEntries(historyDocument(), 'console', new Date(Date.UTC(2026, 10, 27, 11)));
    const { ui, scrollback, scrolled } = await mountConsole({ app: { pastResults: () => Promise.resolve(entries) } });
    await ready(ui, scrollback);
    ui.stdin.write('\x14');
    expect(await waitFor(() => frame(ui).includes('Ctrl-T:'))).toBe(true);
    ui.stdin.write(menuKey('results'));
    const opened = await waitFor(() => firstLine(ui) === 'Past results · 7 entries');
    if (!opened) console.log(JSON.stringify(frame(ui)));
    expect(opened).toBe(true);
    expect(frame(ui)).toContain('compare memory  -');
    // Keys go to the view while it is open, not into the line.
    ui.stdin.write('x');
    ui.stdin.write('\r');
    expect(await waitFor(() => scrolled().includes('Past results · 7 entries\n'))).toBe(true);
    expect(await waitFor(() => firstLine(ui) === 'sis>')).toBe(true);
  });
});

describe('quitting', () => {
  test('Ctrl-D draws an empty last frame: no status line, menu or panel is left on the screen', async () => {
    const { ui, scrollback } = await mountConsole();
    await ready(ui, scrollback);
    expect(statusLine(ui)).toContain('virtual connected');
    const before = ui.frames.length;
    ui.stdin.write('\x04');
    // Under CI, Ink writes its last frame again once unmounted (for CI logs): the empty frame is the one drawn on quitting.
    expect(await waitFor(() => ui.frames.slice(before).includes(''))).toBe(true);
  });

  test('the closing prop (a signal) does the same', async () => {
    const { ui } = await mountConsole({ app: { closing: true } });
    expect(await waitFor(() => ui.frames.includes(''))).toBe(true);
  });
});
