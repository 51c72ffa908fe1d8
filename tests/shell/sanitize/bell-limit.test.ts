import { describe, expect, test } from '@jest/globals';
import { createBellLimit, createSanitizer } from '../../../shell/sanitize/index.js';

describe('createBellLimit', () => {
  test('one ring per 250 ms; every other BEL is counted as dropped', () => {
    const bells = createBellLimit();
    expect(bells.take(1, 0)).toBe(true);
    expect(bells.take(1, 100)).toBe(false);
    expect(bells.take(1, 249)).toBe(false);
    expect(bells.take(1, 250)).toBe(true);
    expect(bells.take(5, 260)).toBe(false);
    expect(bells.dropped).toBe(7);
    expect(bells.takeDropped()).toBe(7);
    expect(bells.dropped).toBe(0);
  });

  test('a run of BELs arriving together rings once', () => {
    const bells = createBellLimit();
    expect(bells.take(1000, 5_000)).toBe(true);
    expect(bells.dropped).toBe(999);
  });

  test('a storm of 3 s, one BEL every millisecond, rings 12 times', () => {
    const bells = createBellLimit();
    let rung = 0;
    for (let ms = 0; ms < 3000; ms++) if (bells.take(1, ms)) rung++;
    expect(rung).toBe(12);
    expect(bells.dropped).toBe(3000 - 12);
  });
});

describe('the sanitiser with onBell', () => {
  test('BELs outside strings are taken out and reported per run; a BEL ending an OSC string is not a bell', () => {
    const runs: number[] = [];
    const s = createSanitizer({ onBell: (n) => runs.push(n), markStyle: null });
    expect(s.push('a\x07b\x07\x07\x07c\x1b]0;title\x07d')).toBe('abc␛]0;title␇d');
    expect(runs).toEqual([1, 3]);
  });

  test('without it a BEL is shown as before', () => {
    expect(createSanitizer({ markStyle: null }).push('ding\x07')).toBe('ding␇');
  });
});
