import type { LiveSnapshot, LiveTest } from '../../tui/live-state/index.js';
import type { WireEngine, WireLaunch, WireLink, WireMessage } from '../wire.js';
import { pageStats } from './page-stats.js';
import { createRunSeries, type RunSeries } from './run-series.js';

export interface DashboardState {
  socket: 'open' | 'closed';
  link: WireLink | null;
  live: LiveSnapshot | null;
  /** The test shown: the running one, else the last one seen (the live state drops it at the prompt). */
  shownTest: LiveTest | null;
  busy: boolean;
  engine: WireEngine | null;
  launch: WireLaunch | null;
  write: boolean;
  /** Increases whenever results reach the history. */
  recorded: number;
  /** Increases with every `live` message applied (the bench reads it). */
  liveUpdates: number;
}

export interface EventStore {
  getState(): DashboardState;
  subscribe(listener: () => void): () => void;
  readonly series: RunSeries;
  /** Raw UART bytes for the web terminal. */
  onRaw(listener: (bytes: Uint8Array) => void): () => void;
  send(message: object): void;
}

function decode(base64: string): Uint8Array {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/** The `/events` WebSocket, reconnected while the page is open, folded into one state. */
export function createEventStore(url: string): EventStore {
  let state: DashboardState = { socket: 'closed', link: null, live: null, shownTest: null, busy: false, engine: null, launch: null, write: false, recorded: 0, liveUpdates: 0 };
  const listeners = new Set<() => void>();
  const rawListeners = new Set<(bytes: Uint8Array) => void>();
  const series = createRunSeries();
  let socket: WebSocket | null = null;
  let retryMs = 250;
  let scheduled = false;

  const update = (patch: Partial<DashboardState>): void => {
    state = { ...state, ...patch };
    if (scheduled) return;
    scheduled = true;
    // One render per animation frame, however many messages arrived in it.
    requestAnimationFrame(() => {
      scheduled = false;
      for (const listener of [...listeners]) listener();
    });
  };

  function handle(message: WireMessage): void {
    switch (message.type) {
      case 'hello':
        series.seed(message.live);
        if (message.scrollback) for (const listener of rawListeners) listener(decode(message.scrollback));
        return update({ link: message.link, live: message.live, shownTest: message.live.test, busy: message.busy, engine: message.engine, launch: message.launch, write: message.write });
      case 'parsed':
        if (series.apply(message.event)) update({});
        return;
      case 'raw': {
        const bytes = decode(message.data);
        for (const listener of rawListeners) listener(bytes);
        return;
      }
      case 'live':
        pageStats.liveMessages += 1;
        return update({ live: message.live, shownTest: message.live.test ?? state.shownTest, liveUpdates: state.liveUpdates + 1 });
      case 'link':
        return update({ link: message.link });
      case 'engine':
        return update({ engine: message.engine });
      case 'busy':
        return update({ busy: message.busy });
      case 'launch':
        return update({ launch: message.launch });
      case 'recorded':
        return update({ recorded: state.recorded + 1 });
    }
  }

  function connect(): void {
    const ws = new WebSocket(url);
    socket = ws;
    ws.onopen = () => {
      retryMs = 250;
      update({ socket: 'open' });
    };
    ws.onmessage = (event) => handle(JSON.parse(String(event.data)) as WireMessage);
    ws.onclose = () => {
      socket = null;
      update({ socket: 'closed' });
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 4000);
    };
  }
  connect();

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    series,
    onRaw(listener) {
      rawListeners.add(listener);
      return () => rawListeners.delete(listener);
    },
    send(message) {
      if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
    },
  };
}
