import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { chmodSync, mkdtempSync, openSync, realpathSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReadStream } from 'node:tty';
import { createSerialDevicePort } from '../../uart/serial-device-port.js';
import { deviceStatErrorToPortError, serialOpenErrorToPortError } from '../../uart/serial-errors.js';
import { lineControlOf, type BytePort } from '../../uart/port.js';
import { execFileSync } from 'node:child_process';
import { describeWithTools, requireTool } from '../helpers/tools.js';
import { startPtyPair, type PtyPair } from './socat.js';
import { bytes, closed, collect } from './wait.js';

const socat = requireTool('socat', 'socat');
let dir: string;
let pair: PtyPair;
const ports: BytePort[] = [];
const streams: ReadStream[] = [];

function track(port: BytePort): BytePort {
  ports.push(port);
  return port;
}

/** The far side of the pair, driven with plain fs writes and a tty read stream. */
function farSide(path: string): { write: (text: string) => void; text: () => string; until: (text: string) => Promise<void> } {
  const fd = openSync(path, 'r+');
  const stream = new ReadStream(fd);
  streams.push(stream);
  let received = '';
  const wakers = new Set<() => void>();
  stream.on('data', (chunk: Buffer) => {
    received += chunk.toString('latin1');
    for (const wake of wakers) wake();
  });
  stream.on('error', () => {});
  return {
    write: (text) => { writeSync(fd, Buffer.from(text, 'latin1')); },
    text: () => received,
    until: (text) => new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for '${text}', have '${received}'`)), 10000);
      const check = (): void => {
        if (!received.includes(text)) return;
        clearTimeout(timer);
        wakers.delete(check);
        stream.pause();
        resolve();
      };
      wakers.add(check);
      check();
    }),
  };
}

describeWithTools([socat], 'serial device port on a socat pty pair', () => {
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sis-serial-'));
    pair = await startPtyPair(dir);
  });

  afterEach(async () => {
    for (const port of ports.splice(0)) await port.close();
    for (const stream of streams.splice(0)) stream.destroy();
    await pair.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  test('bytes flow both ways; host close reports no reason', async () => {
    const port = track(createSerialDevicePort({ path: pair.a, baudRate: 115200 }));
    expect(port.description).toBe(pair.a);
    const received = collect(port);
    const closing = closed(port);
    await port.open();
    const far = farSide(pair.b);

    far.write('sis> ');
    await received.until('sis> ');
    const big = 'x'.repeat(20000) + '\n';
    port.write(bytes('stresstest memory --duration 100\r'));
    port.write(bytes(big));
    await port.drain();
    await far.until(big);
    expect(far.text()).toBe(`stresstest memory --duration 100\r${big}`);

    await port.close();
    expect(await closing).toBeUndefined();
    await port.close();
    port.write(bytes('after close'));
  });

  test('line control: the baud rate changes on the open device; a pty has no modem lines, and says so', async () => {
    const port = track(createSerialDevicePort({ path: pair.a, baudRate: 9600 }));
    const control = lineControlOf(port);
    expect(await control.sendBreak(10)).toMatchObject({ ok: false, kind: 'disconnected' });
    await port.open();
    expect(control.settings).toEqual({ baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1, flow: 'none' });
    expect(await control.updateSettings({ baudRate: 57600 })).toEqual({
      ok: true, value: { baudRate: 57600, dataBits: 8, parity: 'none', stopBits: 1, flow: 'none' },
    });
    expect(execFileSync('stty', ['-F', pair.a, 'speed']).toString().trim()).toBe('57600');
    expect(await control.updateSettings({ dataBits: 7, parity: 'even' })).toEqual({
      ok: false,
      kind: 'unsupported',
      message: `${pair.a}: only the baud rate can change on an open device ` +
        '(reconnect with --databits/--parity/--stopbits/--flow to change dataBits, parity)',
    });
    const noModem = `${pair.a}: DTR/RTS not supported by this device (it has no modem control lines)`;
    expect(await control.setControlLines({ dtr: false })).toEqual({ ok: false, kind: 'unsupported', message: noModem });
    expect(await control.getModemLines()).toMatchObject({ ok: false, kind: 'unsupported' });
    expect(await control.sendBreak(10)).toMatchObject({ ok: false, kind: 'unsupported' });
  });

  test('the device vanishing closes the port with disconnected', async () => {
    const port = track(createSerialDevicePort({ path: pair.a }));
    const closing = closed(port);
    await port.open();
    await pair.kill();
    expect(await closing).toEqual({ kind: 'disconnected', message: `${pair.a}: device disconnected` });
    port.write(bytes('nobody'));
    await port.drain();
  });

  test('the device vanishing while a read is waiting, after traffic', async () => {
    const port = track(createSerialDevicePort({ path: pair.a }));
    const received = collect(port);
    const closing = closed(port);
    await port.open();
    const far = farSide(pair.b);
    far.write('before');
    await received.until('before');
    await pair.kill();
    expect(await closing).toEqual({ kind: 'disconnected', message: `${pair.a}: device disconnected` });
  });

  test('a second open of a locked port is refused; lock:false allows it', async () => {
    const first = track(createSerialDevicePort({ path: pair.a }));
    await first.open();
    const second = track(createSerialDevicePort({ path: pair.a }));
    await expect(second.open()).rejects.toEqual({
      kind: 'locked', message: `${pair.a}: port is locked by another program`,
    });
    await first.close();
    const shared = track(createSerialDevicePort({ path: pair.b, lock: false }));
    await shared.open();
  });

  test('missing device, regular file, a non-tty character device and bad settings', async () => {
    const missing = join(dir, 'ttyUSB9');
    await expect(track(createSerialDevicePort({ path: missing })).open()).rejects.toEqual({
      kind: 'not-found', message: `cannot open ${missing}: no such device`,
    });
    const file = join(dir, 'capture.txt');
    writeFileSync(file, 'not a device');
    await expect(track(createSerialDevicePort({ path: file })).open()).rejects.toEqual({
      kind: 'not-a-tty', message: `${file}: is not a tty`,
    });
    await expect(track(createSerialDevicePort({ path: dir })).open()).rejects.toEqual({
      kind: 'not-a-tty', message: `${dir}: is not a tty`,
    });
    await expect(track(createSerialDevicePort({ path: '/dev/null' })).open()).rejects.toEqual({
      kind: 'not-a-tty', message: '/dev/null: is not a tty',
    });
    await expect(track(createSerialDevicePort({ path: pair.a, dataBits: 9 as 8 })).open()).rejects.toEqual({
      kind: 'io', message: `cannot open ${pair.a}: invalid data bits 9 (expected 5, 6, 7 or 8)`,
    });
    await expect(track(createSerialDevicePort({ path: pair.a, parity: 'mark' })).open()).rejects.toEqual({
      kind: 'io', message: `cannot open ${pair.a}: mark parity is not supported on this system`,
    });
  });

  test('a device without read/write permission (root bypasses the check)', async () => {
    const device = realpathSync(pair.a);
    chmodSync(device, 0o000);
    const port = track(createSerialDevicePort({ path: pair.a }));
    if (process.getuid?.() === 0) {
      await port.open();
    } else {
      await expect(port.open()).rejects.toEqual({ kind: 'permission-denied', message: `${pair.a}: permission denied` });
    }
  });
});

describe('serial error mapping', () => {
  test('stat and access errors', () => {
    expect(deviceStatErrorToPortError('/dev/ttyUSB9', { code: 'ENOENT' }))
      .toEqual({ kind: 'not-found', message: 'cannot open /dev/ttyUSB9: no such device' });
    expect(deviceStatErrorToPortError('/dev/ttyS0', { code: 'EACCES' }))
      .toEqual({ kind: 'permission-denied', message: '/dev/ttyS0: permission denied' });
    expect(deviceStatErrorToPortError('/dev/ttyS0', { code: 'EIO', message: 'EIO: i/o error' }))
      .toEqual({ kind: 'io', message: 'cannot open /dev/ttyS0: EIO: i/o error' });
  });

  test('native binding open errors', () => {
    const map = (message: string) => serialOpenErrorToPortError('/dev/ttyS0', { message });
    expect(map('Error Resource temporarily unavailable Cannot lock port'))
      .toEqual({ kind: 'locked', message: '/dev/ttyS0: port is locked by another program' });
    expect(map('Error: Permission denied, cannot open /dev/ttyS0'))
      .toEqual({ kind: 'permission-denied', message: '/dev/ttyS0: permission denied' });
    expect(map('Error: No such file or directory, cannot open /dev/ttyS0'))
      .toEqual({ kind: 'not-found', message: 'cannot open /dev/ttyS0: no such device' });
    expect(map('Error: Inappropriate ioctl for device setting custom baud rate of 115200'))
      .toEqual({ kind: 'not-a-tty', message: '/dev/ttyS0: is not a tty' });
    expect(map('Error: Input/output error, cannot open /dev/ttyS0'))
      .toEqual({ kind: 'io', message: 'cannot open /dev/ttyS0: input/output error' });
  });
});
