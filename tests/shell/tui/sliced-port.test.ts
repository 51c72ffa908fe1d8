import { describe, expect, test } from '@jest/globals';
import { createManualClock, Listeners, type PortError, type ReconnectState } from '../../../uart/index.js';
import { slicePort, type SliceablePort } from '../../../shell/tui/sliced-port.js';

function fakePort() {
  const data = new Listeners<[Uint8Array]>();
  const states = new Listeners<[ReconnectState]>();
  const closes = new Listeners<[PortError | undefined]>();
  const calls: string[] = [];
  const port: SliceablePort & { onState(l: (s: ReconnectState) => void): () => void } = {
    description: 'fake',
    open: async () => {},
    write: () => {},
    drain: async () => {},
    close: async () => {},
    onData: (l) => data.add(l),
    onClose: (l) => closes.add(l),
    onState: (l) => states.add(l),
    pause: () => void calls.push('pause'),
    resume: () => void calls.push('resume'),
  };
  return { port, data, states, closes, calls };
}

/** Deferred turns run by the test; each piece handed on costs `workMs` of the fake clock. */
function rig(options: { budgetMs: number; pieceBytes: number; highWaterBytes: number; workMs: number }) {
  const far = fakePort();
  const clock = createManualClock();
  const turns: Array<() => void> = [];
  const sliced = slicePort({ port: far.port, ...options, clock, defer: (fn) => void turns.push(fn) });
  const seen: string[] = [];
  sliced.onData((piece) => {
    clock.advance(options.workMs);
    seen.push(`data ${piece.length}`);
  });
  sliced.onState!((state) => seen.push(`state ${state.status}`));
  sliced.onClose(() => seen.push('close'));
  const turn = (): boolean => {
    const next = turns.shift();
    next?.();
    seen.push('|');
    return next !== undefined;
  };
  return { far, sliced, seen, turn, turns };
}

describe('slicePort', () => {
  test('a large chunk is handed on in pieces, a budget of work per turn, state and close after the data before them', () => {
    const { far, seen, turn } = rig({ budgetMs: 8, pieceBytes: 1000, highWaterBytes: 1_000_000, workMs: 3 });
    far.data.emit(new Uint8Array(4500));
    far.states.emit({ status: 'disconnected', reason: null } as unknown as ReconnectState);
    far.closes.emit(undefined);
    expect(seen).toEqual([]);
    while (turn());
    expect(seen).toEqual(['data 1000', 'data 1000', 'data 1000', '|', 'data 1000', 'data 500', 'state disconnected', 'close', '|', '|']);
  });

  test('the far end is paused while more than the high-water mark waits, resumed below a quarter of it', () => {
    const { far, turn } = rig({ budgetMs: 2, pieceBytes: 1000, highWaterBytes: 4000, workMs: 1 });
    far.data.emit(new Uint8Array(3000));
    expect(far.calls).toEqual([]);
    far.data.emit(new Uint8Array(3000));
    expect(far.calls).toEqual(['pause']);
    turn(); // 4000 left
    turn(); // 2000 left
    expect(far.calls).toEqual(['pause']);
    turn(); // 0 left
    expect(far.calls).toEqual(['pause', 'resume']);
  });

  test('an idle embedded model is quiescent only once everything it sent has been handed on', () => {
    const far = fakePort();
    let idle = true;
    const turns: Array<() => void> = [];
    const sliced = slicePort({ port: { ...far.port, quiescent: () => idle }, defer: (fn) => void turns.push(fn) });
    expect(sliced.quiescent!()).toBe(true);
    far.data.emit(new Uint8Array(10));
    expect(sliced.quiescent!()).toBe(false);
    turns.shift()!();
    expect(sliced.quiescent!()).toBe(true);
    idle = false;
    expect(sliced.quiescent!()).toBe(false);
    expect(sliced.description).toBe('fake');
  });
});
