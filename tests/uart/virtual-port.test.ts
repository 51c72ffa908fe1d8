import { describe, expect, test } from '@jest/globals';
import { createVirtualPair } from '../../uart/index.js';

function collect(port: { onData: (l: (c: Uint8Array) => void) => void }): () => Buffer {
  const chunks: Uint8Array[] = [];
  port.onData((chunk) => chunks.push(chunk));
  return () => Buffer.concat(chunks);
}

describe('virtual UART pair (serialport mock binding)', () => {
  test('host writes reach the device in order; device output reaches the host', async () => {
    const written: Uint8Array[] = [];
    const pair = createVirtualPair({ onHostWrite: (bytes) => written.push(bytes) });
    const received = collect(pair.port);
    await pair.port.open();
    pair.port.write(Buffer.from('help\r'));
    pair.port.write(Buffer.from('autoctl status\r'));
    await pair.port.drain();
    expect(Buffer.concat(written).toString()).toBe('help\rautoctl status\r');
    pair.device.emit(Buffer.from('sis> '));
    await pair.device.flushed();
    await new Promise((resolve) => setImmediate(resolve));
    expect(received().toString()).toBe('sis> ');
    await pair.port.close();
  });

  test('a large burst arrives complete, in order, in chunks of at most a few KiB', async () => {
    const pair = createVirtualPair({ onHostWrite: () => {} });
    const sizes: number[] = [];
    pair.port.onData((chunk) => sizes.push(chunk.length));
    const received = collect(pair.port);
    await pair.port.open();
    const burst = Buffer.alloc(1024 * 1024);
    for (let i = 0; i < burst.length; i++) burst[i] = i % 251;
    pair.device.emit(burst.subarray(0, 300_000));
    pair.device.emit(burst.subarray(300_000));
    await pair.device.flushed();
    await new Promise((resolve) => setImmediate(resolve));
    expect(received().equals(burst)).toBe(true);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(64 * 1024);
    expect(sizes.length).toBeGreaterThan(10);
    await pair.port.close();
  });

  test('bytes emitted before open are delivered after open', async () => {
    const pair = createVirtualPair({ onHostWrite: () => {} });
    const received = collect(pair.port);
    pair.device.emit(Buffer.from('banner\n'));
    await pair.port.open();
    await pair.device.flushed();
    await new Promise((resolve) => setImmediate(resolve));
    expect(received().toString()).toBe('banner\n');
    await pair.port.close();
  });

  test('close is idempotent and tells close listeners once', async () => {
    const pair = createVirtualPair({ onHostWrite: () => {} });
    let closes = 0;
    pair.port.onClose(() => closes++);
    await pair.port.open();
    await pair.port.close();
    await pair.port.close();
    pair.port.write(Buffer.from('dropped'));
    expect(closes).toBe(1);
  });
});
