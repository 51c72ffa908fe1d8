import { describe, expect, test } from '@jest/globals';
import { createWire } from '../../uart/index.js';

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);

describe('one direction of the UART', () => {
  test('unpaced, every byte written is taken at once, in order, across writes', () => {
    const wire = createWire(undefined, () => 0);
    wire.push(bytes(1, 2));
    wire.push(bytes(3));
    expect(wire.pendingBytes).toBe(3);
    expect(wire.nextUs()).toBeUndefined();
    expect([...wire.take()]).toEqual([1, 2, 3]);
    expect(wire.take().length).toBe(0);
    expect(wire.pendingBytes).toBe(0);
  });

  test('at 115200 8N1 (11 520 B/s) bytes come out at line rate on the virtual clock, in 10 ms chunks', () => {
    let now = 0;
    const wire = createWire({ baud: 115200 }, () => now);
    wire.push(new Uint8Array(300).map((_, i) => i));
    expect(wire.take().length).toBe(0);
    // 116 bytes take 116 / 11520 s = 10 069.4 µs on the line.
    expect(wire.nextUs()).toBe(10_070);
    now = 10_000;
    const first = wire.take();
    expect(first.length).toBe(115);
    expect(first[0]).toBe(0);
    now = 1_000_000;
    const rest = wire.take();
    expect(rest.length).toBe(185);
    expect(rest[0]).toBe(115);
    expect(rest.at(-1)).toBe(299 & 0xff);
    expect(wire.nextUs()).toBeUndefined();
  });
});
