import { describe, expect, test } from '@jest/globals';
import { reportStates } from '../../../shell/connect/index.js';
import { portError, type ReconnectingPort, type ReconnectState } from '../../../uart/index.js';

/** Just enough of a reconnecting port to drive its state by hand. */
function statePort(initial: ReconnectState): ReconnectingPort & { set(state: ReconnectState): void } {
  const listeners = new Set<(state: ReconnectState) => void>();
  let state = initial;
  return {
    description: 'tcp:127.0.0.1:4444',
    get state() {
      return state;
    },
    onState(listener: (state: ReconnectState) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(next: ReconnectState) {
      state = next;
      for (const listener of listeners) listener(next);
    },
  } as unknown as ReconnectingPort & { set(state: ReconnectState): void };
}

describe('reportStates', () => {
  test('the connection already told by the caller is not told again; a reconnection is', () => {
    const port = statePort({ status: 'connected', droppedBytes: 0 });
    const lines: string[] = [];
    reportStates(port, (line) => lines.push(line));
    port.set({ status: 'connected', droppedBytes: 0 });
    expect(lines).toEqual([]);
    const lastError = portError('disconnected', 'tcp:127.0.0.1:4444: connection closed by the remote end');
    port.set({ status: 'waiting', attempt: 1, delayMs: 100, retryAtMs: 1000, lastError, droppedBytes: 0 } as ReconnectState);
    port.set({ status: 'connecting', attempt: 1, droppedBytes: 0 } as ReconnectState);
    port.set({ status: 'connected', droppedBytes: 0 });
    expect(lines).toEqual([
      'disconnected: tcp:127.0.0.1:4444: connection closed by the remote end; retrying in 0.1 s (attempt 1)',
      'connected to tcp:127.0.0.1:4444',
    ]);
  });
});
