import { systemClock } from '../../../uart/index.js';
import type { ParserEvent } from '../../parser/index.js';
import { createLiveStore, type LiveStoreOptions } from './live-store.js';
import type { LiveSnapshot } from './types.js';

export interface LiveFeedOptions extends LiveStoreOptions {
  /** Least wall time between two published snapshots, in ms (default 50). */
  minIntervalMs?: number;
}

/**
 * The live store behind a throttle, shaped for React's `useSyncExternalStore`: events are folded
 * at once, but a new snapshot is built and announced at most once per `minIntervalMs`. The first
 * change after a quiet spell publishes at once; later ones within the interval publish together
 * when it ends.
 */
export interface LiveFeed {
  push(events: Iterable<ParserEvent>): void;
  /** The last published snapshot; the same object until the next publication. */
  getSnapshot(): LiveSnapshot;
  subscribe(listener: () => void): () => void;
  /** Publishes pending changes now (e.g. at the end of a stream). */
  flush(): void;
  /** Cancels a pending publication and drops the listeners. */
  dispose(): void;
}

export function createLiveFeed(options: LiveFeedOptions = {}): LiveFeed {
  const store = createLiveStore(options);
  const minInterval = options.minIntervalMs ?? 50;
  const clock = options.clock ?? systemClock;
  const listeners = new Set<() => void>();
  let snapshot = store.snapshot(0);
  let version = 0;
  let dirty = false;
  let lastPublish = -Infinity;
  let timer: unknown = null;

  function publish(): void {
    if (!dirty) return;
    dirty = false;
    version += 1;
    snapshot = store.snapshot(version);
    lastPublish = clock.now();
    for (const listener of [...listeners]) listener();
  }

  function schedule(): void {
    if (timer !== null) return;
    const wait = lastPublish + minInterval - clock.now();
    if (wait <= 0) {
      publish();
      return;
    }
    timer = clock.setTimer(() => {
      timer = null;
      publish();
    }, wait);
  }

  function cancelTimer(): void {
    if (timer === null) return;
    clock.clearTimer(timer);
    timer = null;
  }

  return {
    push(events) {
      for (const event of events) if (store.apply(event)) dirty = true;
      if (dirty) schedule();
    },
    getSnapshot: () => snapshot,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    flush() {
      cancelTimer();
      publish();
    },
    dispose() {
      cancelTimer();
      listeners.clear();
    },
  };
}
