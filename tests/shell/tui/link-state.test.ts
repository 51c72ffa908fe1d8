import { describe, expect, test } from '@jest/globals';
import { portError } from '../../../uart/index.js';
import { linkChangeNote } from '../../../shell/tui/link-state.js';

const gone = portError('disconnected', 'tcp:127.0.0.1:4444: connection reset');

describe('a link change is one scrollback line', () => {
  test('down with its reason and whether it is retried; back up as reconnected', () => {
    const waiting = { status: 'waiting', attempt: 1, retryAtMs: 0, delayMs: 250, lastError: gone, droppedBytes: 0 } as const;
    expect(linkChangeNote('tcp:127.0.0.1:4444', waiting, true, true)).toBe(
      'tcp:127.0.0.1:4444 link down: tcp:127.0.0.1:4444: connection reset (reconnecting)',
    );
    expect(linkChangeNote('tcp:x', { status: 'connected', droppedBytes: 0 }, false, true)).toBe('tcp:x reconnected');
    expect(linkChangeNote('tcp:x', { status: 'connected', droppedBytes: 0 }, false, false)).toBe('tcp:x connected');
    expect(linkChangeNote('/dev/ttyUSB0', { status: 'disconnected', reason: gone, droppedBytes: 0 }, true, true)).toBe(
      '/dev/ttyUSB0 link down: tcp:127.0.0.1:4444: connection reset',
    );
  });

  test('no line while the state stays up or stays down', () => {
    expect(linkChangeNote('tcp:x', { status: 'connected', droppedBytes: 0 }, true, true)).toBeNull();
    expect(linkChangeNote('tcp:x', { status: 'connecting', attempt: 2, droppedBytes: 0 }, false, true)).toBeNull();
    expect(linkChangeNote('virtual', undefined, true, true)).toBeNull();
  });
});
