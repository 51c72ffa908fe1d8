import { afterEach, describe, expect, test } from '@jest/globals';
import { render } from 'ink-testing-library';
import { createModelTarget } from '../../../shell/connect/model-target.js';
import { App } from '../../../shell/tui/app.js';
import { createConsoleEngine } from '../../../shell/tui/console-engine.js';
import { createCardWriter } from '../../../shell/tui/result-cards.js';
import { createHistoryList } from '../../../shell/tui/input/index.js';
import { Scrollback } from '../../../shell/tui/scrollback.js';
import { waitFor } from '../../helpers/wait.js';
import { FakePort } from '../connect/fake-port.js';
import { screenText } from './screen-text.js';

let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0)) await step();
});

/** The console on the embedded model, with what it scrolls collected as text. */
async function mountConsole() {
  const target = createModelTarget({ seed: 1n, speed: 'max' });
  let scrolled = '';
  // The app hands the scrollback Ink's writer when it mounts; here every write is collected instead.
  const scrollback = new (class extends Scrollback {
    override setWriter(writer: ((text: string) => void) | undefined): void {
      super.setWriter(writer && ((text) => (scrolled += screenText(text))));
    }
  })({ flushMs: 1 });
  const { engine, feed, attachCards, dispose } = createConsoleEngine({
    port: target.port,
    scrollback,
    size: () => ({ columns: 100, rows: 30 }),
    liveIntervalMs: 0,
  });
  attachCards(createCardWriter({ scrollback, width: () => 100 }));
  const connected = { kind: 'connected' as const };
  const link = { get: () => connected, subscribe: () => () => {} };
  const ui = render(
    <App engine={engine} scrollback={scrollback} feed={feed} info={{ transport: 'virtual' }} link={link} history={createHistoryList()} />,
  );
  cleanup.push(() => ui.unmount(), dispose, () => target.port.close());
  await engine.open();
  await waitFor(() => (ui.lastFrame() ?? '').includes('sis>') && scrollback.tail === 'sis> ' && engine.view.mode === 'line');
  return { ui, engine, scrolled: () => scrolled };
}

const firstLine = (frame: string | undefined): string => (frame ?? '').split('\n')[0]!;

describe('the sis> console (Ink)', () => {
  test('shows the prompt served by the kernel model and the status line', async () => {
    const { ui, scrolled } = await mountConsole();
    expect(await waitFor(() => firstLine(ui.lastFrame()) === 'sis>' && (ui.lastFrame() ?? '').includes('* virtual connected'))).toBe(true);
    // The banner reaches the scrollback writer on the scrollback's next flush, not with the frame.
    expect(await waitFor(() => scrolled().includes('=== SIS Kernel Shell ===\n'))).toBe(true);
  });

  test('typing help then Enter shows the kernel echo and its answer', async () => {
    const { ui, scrolled } = await mountConsole();
    ui.stdin.write('help');
    await waitFor(() => firstLine(ui.lastFrame()).startsWith('sis> help'));
    ui.stdin.write('\r');
    expect(await waitFor(() => scrolled().includes('  metricsctl - METRIC line output: on|off|status\n'))).toBe(true);
    expect(scrolled()).toContain('sis> help\nAvailable commands:\n');
    expect(await waitFor(() => firstLine(ui.lastFrame()) === 'sis>')).toBe(true);
  });

  test('pasted lines are sent one at a time, each after the prompt returns', async () => {
    const { ui, scrolled } = await mountConsole();
    ui.stdin.write('metricsctl off\rmetricsctl status\r');
    expect(await waitFor(() => scrolled().includes('[METRICSCTL] capture: OFF\n'))).toBe(true);
    expect(scrolled()).toContain(
      'sis> metricsctl off\n[METRICSCTL] capture disabled\nsis> metricsctl status\n[METRICSCTL] capture: OFF\n',
    );
  });

  test('keys typed right after a menu key, before the menu has closed, reach the input line', async () => {
    const { ui, scrolled } = await mountConsole();
    ui.stdin.write('\x14');
    expect(await waitFor(() => (ui.lastFrame() ?? '').includes('Ctrl-T:'))).toBe(true);
    // Ctrl-T t turns timestamps on; the line that follows comes in the same turn, before any frame.
    ui.stdin.write('t');
    ui.stdin.write('m');
    ui.stdin.write('etricsctl status');
    ui.stdin.write('\r');
    expect(await waitFor(() => /\] \[METRICSCTL\] capture: ON\n/.test(scrolled()))).toBe(true);
    expect(scrolled()).toMatch(/\] sis> metricsctl status\n/);
    expect(scrolled()).not.toContain('Unknown command');
  });

  test('a key typed as the frame that closes the menu is drawn, before the line editor listens again, reaches the input line', async () => {
    const { ui, scrolled } = await mountConsole();
    ui.stdin.write('\x14');
    expect(await waitFor(() => (ui.lastFrame() ?? '').includes('Ctrl-T:'))).toBe(true);
    // Ink writes a frame when React commits it; the effects that move key listeners run after.
    const write = ui.stdout.write.bind(ui.stdout);
    let typed = false;
    ui.stdout.write = (frame: string) => {
      write(frame);
      if (!typed && !frame.includes('Ctrl-T:')) {
        typed = true;
        ui.stdin.write('m');
      }
      return true;
    };
    ui.stdin.write('t');
    expect(await waitFor(() => typed)).toBe(true);
    ui.stdin.write('etricsctl status\r');
    expect(await waitFor(() => /\] \[METRICSCTL\] capture: ON\n/.test(scrolled()))).toBe(true);
    expect(scrolled()).not.toContain('Unknown command');
  });

  test('Ctrl-C at an idle prompt clears the typed line without sending it', async () => {
    const { ui, scrolled } = await mountConsole();
    ui.stdin.write('autoctl');
    await waitFor(() => firstLine(ui.lastFrame()).startsWith('sis> autoctl'));
    ui.stdin.write('\x03');
    expect(await waitFor(() => firstLine(ui.lastFrame()) === 'sis>')).toBe(true);
    expect(scrolled()).not.toContain('sis> autoctl');
  });

  test('a finished test gets a result card after the kernel summary', async () => {
    const { ui, scrolled } = await mountConsole();
    ui.stdin.write('stresstest chaos --duration 500 --seed 4 --fail-rate 20\r');
    expect(await waitFor(() => scrolled().includes('╭'))).toBe(true);
    const text = scrolled();
    expect(text.indexOf('  Status: ')).toBeLessThan(text.lastIndexOf('╭'));
    expect(text).toMatch(/│ (PASS|PARTIAL PASS|FAIL) +Chaos Engineering Stress Test \(Enhanced\)/);
  });
});

describe('the console on targets and queues', () => {
  test("queued commands: each test's card sits under its own output, before the next command's echo", async () => {
    const { ui, scrolled } = await mountConsole();
    ui.stdin.write('stresstest chaos --duration 500 --seed 4\rhelp\r');
    expect(await waitFor(() => scrolled().includes('  metricsctl - METRIC line output'))).toBe(true);
    const text = scrolled();
    expect(text.lastIndexOf('╭')).toBeGreaterThan(text.indexOf('  Status: '));
    expect(text.lastIndexOf('╭')).toBeLessThan(text.indexOf('sis> help'));
  });

  test('a target with no SIS prompt: keys go through raw (Tab, Esc, Ctrl-C, Ctrl-D, UTF-8), its UTF-8 is shown decoded', async () => {
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
    far.send(Buffer.from('Grüße ✓\r\n/ # ', 'utf8').toString('latin1'));
    expect(await waitFor(() => scrolled.includes('Grüße ✓\n') && (ui.lastFrame() ?? '').includes('keys raw'))).toBe(true);
    const before = far.written.join('');
    for (const key of ['\t', '\x1b', '\x03', '\x04', 'é']) {
      ui.stdin.write(key);
      await waitFor(() => far.written.join('').length > before.length);
    }
    expect(await waitFor(() => far.written.join('').endsWith(Buffer.from('é', 'utf8').toString('latin1')))).toBe(true);
    expect(far.written.join('').slice(before.length)).toBe(`\t\x1b\x03\x04${Buffer.from('é', 'utf8').toString('latin1')}`);
  });
});
