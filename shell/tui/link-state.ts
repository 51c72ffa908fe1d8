import type { ReconnectState } from '../../uart/index.js';
import type { LinkState } from './views/index.js';

/** A port that may tell its connection state (a reconnecting port does). */
export interface StatefulPort {
  readonly state?: ReconnectState;
  onState?(listener: (state: ReconnectState) => void): () => void;
}

export function linkState(state: ReconnectState | undefined, nowMs: number): LinkState {
  if (!state) return { kind: 'connected' };
  switch (state.status) {
    case 'connecting':
      return { kind: 'connecting' };
    case 'connected':
      return { kind: 'connected' };
    case 'waiting':
      return { kind: 'waiting', retryInMs: Math.max(0, state.retryAtMs - nowMs) };
    case 'disconnected':
      return { kind: 'disconnected', reason: state.reason?.message ?? null };
  }
}

/**
 * The one dim scrollback line for a change of the link: `tcp:…:4444 link down: ECONNRESET
 * (reconnecting)`, `tcp:…:4444 reconnected`; null when it is not a change between up and down.
 */
export function linkChangeNote(description: string, state: ReconnectState | undefined, wasUp: boolean, everUp: boolean): string | null {
  const up = state === undefined || state.status === 'connected';
  if (up === wasUp) return null;
  if (up) return `${description} ${everUp ? 'reconnected' : 'connected'}`;
  const reason = state.status === 'waiting' ? state.lastError.message : state.status === 'disconnected' ? state.reason?.message : undefined;
  const retrying = state.status === 'waiting' || state.status === 'connecting';
  return `${description} link down${reason ? `: ${reason}` : ''}${retrying ? ' (reconnecting)' : ''}`;
}
