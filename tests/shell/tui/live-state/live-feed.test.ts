import { describe, expect, test } from '@jest/globals';
import type { ParserEvent } from '../../../../shell/parser/index.js';
import { createLiveFeed, RingBuffer } from '../../../../shell/tui/live-state/index.js';
import { createManualClock } from '../../../../uart/index.js';

const fakeClock = () => createManualClock({ startMs: 1000 });

const pressure = (value: number): ParserEvent => ({ type: 'metric', name: 'stress_pressure_pct', value, raw: `${value}` });

describe('live feed', () => {
  test('publishes the first change at once and coalesces the rest per interval', () => {
    const clock = fakeClock();
    const feed = createLiveFeed({ clock, minIntervalMs: 50 });
    let notified = 0;
    feed.subscribe(() => (notified += 1));
    const initial = feed.getSnapshot();
    expect(initial.version).toBe(0);

    feed.push([pressure(1)]);
    expect(notified).toBe(1);
    const first = feed.getSnapshot();
    expect(first.version).toBe(1);
    expect(first.test!.pressure.series).toEqual([1]);

    for (let i = 2; i <= 500; i++) {
      clock.advance(0.1);
      feed.push([pressure(i % 100)]);
    }
    expect(clock.pending()).toBe(1);
    expect(feed.getSnapshot()).toBe(first);
    clock.advance(1);
    expect(notified).toBe(2);
    // 500 samples of the whole run in 125 points of 4.
    expect(feed.getSnapshot().test!.pressure.series).toHaveLength(125);
    expect(feed.getSnapshot().test!.pressure.lastPct).toBe(0);
  });

  test('at most one publication per interval under a continuous stream', () => {
    const clock = fakeClock();
    const feed = createLiveFeed({ clock, minIntervalMs: 50 });
    const times: number[] = [];
    feed.subscribe(() => times.push(clock.now()));
    for (let ms = 0; ms <= 1000; ms += 1) {
      feed.push([pressure(ms % 100)]);
      clock.advance(1);
    }
    expect(times).toEqual(Array.from({ length: 21 }, (_, i) => 1000 + 50 * i));
    expect(feed.getSnapshot().version).toBe(21);
  });

  test('events that change nothing publish nothing', () => {
    const clock = fakeClock();
    const feed = createLiveFeed({ clock });
    let notified = 0;
    feed.subscribe(() => (notified += 1));
    feed.push([{ type: 'metric', name: 'nn_infer_us', value: 5, raw: '5' }, { type: 'timer', message: 'Tick' }]);
    expect(notified).toBe(0);
    expect(clock.pending()).toBe(0);
  });

  test('flush publishes a pending change now; dispose cancels and unsubscribes', () => {
    const clock = fakeClock();
    const feed = createLiveFeed({ clock });
    let notified = 0;
    const unsubscribe = feed.subscribe(() => (notified += 1));
    feed.push([pressure(1)]);
    feed.push([pressure(2)]);
    expect(notified).toBe(1);
    feed.flush();
    expect(notified).toBe(2);
    expect(clock.pending()).toBe(0);
    expect(feed.getSnapshot().test!.pressure.series).toEqual([1, 2]);
    clock.advance(100);
    unsubscribe();
    feed.push([pressure(3)]);
    expect(feed.getSnapshot().test!.pressure.series).toEqual([1, 2, 3]);
    clock.advance(1);
    feed.push([pressure(4)]);
    expect(clock.pending()).toBe(1);
    feed.dispose();
    clock.advance(100);
    expect(notified).toBe(2);
    expect(clock.pending()).toBe(0);
    expect(feed.getSnapshot().test!.pressure.series).toEqual([1, 2, 3]);
  });
});

describe('ring buffer', () => {
  test('keeps the newest items in order', () => {
    const ring = new RingBuffer<number>(3);
    expect(ring.toArray()).toEqual([]);
    expect(ring.last()).toBeUndefined();
    for (let i = 1; i <= 7; i++) ring.push(i);
    expect(ring.toArray()).toEqual([5, 6, 7]);
    expect(ring.last()).toBe(7);
    expect(ring.length).toBe(3);
    ring.clear();
    ring.push(9);
    expect(ring.toArray()).toEqual([9]);
  });

  test('rejects a capacity below 1', () => {
    expect(() => new RingBuffer(0)).toThrow(RangeError);
  });
});
