import type { Feed, FeedIssue } from '../feed/types.ts';

/**
 * The last good copy of one feed, with what is needed to revalidate it cheaply.
 *
 * Only a feed that `parseFeed` accepted is ever stored: a refused download records `lastError` on
 * the entry and leaves `feed` as it was.
 */
export interface StoredFeed {
  /** The feed URL, as asked for (the key). */
  readonly url: string;
  readonly feed: Feed;
  /** What the tolerant parser dropped from this copy, by JSON path. */
  readonly warnings: readonly FeedIssue[];
  /** The `ETag` of this copy, sent back as `If-None-Match`. */
  readonly etag?: string;
  /** The `Last-Modified` of this copy, sent back as `If-Modified-Since`. */
  readonly lastModified?: string;
  /** When this copy's content was downloaded (ms since the epoch); the same again keeps it. */
  readonly fetchedAt: number;
  /** When the publisher last confirmed this copy, by a 200 or a 304 (ms since the epoch). */
  readonly checkedAt: number;
  /** The latest failed refresh, cleared by the next successful one. */
  readonly lastError?: StoredError;
}

/** Why a refresh failed, for choosing a message in the viewer's language. */
export type RefreshFailure = 'network' | 'timeout' | 'aborted' | 'http' | 'too-large' | 'refused';

/** Why the latest refresh of a stored feed failed. */
export interface StoredError {
  /** When it failed (ms since the epoch). */
  readonly at: number;
  /** In English, naming the feed URL: for logs and the publisher. */
  readonly message: string;
  /** Why, to be worded in the viewer's language (absent from copies stored by older versions). */
  readonly reason?: RefreshFailure;
  /** The HTTP status, when `reason` is `http`. */
  readonly status?: number;
  /** The parser's errors, when the feed was refused. */
  readonly errors?: readonly FeedIssue[];
}

/**
 * Where feeds are kept between visits. The extension and the widget pass one to the cache
 * functions; tests pass the memory store. Methods may reject (quota, a closed database).
 */
export interface FeedStore {
  get(url: string): Promise<StoredFeed | undefined>;
  put(entry: StoredFeed): Promise<void>;
  delete(url: string): Promise<void>;
  /** Every stored feed, ordered by URL. */
  list(): Promise<StoredFeed[]>;
}

/**
 * A store that lives as long as the page: the fallback where IndexedDB is unavailable (some
 * private modes), and the store of tests. Entries are kept by reference; `Feed` is read-only.
 */
export function createMemoryFeedStore(): FeedStore {
  const entries = new Map<string, StoredFeed>();
  return {
    get: async (url) => entries.get(url),
    put: async (entry) => {
      entries.set(entry.url, entry);
    },
    delete: async (url) => {
      entries.delete(url);
    },
    // By UTF-16 code units, like IndexedDB keys, independently of the locale.
    list: async () => [...entries.values()].sort((a, b) => (a.url < b.url ? -1 : 1)),
  };
}

/**
 * The stored copy of `url`, or undefined when the store fails, even by throwing: a broken store
 * (closed database, storage disabled) must not keep a feed from loading.
 */
export function readStored(store: FeedStore, url: string): Promise<StoredFeed | undefined> {
  return Promise.resolve()
    .then(() => store.get(url))
    .catch(() => undefined);
}
