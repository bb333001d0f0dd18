import { loadWith, type CachePolicy, type LoadResult } from './load-feed.ts';
import { refreshFeed, type RefreshDeps, type RefreshResult } from './refresh-feed.ts';

/**
 * Wraps a keyed async function so that calls with a key already in flight share its promise
 * instead of starting again. The key is forgotten once the promise settles; `inFlight` lets the
 * caller forget one sooner (a cancelled call), so that the next call starts again.
 */
export function shareInFlight<K, V>(
  run: (key: K) => Promise<V>,
  inFlight = new Map<K, Promise<V>>(),
): (key: K) => Promise<V> {
  return (key) => {
    const running = inFlight.get(key);
    if (running) return running;
    const started = run(key).finally(() => {
      // A call forgotten early must not forget the one that replaced it.
      if (inFlight.get(key) === started) inFlight.delete(key);
    });
    inFlight.set(key, started);
    return started;
  };
}

/** Everything a feed client needs; no `signal`, since callers share requests (see `cancel`). */
export type FeedClientDeps = Omit<RefreshDeps, 'signal'>;

/** One page's (or one extension context's) access to feeds. */
export interface FeedClient {
  /** `loadFeed` with the client's policy; background refreshes go to subscribers. */
  load(url: string): Promise<LoadResult>;
  /** Asks the publisher now, whatever the age of the stored copy. */
  refresh(url: string): Promise<RefreshResult>;
  /** Calls `listener` with every refresh outcome of `url`; returns the unsubscribe function. */
  subscribe(url: string, listener: (result: RefreshResult) => void): () => void;
  /**
   * Aborts the request in flight for `url`, once nobody waits for it any more (the last view of
   * the feed left the page): its outcome is an `aborted` failure, which the store does not record
   * and views ignore (one cancelled too late, its download over, is a copy like any other). The
   * next call asks again. Returns whether a request was in flight.
   */
  cancel(url: string): boolean;
}

/**
 * Creates the feed client that everything on one page shares (make it once per page, in a module),
 * so that several badges and a dashboard showing one feed cause one read of the store and one
 * request: concurrent `load`s and `refresh`es of a URL share a single promise, and every
 * subscriber of that URL hears each refresh once.
 */
export function createFeedClient(deps: FeedClientDeps, policy: CachePolicy): FeedClient {
  const listeners = new Map<string, Set<(result: RefreshResult) => void>>();
  const refreshing = new Map<string, Promise<RefreshResult>>();
  const loading = new Map<string, Promise<LoadResult>>();
  const controllers = new Map<string, AbortController>();
  const refresh = shareInFlight(async (url: string) => {
    const controller = new AbortController();
    controllers.set(url, controller);
    const result = await refreshFeed(url, { ...deps, signal: controller.signal });
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
  }, refreshing);
  const load = shareInFlight(
    (url: string) => loadWith(url, deps.store, deps.now, policy, refresh),
    loading,
  );
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
    cancel(url) {
      if (!refreshing.delete(url)) return false;
      loading.delete(url);
      controllers.get(url)?.abort();
      return true;
    },
  };
}
