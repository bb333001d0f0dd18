/**
 * One live copy of each feed per page, shared by every dashboard and badge showing it: ten badges
 * and a dashboard on one page make one request (through the shared cache's feed client), and all
 * repaint when it answers.
 *
 * The registry sits on `globalThis` under a `Symbol.for` key, so that the dashboard bundle and the
 * badge bundle (two copies of this module) also share it; its key names a version, bumped when
 * what it holds changes (v2: the client cancels), so that bundles of two releases on one page
 * keep apart instead of calling what the other lacks. The last good copy is kept in IndexedDB
 * (memory where that is unavailable) and shown at once on the next visit; the cache never
 * replaces it with a refused one.
 */
import { feedAddress } from '../../shared/cache/feed-address.ts';
import { createFeedClient, type FeedClient } from '../../shared/cache/feed-client.ts';
import type { FeedStore, StoredFeed } from '../../shared/cache/feed-store.ts';
import { openFeedStore } from '../../shared/cache/idb-store.ts';
import type { CachePolicy, LoadResult } from '../../shared/cache/load-feed.ts';
import type { RefreshError } from '../../shared/cache/refresh-feed.ts';
import { WIDGET_SLICING } from './yield-to-main.ts';

/** The IndexedDB database of the widget (the shared cache requires the `open-commitments` prefix). */
export const WIDGET_DB_NAME = 'open-commitments-widget';

/**
 * Show the stored copy at once, however old, and always ask the publisher behind it (a
 * conditional request, so usually a 304).
 */
export const WIDGET_CACHE_POLICY: CachePolicy = { maxAge: 0, staleWhileRevalidate: Infinity };

/**
 * How often a visible page asks the publisher again for a feed an element keeps fresh, and how old
 * a check may be when a new view of the feed appears, or the page is shown again, before it is asked.
 */
const REFRESH_MS = 5 * 60 * 1000;

/** What a component shows for a feed URL. */
export interface FeedState {
  /** `loading` until a copy (stored or fresh) or a failure is known. */
  readonly phase: 'loading' | 'ready' | 'error';
  /** The copy shown: fresh, or the last good one. */
  readonly entry?: StoredFeed;
  /** The latest refresh failure; with an `entry`, the copy shown is stale. */
  readonly error?: RefreshError;
  /** Bumped whenever what a reader sees changes, so components skip needless renders. */
  readonly revision: number;
}

/** Called with the new state whenever it changes. */
export type FeedListener = (state: FeedState) => void;

/** The live copy of one feed. */
export interface FeedSource {
  readonly url: string;
  readonly state: FeedState;
  /** When the publisher was last asked (ms since the epoch), 0 before. */
  readonly checkedAt: number;
  /** Asks the publisher now, or joins the request in flight. */
  refresh(): Promise<void>;
  /** Calls `listener` on every change; the first subscriber starts loading. Returns the unsubscribe. */
  subscribe(listener: FeedListener): () => void;
  /**
   * Asks the publisher every 5 minutes while the page is visible, and at once when it is shown
   * again after longer, until the returned function is called by every element that asked. One
   * timer per feed: a dashboard and ten badges of it make one request each time.
   */
  keepFresh(): () => void;
}

interface Registry {
  readonly sources: Map<string, FeedSource>;
  client?: FeedClient;
}

const REGISTRY = Symbol.for('open-commitments.feed-sources.v2');

function registry(): Registry {
  const holder = globalThis as unknown as Record<symbol, Registry | undefined>;
  return (holder[REGISTRY] ??= { sources: new Map() });
}

/** The page's one store, opened on first use: IndexedDB, else memory. */
function lazyStore(): FeedStore {
  let opened: Promise<FeedStore> | undefined;
  const store = () => (opened ??= openFeedStore(WIDGET_DB_NAME, { slicing: WIDGET_SLICING }));
  return {
    get: async (url) => (await store()).get(url),
    put: async (entry) => (await store()).put(entry),
    delete: async (url) => (await store()).delete(url),
    list: async () => (await store()).list(),
  };
}

function client(): FeedClient {
  const reg = registry();
  return (reg.client ??= createFeedClient(
    {
      // The feed's host needs no more than the Origin a CORS request carries: not the address of
      // the page, which some pages would send in full (`Referrer-Policy: unsafe-url`).
      fetch: (url, init) => fetch(url, { ...init, referrerPolicy: 'no-referrer' }),
      // If-None-Match / If-Modified-Since make a request to another origin need a CORS preflight,
      // which static hosts often refuse: there the browser's HTTP cache revalidates instead. A
      // same-origin feed sends them, and an unchanged one costs a 304 and no parsing.
      conditionalHeaders: isSameOrigin,
      store: lazyStore(),
      now: () => Date.now(),
      slicing: WIDGET_SLICING,
    },
    WIDGET_CACHE_POLICY,
  ));
}

function isSameOrigin(url: string): boolean {
  return new URL(url, document.baseURI).origin === location.origin;
}

/**
 * The shared live copy of the feed at `url` (resolved against the page). The first subscriber
 * reads the stored copy and asks the publisher; later ones get the same state.
 */
export function feedSource(url: string): FeedSource {
  // `feed.json#e1` is the same feed, and shares its one request.
  const absolute = feedAddress(url, document.baseURI);
  const reg = registry();
  let source = reg.sources.get(absolute);
  if (!source) {
    source = createSource(absolute, client());
    reg.sources.set(absolute, source);
  }
  return source;
}

function createSource(url: string, feeds: FeedClient): FeedSource {
  const listeners = new Set<FeedListener>();
  let state: FeedState = { phase: 'loading', revision: 0 };
  let checkedAt = 0;
  let started = false;
  let keepers = 0;
  let timer: ReturnType<typeof setInterval> | undefined;

  const set = (next: Omit<FeedState, 'revision'>): void => {
    state = { ...next, revision: state.revision + 1 };
    for (const listener of [...listeners]) listener(state);
  };

  // Outcomes may arrive twice (from `load` and from the subscription): applying one is idempotent.
  const apply = (result: LoadResult): void => {
    // A download cancelled because no view was left is no failure: whoever comes next asks again.
    if (result.kind === 'failed' && result.error.reason === 'aborted') return;
    if (result.kind === 'cached') {
      if (!state.entry) set({ phase: 'ready', entry: result.entry });
      return;
    }
    checkedAt = Date.now();
    if (result.kind === 'failed') {
      if (state.error === result.error) return;
      const entry = result.entry ?? state.entry;
      set(
        entry
          ? { phase: 'ready', entry, error: result.error }
          : { phase: 'error', error: result.error },
      );
      return;
    }
    const nothingNew =
      state.entry !== undefined &&
      state.error === undefined &&
      (result.kind === 'unchanged' || state.entry === result.entry);
    if (!nothingNew) set({ phase: 'ready', entry: result.entry });
  };

  const refresh = async (): Promise<void> => apply(await feeds.refresh(url));

  const start = (): void => {
    if (started) return;
    started = true;
    void feeds.load(url).then(apply, (error: unknown) => {
      set({
        phase: 'error',
        error: { reason: 'network', message: `Feed ${url}: ${String(error)}` },
      });
    });
  };

  // A hidden page is not woken; shown again, it asks at once if the copy is due.
  const schedule = (): void => {
    const run = keepers > 0 && document.visibilityState === 'visible';
    if (run === (timer !== undefined)) return;
    clearInterval(timer);
    timer = run ? setInterval(() => void refresh(), REFRESH_MS) : undefined;
  };

  const onVisibility = (): void => {
    schedule();
    if (timer !== undefined && Date.now() - checkedAt >= REFRESH_MS) void refresh();
  };

  feeds.subscribe(url, apply);
  // Back online after a failure: asked again at once, not at the next refresh (five minutes on,
  // or never with no-refresh), so that the notice of a stale copy goes with the outage.
  addEventListener('online', () => {
    if (listeners.size && state.error) void refresh();
  });
  return {
    url,
    get state() {
      return state;
    },
    get checkedAt() {
      return checkedAt;
    },
    refresh,
    keepFresh() {
      if (!keepers++) document.addEventListener('visibilitychange', onVisibility);
      schedule();
      let kept = true;
      return () => {
        if (kept && !--keepers) document.removeEventListener('visibilitychange', onVisibility);
        kept = false;
        schedule();
      };
    },
    subscribe(listener) {
      // A view shown again later (a single-page site coming back to it) asks again if the copy
      // was last checked long ago, as a page's first view does.
      if (checkedAt && Math.abs(Date.now() - checkedAt) >= REFRESH_MS) void refresh();
      listeners.add(listener);
      start();
      return () => {
        listeners.delete(listener);
        // The last view gone stops the download nobody waits for (a single-page site leaving a
        // page with a large feed), but only a task later: an element moved in the page leaves
        // and comes back at once, and keeps it.
        setTimeout(() => {
          if (!listeners.size && feeds.cancel(url)) started = false;
        });
      };
    },
  };
}
