import { useMemo, useSyncExternalStore } from 'react';
import type { LiveFeed } from './live-feed.js';
import type { LiveSnapshot } from './types.js';

/** Whatever paces the feed's announcements (the console's frame gate). */
export interface SnapshotPace {
  gate(subscribe: LiveFeed['subscribe']): LiveFeed['subscribe'];
}

/** The feed's current snapshot; the component re-renders at most once per publication (passed through `pace`, if given). */
export function useLiveSnapshot(feed: LiveFeed, pace?: SnapshotPace): LiveSnapshot {
  const subscribe = useMemo(() => (pace ? pace.gate(feed.subscribe) : feed.subscribe), [feed, pace]);
  return useSyncExternalStore(subscribe, feed.getSnapshot);
}
