import { readStored, type FeedStore, type StoredFeed } from './feed-store.ts';
import { refreshFeed, type RefreshDeps, type RefreshResult } from './refresh-feed.ts';

/**
 * How long a stored copy may be shown, as data (milliseconds), so that the widget and the
 * extension tune it without touching the logic.
 */
export interface CachePolicy {
  /** A copy checked less than this long ago is shown without asking the publisher. */
  readonly maxAge: number;
  /**
   * Past `maxAge`, for this much longer the copy is still shown at once while a refresh runs in
   * the background; later, the caller waits for the network. `Infinity`: always show at once.
   */
  readonly staleWhileRevalidate: number;
}

/**
 * What `loadFeed` gives at once. `cached` is a stored copy: `stale` when it is past `maxAge`,
 * and then `revalidating` tells whether a background refresh was started (its outcome goes to the
 * callback). Otherwise the network was asked first and this is its outcome; a `failed` one still
 * carries the last good copy, if any, to show as stale.
 */
export type LoadResult =
  | {
      readonly kind: 'cached';
      readonly entry: StoredFeed;
      readonly stale: boolean;
      readonly revalidating: boolean;
    }
  | RefreshResult;

/**
 * Stale-while-revalidate: the stored copy of `url` at once when it is recent enough, else the
 * network. `onRevalidated` receives the outcome of a background refresh (`unchanged`: nothing to
 * redraw; `failed`: show the copy as stale).
 */
export function loadFeed(
  url: string,
  deps: RefreshDeps,
  policy: CachePolicy,
  onRevalidated?: (result: RefreshResult) => void,
): Promise<LoadResult> {
  return loadWith(url, deps.store, deps.now, policy, (u) => refreshFeed(u, deps), onRevalidated);
}

/** `loadFeed` with the refresh passed in, so that a client can share fetches. */
export async function loadWith(
  url: string,
  store: FeedStore,
  now: () => number,
  policy: CachePolicy,
  refresh: (url: string) => Promise<RefreshResult>,
  onRevalidated?: (result: RefreshResult) => void,
): Promise<LoadResult> {
  const entry = await readStored(store, url);
  if (!entry) return refresh(url);
  const age = now() - entry.checkedAt;
  // A clock that went backwards makes the age negative, a record without `checkedAt` NaN: then
  // the copy's age is unknown.
  if (!(age >= 0) || age >= policy.maxAge + policy.staleWhileRevalidate) return refresh(url);
  const stale = age >= policy.maxAge;
  if (stale) void refresh(url).then((result) => onRevalidated?.(result));
  return { kind: 'cached', entry, stale, revalidating: stale };
}
