import { afterEach, beforeEach, expect, test } from '@jest/globals';
import { closeSync, mkdtempSync, openSync, rmSync, write, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SerialPort } from 'serialport';
import { hangupSafeBinding, type BindingLike } from '../../uart/hangup-safe-binding.js';
import { describeWithTools, requireTool } from '../helpers/tools.js';
import { startPtyPair, type PtyPair } from './socat.js';

const socat = requireTool('socat', 'socat');
let dir: string;
let pair: PtyPair;
const cleanup: Array<() => Promise<unknown> | void> = [];

interface OpenedPort {
  read(buffer: Buffer, offset: number, length: number): Promise<{ bytesRead: number; buffer: Buffer }>;
  close(): Promise<void>;
}

async function openWrapped(path: string): Promise<OpenedPort> {
  const binding = hangupSafeBinding(SerialPort.binding as unknown as BindingLike);
  const port = (await binding.open({ path, baudRate: 115200, lock: false })) as unknown as OpenedPort;
  cleanup.push(() => port.close().catch(() => undefined));
  return port;
}

describeWithTools([socat], 'the hangup-safe read', () => {
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sis-safe-read-'));
    pair = await startPtyPair(dir);
  });

  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
    await pair.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  test('bytes waiting are read in order; each read first lets the event loop turn, so a flood cannot hold timers and keys', async () => {
    const port = await openWrapped(pair.b);
    const far = openSync(pair.a, 'r+');
    cleanup.push(() => closeSync(far));
    writeSync(far, Buffer.from('abcdefgh', 'latin1'));
    const buffer = Buffer.alloc(64);
    // The first read may wait for the bytes to cross the pair; after it, the rest are waiting.
    const first = await port.read(buffer, 0, 1);
    expect(buffer.toString('latin1', 0, first.bytesRead)).toBe('a');
    const order: string[] = [];
    setImmediate(() => order.push('turn'));
    const second = await port.read(buffer, 0, 3);
    order.push('read');
    expect(buffer.toString('latin1', 0, second.bytesRead)).toBe('bcd');
    expect(order).toEqual(['turn', 'read']);
  });

  test('a flood larger than a pty read arrives whole and in order, each read filling from its offset', async () => {
    const port = await openWrapped(pair.b);
    const far = openSync(pair.a, 'r+');
    cleanup.push(() => closeSync(far));
    const sent = Buffer.from(Array.from({ length: 20_000 }, (_, i) => `${String(i).padStart(5, '0')} `).join(''), 'latin1');
    // Written from the thread pool: a blocking write here would wait for the reads below.
    const writing = new Promise<void>((resolve, reject) => write(far, sent, (error) => (error ? reject(error) : resolve())));
    const received: Buffer[] = [];
    let total = 0;
    const buffer = Buffer.alloc(65536 + 100);
    while (total < sent.length) {
      const { bytesRead } = await port.read(buffer, 100, 65536);
      received.push(Buffer.from(buffer.subarray(100, 100 + bytesRead)));
      total += bytesRead;
    }
    await writing;
    expect(Buffer.concat(received).equals(sent)).toBe(true);
  });

  test('a read that waits for bytes gets them once the far end writes', async () => {
    const port = await openWrapped(pair.b);
    const far = openSync(pair.a, 'r+');
    cleanup.push(() => closeSync(far));
    const buffer = Buffer.alloc(64);
    const pending = port.read(buffer, 0, 64);
    setTimeout(() => writeSync(far, Buffer.from('late', 'latin1')), 20);
    const { bytesRead } = await pending;
    expect(buffer.toString('latin1', 0, bytesRead)).toBe('late');
  });
});
