import { afterEach, describe, expect, test } from '@jest/globals';
import { render } from 'ink-testing-library';
import { ConsoleSession } from '../../shell/console-session.js';
import { createModelTarget } from '../../shell/model-target.js';
import { App } from '../../shell/tui/app.js';
import { waitFor } from '../helpers/wait.js';

let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0)) await step();
});

async function mountConsole() {
  const target = createModelTarget({ seed: 1n, speed: 'max' });
  let scrolled = '';
  const session = new ConsoleSession({ port: target.port, writeLines: (text) => (scrolled += text) });
  const ui = render(
    <App session={session} description="virtual" takeBacklog={() => ''} setWriter={() => {}} />,
  );
  cleanup.push(() => ui.unmount(), () => target.port.close());
  await session.open();
  await waitFor(() => (ui.lastFrame() ?? '').includes('sis>'));
  return { ui, session, scrolled: () => scrolled };
}

describe('the sis> console (Ink)', () => {
  test('shows the prompt served by the kernel model', async () => {
    const { ui, scrolled } = await mountConsole();
    expect(ui.lastFrame()?.split('\n')[0]).toBe('sis>');
    expect(scrolled()).toContain('=== SIS Kernel Shell ===\n');
  });

  test('typing help then Enter shows the kernel echo and its answer', async () => {
    const { ui, scrolled } = await mountConsole();
    ui.stdin.write('help');
    await waitFor(() => (ui.lastFrame() ?? '').includes('sis> help'));
    ui.stdin.write('\r');
    expect(await waitFor(() => scrolled().includes('  metricsctl - METRIC line output: on|off|status\n'))).toBe(true);
    expect(scrolled()).toContain('sis> help\nAvailable commands:\n');
    expect(ui.lastFrame()?.split('\n')[0]).toBe('sis>');
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
    await waitFor(() => (ui.lastFrame() ?? '').includes('sis> autoctl'));
    ui.stdin.write('\x03');
    await waitFor(() => !(ui.lastFrame() ?? '').includes('autoctl'));
    expect(ui.lastFrame()?.split('\n')[0]).toBe('sis>');
    expect(scrolled()).not.toContain('sis> autoctl');
  });
});
