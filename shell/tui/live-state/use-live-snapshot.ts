import { useSyncExternalStore } from 'react';
import type { LiveFeed } from './live-feed.js';
import type { LiveSnapshot } from './types.js';

/** The feed's current snapshot; the component re-renders at most once per publication. */
export function useLiveSnapshot(feed: LiveFeed): LiveSnapshot {
  return useSyncExternalStore(feed.subscribe, feed.getSnapshot);
}
