import { describe, expect, test } from '@jest/globals';
import { createReconnectingPort, type LogWriter } from '../../../uart/index.js';
import { createConsolePort, describeState } from '../../../shell/connect/index.js';
import { waitFor } from '../../helpers/wait.js';
import { FakePort } from './fake-port.js';

function fakeLog(): LogWriter & { text: () => string } {
  let text = '';
  return {
    path: 'fake.log',
    bytesWritten: 0,
    error: undefined,
    write: (bytes) => void (text += Buffer.from(bytes).toString('latin1')),
    flush: () => Promise.resolve(),
    flushSync: () => {},
    close: () => Promise.resolve(),
    text: () => text,
  };
}

function setup(options: { enter?: 'cr' | 'lf' | 'crlf'; incomingCr?: 'keep' | 'drop' | 'to-lf' } = {}) {
  const far = new FakePort('far');
  const log = fakeLog();
  const port = createConsolePort({ port: createReconnectingPort({ connect: () => far }), log, ...options });
  return { far, log, port };
}

const collect = (port: { onData(listener: (chunk: Uint8Array) => void): () => void }) => {
  let text = '';
  port.onData((chunk) => void (text += Buffer.from(chunk).toString('latin1')));
  return () => text;
};

describe('the console port', () => {
  test.each([
    ['cr', 'help\r'],
    ['lf', 'help\n'],
    ['crlf', 'help\r\n'],
  ] as const)('--enter %s: a line sent with CR goes out as %j; Ctrl-C passes', async (enter, wire) => {
    const { far, port } = setup({ enter });
    await port.open();
    port.write(new Uint8Array(Buffer.from('help\r')));
    port.write(Uint8Array.of(0x03));
    expect(far.written).toEqual([wire, '\x03']);
  });

  test.each([
    ['keep', 'a\r\nb\rc'],
    ['drop', 'a\nbc'],
    ['to-lf', 'a\nb\nc'],
  ] as const)('--incoming-cr %s maps what the console sees; the log keeps the bytes as received', async (incomingCr, seen) => {
    const { far, log, port } = setup({ incomingCr });
    const text = collect(port);
    await port.open();
    far.send('a\r');
    far.send('\nb\rc');
    expect(text()).toBe(seen);
    expect(log.text()).toBe('a\r\nb\rc');
  });

  test('bytes that arrive before the console subscribes are kept for it, in order', async () => {
    const { far, log, port } = setup();
    await port.open();
    far.send('banner\r\n');
    far.send('sis> ');
    expect(log.text()).toBe('banner\r\nsis> ');
    let text = '';
    port.onData((chunk) => void (text += Buffer.from(chunk).toString('latin1')));
    far.send('late');
    expect(text).toBe('');
    await Promise.resolve();
    expect(text).toBe('banner\r\nsis> late');
    far.send('!');
    expect(text).toBe('banner\r\nsis> late!');
  });

  test('open() may be called again (the TUI opens what the CLI connected); state is the reconnecting one', async () => {
    const { port } = setup();
    const first = port.open();
    expect(port.open()).toBe(first);
    await first;
    expect(port.state.status).toBe('connected');
    expect(port.description).toBe('far');
    await port.close();
    expect(port.state).toEqual({ status: 'disconnected', reason: undefined, droppedBytes: 0 });
  });
});

describe('state lines', () => {
  test('connected and waiting are told; connecting and the final close are not', () => {
    const lastError = { kind: 'disconnected' as const, message: '/tmp/x/ttyB: device disconnected' };
    expect(describeState({ status: 'connected', droppedBytes: 0 }, '/tmp/x/ttyB')).toBe('connected to /tmp/x/ttyB');
    expect(describeState({ status: 'waiting', attempt: 3, delayMs: 400, retryAtMs: 0, lastError, droppedBytes: 0 }, 'x'))
      .toBe('disconnected: /tmp/x/ttyB: device disconnected; retrying in 0.4 s (attempt 3)');
    expect(describeState({ status: 'waiting', attempt: 7, delayMs: 2000, retryAtMs: 0, lastError, droppedBytes: 0 }, 'x'))
      .toBe('disconnected: /tmp/x/ttyB: device disconnected; retrying in 2 s (attempt 7)');
    expect(describeState({ status: 'connecting', attempt: 1, droppedBytes: 0 }, 'x')).toBeUndefined();
    expect(describeState({ status: 'disconnected', droppedBytes: 0 }, 'x')).toBeUndefined();
  });
});
