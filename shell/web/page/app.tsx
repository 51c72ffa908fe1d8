import { lazy, Suspense, useState, useSyncExternalStore } from 'react';
import { CompareView } from './compare-view.js';
import type { EventStore } from './event-store.js';
import { HistoryTable } from './history-table.js';
import { Launcher } from './launcher.js';
import { LinkBadge } from './link-badge.js';
import { LiveView } from './live-view.js';

// xterm.js is the largest part of the page: it loads after the live view has drawn.
const WebConsole = lazy(() => import('./web-console.js').then((m) => ({ default: m.WebConsole })));

export function App({ store, version }: { store: EventStore; version: string }) {
  const state = useSyncExternalStore(store.subscribe, store.getState);
  const [selected, setSelected] = useState<string[]>([]);
  return (
    <div className="app">
      <header>
        <h1>sis dashboard</h1>
        <LinkBadge state={state} />
        <span className={`busy ${state.busy ? 'on' : ''}`} data-testid="busy">{state.busy ? 'running' : 'idle'}</span>
        {state.engine && (
          <span className="engine" data-testid="engine" title="line: the prompt is known, runs are queued for it; raw: keys pass through">
            {state.engine.mode} mode{state.engine.queued > 0 ? `, ${state.engine.queued} queued` : ''}
          </span>
        )}
        <a href="/api/openapi.json">API</a>
        <small>v{version}</small>
      </header>
      <main>
        <LiveView state={state} series={store.series} />
        <div className="side">
          <Launcher state={state} />
          <Suspense fallback={<section className="panel console">Console loading…</section>}>
            <WebConsole store={store} write={state.write} mode={state.engine?.mode ?? 'raw'} />
          </Suspense>
        </div>
        <HistoryTable recorded={state.recorded} selected={selected} onSelect={setSelected} />
        <CompareView ids={selected} />
      </main>
    </div>
  );
}
