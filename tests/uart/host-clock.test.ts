import { describe, expect, test } from '@jest/globals';
import { createManualClock, delay, repeatTimer, systemClock } from '../../uart/index.js';

describe('manual clock', () => {
  test('advance fires due timers in order of due time, ties in the order set, each at its own time', () => {
    const clock = createManualClock({ startMs: 1000, wallStartMs: Date.UTC(2026, 0, 1) });
    const fired: string[] = [];
    const at = (name: string) => () => fired.push(`${name}@${clock.now()}`);
    clock.setTimer(at('c'), 30);
    clock.setTimer(at('a'), 10);
    clock.setTimer(at('b'), 10);
    const cleared = clock.setTimer(at('never'), 20);
    clock.clearTimer(cleared);
    clock.setTimer(at('later'), 31);
    expect(clock.pending()).toBe(4);
    expect(clock.nextDueIn()).toBe(10);
    clock.advance(30);
    expect(fired).toEqual(['a@1010', 'b@1010', 'c@1030']);
    expect(clock.now()).toBe(1030);
    expect(clock.wallMs()).toBe(Date.UTC(2026, 0, 1) + 30);
    expect(clock.pending()).toBe(1);
    clock.advance(1);
    expect(fired).toEqual(['a@1010', 'b@1010', 'c@1030', 'later@1031']);
    expect(clock.nextDueIn()).toBeNull();
  });

  test('timers set while firing run in the same advance when they fall due within it', () => {
    const clock = createManualClock();
    const fired: number[] = [];
    const chain = (): void => {
      fired.push(clock.now());
      if (fired.length < 5) clock.setTimer(chain, 7);
    };
    clock.setTimer(chain, 7);
    clock.advance(20);
    expect(fired).toEqual([7, 14]);
    expect(clock.now()).toBe(20);
    clock.advance(0);
    expect(fired).toEqual([7, 14]);
    clock.advance(1);
    expect(fired).toEqual([7, 14, 21]);
    expect(() => clock.advance(-1)).toThrow(RangeError);
  });

  test('a zero or negative delay is due now and fires on advance(0)', () => {
    const clock = createManualClock({ startMs: 5 });
    const fired: number[] = [];
    clock.setTimer(() => fired.push(clock.now()), -3);
    clock.setTimer(() => fired.push(clock.now()), 0);
    expect(fired).toEqual([]);
    clock.advance(0);
    expect(fired).toEqual([5, 5]);
  });
});

describe('repeatTimer and delay', () => {
  test('repeatTimer runs every interval until stopped, leaving no timer behind', () => {
    const clock = createManualClock();
    const ticks: number[] = [];
    const stop = repeatTimer(clock, () => ticks.push(clock.now()), 100);
    clock.advance(350);
    expect(ticks).toEqual([100, 200, 300]);
    stop();
    expect(clock.pending()).toBe(0);
    clock.advance(1000);
    expect(ticks).toEqual([100, 200, 300]);
  });

  test('a repeat stopped from inside its own call does not run again', () => {
    const clock = createManualClock();
    let calls = 0;
    const stop = repeatTimer(clock, () => {
      calls += 1;
      stop();
    }, 10);
    clock.advance(100);
    expect(calls).toBe(1);
    expect(clock.pending()).toBe(0);
  });

  test('delay resolves when the clock reaches it', async () => {
    const clock = createManualClock();
    let done = false;
    const waiting = delay(clock, 50).then(() => (done = true));
    clock.advance(49);
    await Promise.resolve();
    expect(done).toBe(false);
    clock.advance(1);
    await waiting;
    expect(done).toBe(true);
  });

  test('the system clock: monotonic now, epoch wall time, timers that can be cleared', async () => {
    const before = Date.now();
    expect(Math.abs(systemClock.wallMs() - before)).toBeLessThan(1000);
    const a = systemClock.now();
    expect(systemClock.now()).toBeGreaterThanOrEqual(a);
    let fired = false;
    systemClock.clearTimer(systemClock.setTimer(() => (fired = true), 0));
    await new Promise<void>((resolve) => void systemClock.setTimer(resolve, 5, { background: true }));
    expect(fired).toBe(false);
  });
});
