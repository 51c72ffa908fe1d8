import { describe, expect, test } from '@jest/globals';
import { createBusyFilter } from '../../uart/busy-filter.js';
import { createManualClock, createReconnectingPort, type ReconnectState } from '../../uart/index.js';
import { busyLine } from '../../uart/busy-line.js';

const BUSY_LINE = busyLine([{ name: '127.0.0.1:50123', heldMs: 12_345 }]);
import { FakePort } from '../shell/connect/fake-port.js';

const bytes = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'latin1'));
const text = (data: Uint8Array): string => Buffer.from(data).toString('latin1');

describe('a busy sis serve is a refusal, not device output', () => {
  test('the busy line, cut anywhere, is held back and becomes the refusal', () => {
    for (let cut = 1; cut < BUSY_LINE.length; cut++) {
      const filter = createBusyFilter();
      expect(text(filter.push(bytes(BUSY_LINE.slice(0, cut))))).toBe('');
      expect(text(filter.push(bytes(BUSY_LINE.slice(cut))))).toBe('');
      expect(filter.refusal).toBe('port busy (held by 127.0.0.1:50123 for 12 s)');
    }
  });

  test('anything else passes untouched, the held start included', () => {
    const filter = createBusyFilter();
    expect(text(filter.push(bytes('sis')))).toBe('');
    expect(text(filter.push(bytes('> help\r\n')))).toBe('sis> help\r\n');
    expect(text(filter.push(bytes('sis: port busy')))).toBe('sis: port busy');
    expect(filter.refusal).toBeNull();
  });

  test('connections that end before any data back off like failed connects', async () => {
    const delays: number[] = [];
    const clock = createManualClock();
    const port = createReconnectingPort({
      connect: () => {
        const far = new FakePort('tcp:busy');
        queueMicrotask(() => queueMicrotask(() => far.hangUp()));
        return far;
      },
      clock,
    });
    port.onState((state: ReconnectState) => {
      if (state.status === 'waiting') delays.push(state.delayMs);
    });
    await port.open();
    for (let i = 0; i < 4; i++) {
      await new Promise((resolve) => setImmediate(resolve));
      clock.advance(clock.nextDueIn() ?? 0);
    }
    await new Promise((resolve) => setImmediate(resolve));
    expect(delays.slice(0, 4)).toEqual([100, 200, 400, 800]);
    await port.close();
  });
});
