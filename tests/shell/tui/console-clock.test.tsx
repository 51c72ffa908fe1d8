import { afterEach, describe, expect, test } from '@jest/globals';
import { Text } from 'ink';
import { render } from 'ink-testing-library';
import { createManualClock, createReconnectingPort, lineOk, unsupportedLineControl, type LineControl } from '../../../uart/index.js';
import { createConsolePort, defaultConversation } from '../../../shell/connect/index.js';
import { startModelBoard } from '../../../shell/connect/model-board.js';
import { ClockContext } from '../../../shell/tui/clock-context.js';
import { createConsoleEngine } from '../../../shell/tui/console-engine.js';
import { LineState } from '../../../shell/tui/line-state.js';
import { Scrollback } from '../../../shell/tui/scrollback.js';
import { useClock } from '../../../shell/tui/use-clock.js';
import { waitFor } from '../../helpers/wait.js';
import { FakePort } from '../connect/fake-port.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** Lets promise callbacks (a port's open, a delay's resolve) run; no time passes on the manual clock. */
const settle = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe('timers that could not be injected run on the console\'s clock', () => {
  test('the console engine\'s wake Enter goes out when the clock reaches it, not on the wall clock', async () => {
    const clock = createManualClock();
    const far = new FakePort('far');
    const port = createReconnectingPort({ connect: () => far, reconnect: false, clock });
    const conversation = defaultConversation();
    const { engine, dispose } = createConsoleEngine({
      port,
      scrollback: new Scrollback({ clock }),
      size: () => ({ columns: 80, rows: 24 }),
      conversation,
      clock,
    });
    cleanups.push(dispose);
    await engine.open();
    await settle();
    const { settleMs } = conversation.timing;
    clock.advance(settleMs - 1);
    expect(far.written).toEqual([]);
    clock.advance(1);
    expect(far.written).toEqual(['\r']);
  });

  test('the status line\'s modem-line poll runs every pollMs of the clock', async () => {
    const clock = createManualClock();
    const far = new FakePort('far');
    let asked = 0;
    const lineControl: LineControl = {
      ...unsupportedLineControl('far'),
      getModemLines: () => ((asked += 1), Promise.resolve(lineOk({ cts: true, dsr: true, dcd: true, ri: false }))),
    };
    Object.assign(far, { lineControl });
    const port = createConsolePort({ port: createReconnectingPort({ connect: () => far, reconnect: false, clock }) });
    await port.open();
    const state = new LineState({ port, breakMs: 250, pollMs: 1000, clock });
    cleanups.push(() => state.dispose());
    await settle();
    const first = asked;
    clock.advance(999);
    await settle();
    expect(asked).toBe(first);
    clock.advance(1);
    await settle();
    expect(asked).toBe(first + 1);
    for (let i = 0; i < 3; i++) {
      clock.advance(1000);
      await settle();
    }
    expect(asked).toBe(first + 4);
    state.dispose();
    expect(clock.pending()).toBe(0);
  });

  test('the model board\'s BREAK holds it in reset for its length on the clock', async () => {
    const clock = createManualClock();
    const board = startModelBoard({ seed: 1n, speed: 'max', emit: () => {}, clock });
    cleanups.push(() => board.stop());
    expect(board.boots).toBe(1);
    let done = false;
    const breaking = board.lineControl.sendBreak(250).then(() => (done = true));
    await settle();
    clock.advance(249);
    await settle();
    expect(done).toBe(false);
    expect(board.boots).toBe(1);
    clock.advance(1);
    await settle();
    expect(done).toBe(true);
    expect(board.boots).toBe(2);
    await breaking;
  });

  test('useClock (the compare --runs panel\'s time) reads and ticks the provided clock', async () => {
    const clock = createManualClock({ startMs: 5000 });
    function Now() {
      return <Text>{`t=${useClock(true, 1000)}`}</Text>;
    }
    const app = render(<ClockContext.Provider value={clock}><Now /></ClockContext.Provider>);
    cleanups.push(() => app.unmount());
    expect(await waitFor(() => app.lastFrame() === 't=5000')).toBe(true);
    clock.advance(1000);
    expect(await waitFor(() => app.lastFrame() === 't=6000')).toBe(true);
    clock.advance(2500);
    expect(await waitFor(() => app.lastFrame() === 't=8000')).toBe(true);
    app.unmount();
    expect(clock.pending()).toBe(0);
  });
});
