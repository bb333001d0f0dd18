/**
 * Feeds kept between visits, revalidated cheaply, never lost to a broken download.
 *
 * A front end makes one client per page (or extension context) and shares it:
 *
 * ```ts
 * const store = await openFeedStore('open-commitments-widget'); // memory if IndexedDB fails
 * const client = createFeedClient(
 *   {
 *     fetch: (url, init) => fetch(url, init),
 *     store,
 *     now: Date.now,
 *     // Validators to the page's own origin only: elsewhere they would need a CORS preflight.
 *     conditionalHeaders: (url) => new URL(url).origin === location.origin,
 *   },
 *   { maxAge: 5 * 60_000, staleWhileRevalidate: Infinity },
 * );
 * client.subscribe(url, (result) => {
 *   // 'updated': redraw; 'unchanged': nothing to do; 'failed': mark the shown copy as stale.
 * });
 * const first = await client.load(url); // a stored copy at once, else the network
 * ```
 *
 * Every badge and dashboard showing `url` then shares one store read and one request.
 */
export * from './feed-address.ts';
export * from './feed-store.ts';
export * from './idb-store.ts';
export * from './refresh-feed.ts';
export * from './load-feed.ts';
export * from './feed-client.ts';
