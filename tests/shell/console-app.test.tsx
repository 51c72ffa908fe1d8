import { afterEach, describe, expect, test } from '@jest/globals';
import { render } from 'ink-testing-library';
import { ConsoleSession } from '../../shell/console-session.js';
import { createModelTarget } from '../../shell/model-target.js';
import { createOutputParser } from '../../shell/parser/index.js';
import { App } from '../../shell/tui/app.js';
import { createHistoryList } from '../../shell/tui/input/index.js';
import { createLiveFeed } from '../../shell/tui/live-state/index.js';
import { Scrollback } from '../../shell/tui/scrollback.js';
import { waitFor } from '../helpers/wait.js';

let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0)) await step();
});

/** The console on the embedded model, with what it scrolls collected as text. */
async function mountConsole() {
  const target = createModelTarget({ seed: 1n, speed: 'max' });
  const session = new ConsoleSession({ port: target.port });
  let scrolled = '';
  // The app hands the scrollback Ink's writer when it mounts; here every write is collected instead.
  const scrollback = new (class extends Scrollback {
    override setWriter(writer: ((text: string) => void) | undefined): void {
      super.setWriter(writer && ((text: string) => (scrolled += text)));
    }
  })({ flushMs: 1 });
  const parser = createOutputParser();
  const feed = createLiveFeed();
  session.onChunk((chunk) => {
    scrollback.push(chunk);
    feed.push(parser.push(chunk));
  });
  const connected = { kind: 'connected' as const };
  const link = { get: () => connected, subscribe: () => () => {} };
  const ui = render(
    <App
      session={session}
      scrollback={scrollback}
      feed={feed}
      info={{ transport: 'virtual' }}
      link={link}
      history={createHistoryList()}
    />,
  );
  cleanup.push(() => ui.unmount(), () => feed.dispose(), () => target.port.close());
  await session.open();
  await waitFor(() => (ui.lastFrame() ?? '').includes('sis>') && scrollback.tail === 'sis> ');
  return { ui, session, scrolled: () => scrolled };
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
