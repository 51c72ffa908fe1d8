import { afterEach, describe, expect, test } from '@jest/globals';
import { createReconnectingPort, lineFailure, unsupportedLineControl, type LineControl } from '../../../uart/index.js';
import { createConsolePort } from '../../../shell/connect/index.js';
import { createModelTarget } from '../../../shell/connect/model-target.js';
import { LineState } from '../../../shell/tui/line-state.js';
import { waitFor } from '../../helpers/wait.js';
import { FakePort } from '../connect/fake-port.js';

let states: LineState[] = [];
afterEach(() => {
  for (const state of states.splice(0)) state.dispose();
});

const track = (state: LineState): LineState => {
  states.push(state);
  return state;
};

describe('the line as the status line shows it', () => {
  test('a port that cannot report modem lines is asked once; byte counts follow the traffic', async () => {
    const far = new FakePort('far');
    let asked = 0;
    const none = unsupportedLineControl('far');
    const lineControl: LineControl = { ...none, getModemLines: () => (asked += 1, Promise.resolve(lineFailure('unsupported', 'far: no modem lines'))) };
    Object.assign(far, { lineControl });
    const port = createConsolePort({ port: createReconnectingPort({ connect: () => far, reconnect: false }) });
    await port.open();
    port.onData(() => {});
    const state = track(new LineState({ port, breakMs: 250, pollMs: 5 }));
    far.send('hello\n');
    port.write(Uint8Array.of(0x0d));
    expect(await waitFor(() => state.get().traffic?.rxBytes === 6 && state.get().traffic?.txBytes === 1)).toBe(true);
    expect(state.get()).toEqual({ control: { dtr: true, rts: true }, traffic: { rxBytes: 6, txBytes: 1 } });
    expect(asked).toBe(1);
    expect(await state.sendBreak()).toEqual({ ok: false, message: 'far: BREAK not supported (a plain byte stream)' });
  });

  test('the model reports CTS/DSR while it runs; DTR off holds it in reset and is shown', async () => {
    const target = createModelTarget({ seed: 1n, speed: 'max' });
    await target.port.open();
    const state = track(new LineState({ port: target.port, breakMs: 10, pollMs: 1000 }));
    expect(await waitFor(() => state.get().modem !== undefined)).toBe(true);
    expect(state.get()).toEqual({ control: { dtr: true, rts: true }, modem: { cts: true, dsr: true, dcd: true, ri: false } });
    const seen: number[] = [];
    state.subscribe(() => seen.push(1));
    expect(await state.toggleDtr()).toEqual({ ok: true, message: 'DTR off' });
    // Refreshed at once after the action, not at the next poll.
    expect(state.get()).toEqual({ control: { dtr: false, rts: true }, modem: { cts: false, dsr: false, dcd: true, ri: false } });
    expect(seen.length).toBe(1);
    expect(await state.changeSettings({ baudRate: 9600 })).toEqual({ ok: true, message: 'line now 9600 8N1 flow none' });
    expect(state.get().settings).toEqual({ baudRate: 9600 });
    expect(await state.sendBreak()).toEqual({ ok: true, message: 'BREAK sent (10 ms)' });
    await target.port.close();
  });
});
