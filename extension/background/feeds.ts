/**
 * Where the background finds feeds: the core's IndexedDB feed store for downloaded copies, and
 * the packaged snapshots of the bundled directory, parsed on demand.
 */
import { createPageIndex, parseFeed, type Feed, type PageIndex } from '../../shared/index.ts';
import { feedAddress, openFeedStore, type FeedStore } from '../../shared/cache/index.ts';
import { directoryEntry } from '../feeds/directory.ts';
import { usesPattern } from '../permissions/own-pages.ts';
import { db, type Subscription } from './db.ts';
import type { Stale } from '../messaging/protocol.ts';

/** The feed store's database name (the core's schema). */
export const FEED_DB_NAME = 'open-commitments-feeds';

let store: Promise<FeedStore> | undefined;

/** The feed store (one connection per worker lifetime). */
export function feedStore(): Promise<FeedStore> {
  store ??= openFeedStore(FEED_DB_NAME);
  return store;
}

/**
 * `fetch` for feed downloads. Refuses an answer that a redirect brought from `https:` down to
 * `http:`, where anyone on the way could have written it.
 */
export async function feedFetch(url: string, init: RequestInit): Promise<Response> {
  const response = await fetch(url, init);
  if (response.redirected && url.startsWith('https:') && !response.url.startsWith('https:')) {
    void response.body?.cancel().catch(() => undefined);
    throw new TypeError(`redirected to ${response.url}, which is not encrypted`);
  }
  return response;
}

/**
 * `feedFetch`, with where the last answer was redirected to (its address as `feedAddress` spells
 * it), if it was: a feed that moved is the same feed at both addresses.
 */
export function feedFetchNotingMoves(): {
  fetch: typeof feedFetch;
  movedTo: () => string | undefined;
} {
  let movedTo: string | undefined;
  return {
    fetch: async (url, init) => {
      const response = await feedFetch(url, init);
      const to = response.redirected && response.url ? feedAddress(response.url) : undefined;
      movedTo = to !== feedAddress(url) ? to : undefined;
      return response;
    },
    movedTo: () => movedTo,
  };
}

const snapshots = new Map<string, Feed | null>();

/** The parsed snapshot of a bundled feed; a snapshot that does not parse is skipped. */
export function bundledFeed(feedId: string): Feed | undefined {
  if (!snapshots.has(feedId)) {
    const entry = directoryEntry(feedId);
    const result = entry ? parseFeed(entry.snapshot) : undefined;
    snapshots.set(feedId, result?.ok ? result.feed : null);
  }
  return snapshots.get(feedId) ?? undefined;
}

/** The best copy of a subscription's feed: its last good download, else its snapshot. */
export async function feedOf(sub: Subscription): Promise<Feed | undefined> {
  if (sub.url) {
    const stored = await (await feedStore()).get(sub.url);
    if (stored) return stored.feed;
  }
  return sub.bundled ? bundledFeed(sub.feedId) : undefined;
}

/** A subscription's copy in use, whether it is paused, and whether its last refresh failed. */
export interface SubscribedFeed {
  readonly feedId: string;
  readonly feed: Feed;
  readonly paused: boolean;
  readonly stale?: Stale;
}

/**
 * Every subscription that has a copy; paused ones only with `paused`, so that reading the feeds in
 * use (on each page load) never reads a paused feed's copy only to leave it out.
 */
export async function subscribedFeeds(
  options: { paused?: boolean } = {},
): Promise<SubscribedFeed[]> {
  const subs = await (await db()).getAll('subscriptions');
  const out: SubscribedFeed[] = [];
  for (const sub of subs) {
    if (sub.paused && !options.paused) continue;
    const stored = sub.url ? await (await feedStore()).get(sub.url) : undefined;
    const feed = stored?.feed ?? (sub.bundled ? bundledFeed(sub.feedId) : undefined);
    if (!feed) continue;
    const failedAt = stored?.lastError?.at;
    out.push({
      feedId: sub.feedId,
      feed,
      paused: sub.paused,
      ...(stored && failedAt !== undefined ? { stale: { asOf: stored.checkedAt, failedAt } } : {}),
    });
  }
  return out;
}

/**
 * The page index over every feed in use, and those feeds by id; with `paused`, over paused
 * subscriptions too (the popup lists their commitments, marked as paused).
 */
export async function pageIndex(options: { paused?: boolean } = {}): Promise<{
  index: PageIndex;
  feeds: Map<string, Feed>;
  used: Map<string, SubscribedFeed>;
}> {
  const feeds = await subscribedFeeds(options);
  return {
    // A feed names its publisher's own pages: never every site, nor every site under a public
    // suffix (see `usesPattern`).
    index: createPageIndex(feeds, { keep: usesPattern }),
    feeds: new Map(feeds.map((f) => [f.feedId, f.feed])),
    used: new Map(feeds.map((f) => [f.feedId, f])),
  };
}
