import { afterEach, describe, expect, test } from '@jest/globals';
import { render } from 'ink-testing-library';
import { App } from '../../../shell/tui/app.js';
import { createConsoleEngine } from '../../../shell/tui/console-engine.js';
import { FrameGate } from '../../../shell/tui/frame-gate.js';
import { createHistoryList } from '../../../shell/tui/input/index.js';
import { Scrollback } from '../../../shell/tui/scrollback.js';
import { waitFor } from '../../helpers/wait.js';
import { createManualClock } from '../../../uart/index.js';
import { FakePort } from '../connect/fake-port.js';

let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0)) await step();
});

describe('the console during a flood', () => {
  test("the target's unfinished line is drawn at once while it does not flood, and at the gate's next frame while it does", async () => {
    const far = new FakePort('tcp:far');
    const scrollback = new Scrollback({ flushMs: 1 });
    const { engine, feed, dispose } = createConsoleEngine({ port: far, scrollback, size: () => ({ columns: 100, rows: 30 }), liveIntervalMs: 0 });
    const clock = createManualClock();
    let flooding = false;
    const pace = new FrameGate({ clock, minIntervalMs: 100, flooding: () => flooding });
    const connected = { kind: 'connected' as const };
    const link = { get: () => connected, subscribe: () => () => {} };
    const ui = render(
      <App engine={engine} scrollback={scrollback} feed={feed} info={{ transport: 'tcp:far' }} link={link} history={createHistoryList()} pace={pace} />,
    );
    cleanup.push(() => ui.unmount(), dispose, () => pace.dispose());
    await engine.open();
    const frame = (): string => ui.lastFrame() ?? '';
    let announced = 0;
    scrollback.subscribe(() => (announced += 1));

    far.send('login: ');
    expect(await waitFor(() => frame().split('\n')[0] === 'login:')).toBe(true);

    flooding = true;
    const before = announced;
    far.send('x');
    // The scrollback has announced the new line; the gate holds it until its interval ends. Without
    // the gate React would have drawn it within these turns of the event loop.
    expect(await waitFor(() => announced > before)).toBe(true);
    for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(frame().split('\n')[0]).toBe('login:');
    clock.advance(100);
    expect(await waitFor(() => frame().split('\n')[0] === 'login: x')).toBe(true);
  });

  test("a cut unfinished line shows '…' and its end", async () => {
    const far = new FakePort('tcp:far');
    const scrollback = new Scrollback({ flushMs: 1 });
    const { engine, feed, dispose } = createConsoleEngine({ port: far, scrollback, size: () => ({ columns: 100, rows: 30 }), liveIntervalMs: 0 });
    const connected = { kind: 'connected' as const };
    const link = { get: () => connected, subscribe: () => () => {} };
    const ui = render(<App engine={engine} scrollback={scrollback} feed={feed} info={{ transport: 'tcp:far' }} link={link} history={createHistoryList()} />);
    cleanup.push(() => ui.unmount(), dispose);
    await engine.open();
    far.send(`${'z'.repeat(30)}0123456789${'A'.repeat(60)}`);
    // Half the width (50 columns): the ellipsis and the last 49 characters.
    expect(await waitFor(() => (ui.lastFrame() ?? '').split('\n')[0] === `…${'A'.repeat(49)}`)).toBe(true);
  });
});
