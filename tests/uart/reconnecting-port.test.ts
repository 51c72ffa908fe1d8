import { describe, expect, test } from '@jest/globals';
import { Listeners } from '../../uart/listeners.js';
import { lineOk, type LineControl } from '../../uart/line-control.js';
import type { LineSettings } from '../../uart/line-settings.js';
import { lineControlOf, portError, type BytePort, type PortError } from '../../uart/port.js';
import { createManualClock } from '../../uart/manual-clock.js';
import { createReconnectingPort, type ReconnectState } from '../../uart/reconnecting-port.js';

/** A port whose open result and hang-ups the test controls. */
class FakePort implements BytePort {
  readonly written: string[] = [];
  closedByHost = false;
  private readonly data = new Listeners<[Uint8Array]>();
  private readonly closes = new Listeners<[PortError | undefined]>();
  private settle: { resolve: () => void; reject: (error: PortError) => void } | undefined;
  constructor(readonly description: string) {}
  open(): Promise<void> {
    return new Promise((resolve, reject) => { this.settle = { resolve, reject }; });
  }
  accept(): void { this.settle?.resolve(); }
  refuse(error: PortError): void { this.settle?.reject(error); }
  receive(text: string): void { this.data.emit(new Uint8Array(Buffer.from(text))); }
  hangUp(reason: PortError): void { this.closes.emit(reason); }
  write(data: Uint8Array): void { this.written.push(Buffer.from(data).toString()); }
  drain(): Promise<void> { return Promise.resolve(); }
  close(): Promise<void> {
    this.closedByHost = true;
    this.settle?.reject(portError('disconnected', 'closed'));
    this.closes.emit(undefined);
    return Promise.resolve();
  }
  onData(listener: (chunk: Uint8Array) => void): () => void { return this.data.add(listener); }
  onClose(listener: (reason?: PortError) => void): () => void { return this.closes.add(listener); }
  /** Records settings asked of this port; everything else answers ok. */
  readonly asked: LineSettings[] = [];
  readonly lineControl: LineControl = {
    sendBreak: async () => lineOk(undefined),
    setControlLines: async (lines) => lineOk({ dtr: lines.dtr ?? true, rts: lines.rts ?? true }),
    getModemLines: async () => lineOk({ cts: true }),
    updateSettings: async (settings) => {
      this.asked.push(settings);
      return lineOk(settings);
    },
    settings: { baudRate: 115200 },
    controlLines: { dtr: true, rts: true },
  };
}

const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const refused = portError('refused', 'tcp:127.0.0.1:4444: connection refused');
const gone = portError('disconnected', '/dev/ttyUSB0: device disconnected');

function rig(options: { reconnect?: boolean } = {}) {
  // Virtual milliseconds: timers fire only when the test advances time.
  const timers = createManualClock({ startMs: 1000 });
  const made: FakePort[] = [];
  const states: ReconnectState[] = [];
  const port = createReconnectingPort({
    connect: () => {
      const fake = new FakePort(`fake#${made.length + 1}`);
      made.push(fake);
      return fake;
    },
    description: 'tcp:127.0.0.1:4444',
    clock: timers,
    ...options,
  });
  port.onState((state) => states.push(state));
  const latest = (): FakePort => made[made.length - 1] as FakePort;
  return { port, timers, made, states, latest };
}

describe('reconnecting port', () => {
  test('reconnects with doubling backoff capped at 2 s, resetting after a connection', async () => {
    const { port, timers, made, states, latest } = rig();
    expect(port.description).toBe('tcp:127.0.0.1:4444');
    const received: string[] = [];
    port.onData((chunk) => received.push(Buffer.from(chunk).toString()));
    const opened = port.open();
    expect(states).toEqual([{ status: 'connecting', attempt: 1, droppedBytes: 0 }]);
    latest().accept();
    await opened;
    expect(port.description).toBe('fake#1');
    expect(states[1]).toEqual({ status: 'connected', droppedBytes: 0 });

    latest().receive('sis> ');
    port.write(new Uint8Array(Buffer.from('help\r')));
    expect(made[0]?.written).toEqual(['help\r']);

    states.length = 0;
    made[0]?.hangUp(gone);
    made[0]?.receive('stale');
    const delays = [100, 200, 400, 800, 1600, 2000, 2000];
    for (const [index, delayMs] of delays.entries()) {
      const attempt = index + 1;
      expect(port.state).toEqual({
        status: 'waiting', attempt, delayMs, retryAtMs: timers.now() + delayMs,
        lastError: attempt === 1 ? gone : refused, droppedBytes: 0,
      });
      timers.advance(delayMs - 1);
      expect(made).toHaveLength(attempt);
      timers.advance(1);
      expect(made).toHaveLength(attempt + 1);
      expect(port.state).toEqual({ status: 'connecting', attempt, droppedBytes: 0 });
      if (attempt < delays.length) {
        latest().refuse(refused);
        await flush();
      }
    }
    latest().accept();
    await flush();
    expect(states[states.length - 1]).toEqual({ status: 'connected', droppedBytes: 0 });
    latest().receive('back\n');
    expect(received).toEqual(['sis> ', 'back\n']);

    latest().hangUp(gone);
    expect(states[states.length - 1]).toMatchObject({ status: 'waiting', attempt: 1, delayMs: 100 });
    await port.close();
  });

  test('line control goes to the connected port, answers disconnected in between, and settings survive a reconnect', async () => {
    const { port, made, timers, latest } = rig();
    const control = lineControlOf(port);
    expect(await control.sendBreak(10)).toEqual({ ok: false, kind: 'disconnected', message: 'tcp:127.0.0.1:4444: not connected' });
    const opened = port.open();
    latest().accept();
    await opened;
    expect(await control.updateSettings({ baudRate: 9600 })).toEqual({ ok: true, value: { baudRate: 9600 } });
    expect(await control.getModemLines()).toEqual({ ok: true, value: { cts: true } });
    made[0]?.hangUp(gone);
    expect(await control.setControlLines({ dtr: false })).toMatchObject({ ok: false, kind: 'disconnected' });
    expect(control.settings).toEqual({ baudRate: 115200 });
    timers.advance(100);
    latest().accept();
    await flush();
    expect(made[1]?.asked).toEqual([{ baudRate: 9600 }]);
    await port.close();
  });

  test('traffic counts bytes received and handed on over every connection, not the dropped ones', async () => {
    const { port, made, timers, latest } = rig();
    const opened = port.open();
    latest().accept();
    await opened;
    latest().receive('sis> ');
    port.write(new Uint8Array(Buffer.from('help\r')));
    made[0]?.hangUp(gone);
    port.write(new Uint8Array(7));
    timers.advance(100);
    latest().accept();
    await flush();
    latest().receive('ok\n');
    expect(port.traffic).toEqual({ rxBytes: 8, txBytes: 5 });
    await port.close();
  });

  test('a port without line control says not supported', async () => {
    const plain = { ...new FakePort('tcp:127.0.0.1:1'), description: 'tcp:127.0.0.1:1', lineControl: undefined } as unknown as BytePort;
    expect(await lineControlOf(plain).getModemLines()).toEqual({
      ok: false, kind: 'unsupported', message: 'tcp:127.0.0.1:1: modem lines not supported (a plain byte stream)',
    });
  });

  test('writes while not connected are dropped and counted', async () => {
    const { port, latest, states } = rig();
    const opened = port.open();
    latest().accept();
    await opened;
    latest().hangUp(gone);
    port.write(new Uint8Array(5));
    port.write(new Uint8Array(3));
    expect(port.state).toMatchObject({ status: 'waiting', attempt: 1, droppedBytes: 8 });
    expect(states.filter((s) => s.status === 'waiting').map((s) => s.droppedBytes)).toEqual([0, 5, 8]);
    await port.close();
    expect(port.state).toEqual({ status: 'disconnected', droppedBytes: 8 });
  });

  test('a first failure keeps trying; open() resolves at the first connection', async () => {
    const { port, timers, latest, states } = rig();
    let resolved = false;
    const opened = port.open().then(() => { resolved = true; });
    latest().refuse(refused);
    await flush();
    expect(port.state).toEqual({
      status: 'waiting', attempt: 2, delayMs: 100, retryAtMs: 1100, lastError: refused, droppedBytes: 0,
    });
    expect(resolved).toBe(false);
    timers.advance(100);
    latest().accept();
    await opened;
    expect(states.map((s) => s.status)).toEqual(['connecting', 'waiting', 'connecting', 'connected']);
  });

  test('reconnect:false closes for good at the first disconnect, with the reason', async () => {
    const { port, timers, made, latest } = rig({ reconnect: false });
    const reasons: unknown[] = [];
    port.onClose((reason) => reasons.push(reason));
    const opened = port.open();
    latest().accept();
    await opened;
    latest().hangUp(gone);
    expect(port.state).toEqual({ status: 'disconnected', reason: gone, droppedBytes: 0 });
    expect(reasons).toEqual([gone]);
    timers.advance(10_000);
    expect(made).toHaveLength(1);
    port.write(new Uint8Array(4));
    expect(port.state).toEqual({ status: 'disconnected', reason: gone, droppedBytes: 0 });
    await port.close();
    expect(reasons).toEqual([gone]);
  });

  test('reconnect:false rejects open() with the first failure', async () => {
    const { port, latest } = rig({ reconnect: false });
    const opened = port.open();
    latest().refuse(refused);
    await expect(opened).rejects.toEqual(refused);
    expect(port.state).toEqual({ status: 'disconnected', reason: refused, droppedBytes: 0 });
  });

  test('close() while waiting cancels the retry and rejects a pending open()', async () => {
    const { port, timers, made, latest } = rig();
    const reasons: unknown[] = [];
    port.onClose((reason) => reasons.push(reason));
    const opened = port.open();
    latest().refuse(refused);
    await flush();
    expect(timers.pending()).toBe(1);
    await port.close();
    await expect(opened).rejects.toEqual({
      kind: 'disconnected', message: 'fake#1: closed before connecting',
    });
    expect(timers.pending()).toBe(0);
    expect(reasons).toEqual([undefined]);
    expect(port.state).toEqual({ status: 'disconnected', droppedBytes: 0 });
    timers.advance(10_000);
    expect(made).toHaveLength(1);
    await port.close();
    expect(reasons).toEqual([undefined]);
  });

  test('close() while connected closes the inner port without a reconnect', async () => {
    const { port, made, latest } = rig();
    const opened = port.open();
    latest().accept();
    await opened;
    await port.close();
    expect(made[0]?.closedByHost).toBe(true);
    expect(port.state).toEqual({ status: 'disconnected', droppedBytes: 0 });
    expect(made).toHaveLength(1);
  });
});
