import type { ReconnectingPort, ReconnectState } from '../../uart/index.js';

/** One line for a connection state worth telling the user about, or undefined. */
export function describeState(state: ReconnectState, description: string): string | undefined {
  switch (state.status) {
    case 'connected':
      return `connected to ${description}`;
    case 'waiting':
      return `disconnected: ${state.lastError.message}; retrying in ${Number((state.delayMs / 1000).toFixed(1))} s ` +
        `(attempt ${state.attempt})`;
    default:
      return undefined;
  }
}

const keyOf = (state: ReconnectState): string =>
  state.status === 'waiting' ? `waiting ${state.attempt} ${state.retryAtMs}` : state.status;

/**
 * Calls `report` with one line per connection change: each (re)connection and each wait before
 * a retry. The state the port is in when this is called is the caller's to tell (`connected to`
 * after the first connect): it is not told again. The final close is not reported here: whoever
 * ends the session says why.
 */
export function reportStates(port: ReconnectingPort, report: (line: string) => void): () => void {
  let last = keyOf(port.state);
  return port.onState((state) => {
    const key = keyOf(state);
    if (key === last) return;
    last = key;
    const line = describeState(state, port.description);
    if (line !== undefined) report(line);
  });
}
