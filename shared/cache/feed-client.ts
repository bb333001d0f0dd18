import { loadWith, type CachePolicy, type LoadResult } from './load-feed.ts';
import { refreshFeed, type RefreshDeps, type RefreshResult } from './refresh-feed.ts';

/**
 * Wraps a keyed async function so that calls with a key already in flight share its promise
 * instead of starting again. The key is forgotten once the promise settles.
 */
export function shareInFlight<K, V>(run: (key: K) => Promise<V>): (key: K) => Promise<V> {
  const inFlight = new Map<K, Promise<V>>();
  return (key) => {
    const running = inFlight.get(key);
    if (running) return running;
    const started = run(key).finally(() => inFlight.delete(key));
    inFlight.set(key, started);
    return started;
  };
}

/** Everything a feed client needs; no per-call `signal`, since callers share requests. */
export type FeedClientDeps = Omit<RefreshDeps, 'signal'>;

/** One page's (or one extension context's) access to feeds. */
export interface FeedClient {
  /** `loadFeed` with the client's policy; background refreshes go to subscribers. */
  load(url: string): Promise<LoadResult>;
  /** Asks the publisher now, whatever the age of the stored copy. */
  refresh(url: string): Promise<RefreshResult>;
  /** Calls `listener` with every refresh outcome of `url`; returns the unsubscribe function. */
  subscribe(url: string, listener: (result: RefreshResult) => void): () => void;
}

/**
 * Creates the feed client that everything on one page shares (make it once per page, in a module),
 * so that several badges and a dashboard showing one feed cause one read of the store and one
 * request: concurrent `load`s and `refresh`es of a URL share a single promise, and every
 * subscriber of that URL hears each refresh once.
 */
export function createFeedClient(deps: FeedClientDeps, policy: CachePolicy): FeedClient {
  const listeners = new Map<string, Set<(result: RefreshResult) => void>>();
  const refresh = shareInFlight(async (url: string) => {
    const result = await refreshFeed(url, deps);
    for (const listener of [...(listeners.get(url) ?? [])]) {
      try {
        listener(result);
      } catch (error) {
        // One broken view must not keep the others stale.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
    return result;
  });
  const load = shareInFlight((url: string) => loadWith(url, deps.store, deps.now, policy, refresh));
  return {
    load,
    refresh,
    subscribe(url, listener) {
      let set = listeners.get(url);
      if (!set) listeners.set(url, (set = new Set()));
      set.add(listener);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(url);
      };
    },
  };
}
