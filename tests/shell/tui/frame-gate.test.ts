import { describe, expect, test } from '@jest/globals';
import { FloodMeter } from '../../../shell/tui/flood-meter.js';
import { FrameGate } from '../../../shell/tui/frame-gate.js';
import { createManualClock } from '../../../uart/index.js';

const fakeClock = () => createManualClock({ startMs: 1000 });

/** A store that announces changes to its subscribers when told. */
function store() {
  const listeners = new Set<() => void>();
  return {
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    change: () => listeners.forEach((listener) => listener()),
    get size() {
      return listeners.size;
    },
  };
}

describe('frame gate', () => {
  test('while the far end does not flood, every change passes at once', () => {
    const clock = fakeClock();
    const gate = new FrameGate({ clock, minIntervalMs: 100, flooding: () => false });
    const tail = store();
    const calls: number[] = [];
    gate.gate(tail.subscribe)(() => calls.push(clock.now()));
    tail.change();
    clock.advance(10);
    tail.change();
    clock.advance(10);
    tail.change();
    expect(calls).toEqual([1000, 1010, 1020]);
    expect(clock.pending()).toBe(0);
  });

  test('during a flood: the first change at once, then the changes of every store together, once per interval', () => {
    const clock = fakeClock();
    const gate = new FrameGate({ clock, minIntervalMs: 100, flooding: () => true });
    const tail = store();
    const feed = store();
    const calls: string[] = [];
    gate.gate(tail.subscribe)(() => calls.push(`tail@${clock.now()}`));
    gate.gate(feed.subscribe)(() => calls.push(`feed@${clock.now()}`));
    tail.change();
    expect(calls).toEqual(['tail@1000']);
    clock.advance(20);
    tail.change();
    clock.advance(20);
    feed.change();
    tail.change();
    expect(calls).toEqual(['tail@1000']);
    expect(clock.pending()).toBe(1);
    clock.advance(60);
    expect(calls).toEqual(['tail@1000', 'tail@1100', 'feed@1100']);
    // Quiet for longer than the interval: the next change is not held.
    clock.advance(150);
    feed.change();
    expect(calls.at(-1)).toBe('feed@1250');
  });

  test('a listener that unsubscribes is not called for a change it was waiting on; dispose drops the timer', () => {
    const clock = fakeClock();
    const gate = new FrameGate({ clock, minIntervalMs: 100, flooding: () => true });
    const tail = store();
    let calls = 0;
    const unsubscribe = gate.gate(tail.subscribe)(() => (calls += 1));
    tail.change();
    tail.change();
    unsubscribe();
    expect(tail.size).toBe(0);
    clock.advance(100);
    expect(calls).toBe(1);
    const feed = store();
    gate.gate(feed.subscribe)(() => (calls += 1));
    feed.change();
    feed.change();
    expect(clock.pending()).toBe(1);
    gate.dispose();
    expect(clock.pending()).toBe(0);
  });
});

describe('flood meter', () => {
  test('floods above the threshold within a window, and stops one quiet window later', () => {
    const clock = fakeClock();
    const meter = new FloodMeter({ clock, thresholdBytes: 1000, windowMs: 100 });
    expect(meter.flooding).toBe(false);
    // Typed keys and their echo: a few bytes now and then.
    for (let i = 0; i < 20; i++) {
      meter.add(3);
      clock.advance(20);
    }
    expect(meter.flooding).toBe(false);
    meter.add(600);
    clock.advance(50);
    meter.add(600);
    expect(meter.flooding).toBe(true);
    // The window after it still counts the last one.
    clock.advance(60);
    expect(meter.flooding).toBe(true);
    clock.advance(100);
    expect(meter.flooding).toBe(false);
  });

  test('a gap longer than two windows forgets what came before', () => {
    const clock = fakeClock();
    const meter = new FloodMeter({ clock, thresholdBytes: 1000, windowMs: 100 });
    meter.add(5000);
    expect(meter.flooding).toBe(true);
    clock.advance(250);
    meter.add(10);
    expect(meter.flooding).toBe(false);
  });
});
