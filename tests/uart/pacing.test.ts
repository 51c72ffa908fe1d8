import { describe, expect, test } from '@jest/globals';
import { bytesPerSecond, createPacer } from '../../uart/pacing.js';

describe('bytesPerSecond', () => {
  test('one start bit, the data bits, parity and stop bits per byte', () => {
    expect(bytesPerSecond({ baud: 115200 })).toBe(11520);
    expect(bytesPerSecond({ baud: 115200, dataBits: 8, parity: 'none', stopBits: 1 })).toBe(11520);
    expect(bytesPerSecond({ baud: 9600, dataBits: 8, parity: 'none', stopBits: 1 })).toBe(960);
    expect(bytesPerSecond({ baud: 9600, dataBits: 7, parity: 'even', stopBits: 1 })).toBe(960);
    expect(bytesPerSecond({ baud: 9600, dataBits: 8, parity: 'odd', stopBits: 2 })).toBeCloseTo(9600 / 12, 10);
    expect(bytesPerSecond({ baud: 9600, dataBits: 5, parity: 'none', stopBits: 1.5 })).toBeCloseTo(9600 / 7.5, 10);
  });
});

/** Pushes `total` bytes through a pacer on a virtual µs clock; returns bytes per virtual second. */
function measure(rate: number, total: number, step: (now: number, pending: number, pacer: ReturnType<typeof createPacer>) => number): number {
  let now = 5_000_000;
  const start = now;
  const pacer = createPacer({ bytesPerSecond: rate, nowUs: () => now });
  let pending = total;
  let calls = 0;
  while (pending > 0) {
    pending -= pacer.take(pending);
    if (pending > 0) now = step(now, pending, pacer);
    calls += 1;
    if (calls > 10_000_000) throw new Error('pacer made no progress');
  }
  return total / ((now - start) / 1e6);
}

describe('pacer on a virtual clock', () => {
  const lines = [
    { name: '115200 8N1', rate: bytesPerSecond({ baud: 115200 }), total: 300 * 1024 },
    { name: '9600 8N1', rate: bytesPerSecond({ baud: 9600 }), total: 200 * 1024 },
  ];

  for (const { name, rate, total } of lines) {
    test(`${name}: sleeping until nextAvailableUs moves ${rate} B/s within 2 %`, () => {
      const measured = measure(rate, total, (_now, pending, pacer) => pacer.nextAvailableUs(Math.min(pending, 4096)));
      expect(Math.abs(measured - rate) / rate).toBeLessThan(0.02);
    });

    test(`${name}: polling on uneven ticks moves ${rate} B/s within 2 %`, () => {
      const ticks = [1000, 7, 2500, 333, 16_667, 1];
      let i = 0;
      const measured = measure(rate, total, (now) => now + (ticks[i++ % ticks.length] as number));
      expect(Math.abs(measured - rate) / rate).toBeLessThan(0.02);
    });
  }

  test('take counts what it grants; nextAvailableUs is when the rest can go', () => {
    let now = 0;
    const pacer = createPacer({ bytesPerSecond: 960, nowUs: () => now });
    expect(pacer.take(10)).toBe(0);
    const at = pacer.nextAvailableUs(10);
    expect(at).toBe(10_417);
    now = at - 1;
    expect(pacer.take(10)).toBe(9);
    now = at;
    expect(pacer.take(1)).toBe(1);
    now += 1_000_000;
    expect(pacer.take(5000)).toBe(0);
  });

  test('an idle line saves no credit: a burst after a pause is paced from its arrival', () => {
    let now = 0;
    const pacer = createPacer({ bytesPerSecond: 1000, nowUs: () => now });
    expect(pacer.take(3)).toBe(0);
    now = 3000;
    expect(pacer.take(3)).toBe(3);
    now = 60_000_000;
    expect(pacer.take(100)).toBe(0);
    now += 50_000;
    expect(pacer.take(100)).toBe(50);
    expect(pacer.nextAvailableUs(50)).toBe(60_100_000);
  });

  test('the same calls on the same clock give the same grants', () => {
    const run = (): number[] => {
      let now = 0;
      const pacer = createPacer({ bytesPerSecond: 11520, nowUs: () => now });
      const grants: number[] = [];
      for (let i = 0; i < 1000; i += 1) {
        now += (i * 7919) % 1300;
        grants.push(pacer.take(64));
      }
      return grants;
    };
    expect(run()).toEqual(run());
  });
});
