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
