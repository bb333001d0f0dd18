export * from './feed-store.ts';
export * from './idb-store.ts';
export * from './refresh-feed.ts';
export * from './load-feed.ts';
export * from './feed-client.ts';
