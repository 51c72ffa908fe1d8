export { autonomyFromLine } from './autonomy.js';
export { createLiveFeed } from './live-feed.js';
export type { LiveFeed, LiveFeedOptions } from './live-feed.js';
export { createLiveStore } from './live-store.js';
export type { LiveStore, LiveStoreOptions } from './live-store.js';
export { RingBuffer } from './ring-buffer.js';
export { SeriesSummary } from './series-summary.js';
export { useLiveSnapshot } from './use-live-snapshot.js';
export type * from './types.js';
