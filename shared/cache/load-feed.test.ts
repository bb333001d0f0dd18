import { describe, expect, it } from 'vitest';
import { createMemoryFeedStore } from './feed-store.ts';
import { loadFeed, type CachePolicy } from './load-feed.ts';
import { refreshFeed, type RefreshResult } from './refresh-feed.ts';
import { deferred, fakeClock, feedJson, ok, scriptedFetch } from './test-support.ts';

const FEED_URL = 'https://www.exemple.fr/engagements.json';
const MINUTE = 60_000;
const POLICY: CachePolicy = { maxAge: 10 * MINUTE, staleWhileRevalidate: 60 * MINUTE };
const V1 = feedJson();
const V2 = feedJson({ updated: '2026-12-10T09:00:00Z' });

/** A store holding V1, checked at the clock's current time. */
async function primed(clock: ReturnType<typeof fakeClock>) {
  const store = createMemoryFeedStore();
  await refreshFeed(FEED_URL, { fetch: scriptedFetch(ok(V1)).fetch, store, now: clock.now });
  return store;
}

describe('loadFeed', () => {
  it('fetches when nothing is stored', async () => {
    const { fetch, calls } = scriptedFetch(ok(V1));
    const result = await loadFeed(
      FEED_URL,
      { fetch, store: createMemoryFeedStore(), now: Date.now },
      POLICY,
    );
    expect(result.kind).toBe('updated');
    expect(calls).toHaveLength(1);
  });

  it('shows a recent copy without asking the network', async () => {
    const clock = fakeClock();
    const store = await primed(clock);
    clock.advance(9 * MINUTE);
    const { fetch, calls } = scriptedFetch(ok(V2));
    const result = await loadFeed(FEED_URL, { fetch, store, now: clock.now }, POLICY);
    expect(result).toMatchObject({ kind: 'cached', stale: false, revalidating: false });
    expect(calls).toHaveLength(0);
  });

  it('shows an older copy at once and reports the background refresh', async () => {
    const clock = fakeClock();
    const store = await primed(clock);
    clock.advance(30 * MINUTE);
    const response = deferred<Response>();
    const { fetch, calls } = scriptedFetch(() => response.promise);
    const revalidated = deferred<RefreshResult>();

    const result = await loadFeed(
      FEED_URL,
      { fetch, store, now: clock.now },
      POLICY,
      revalidated.resolve,
    );
    // The network has not answered yet, and the stored copy is already there to show.
    expect(result).toMatchObject({ kind: 'cached', stale: true, revalidating: true });
    expect(result.entry?.feed.updated).toBe('2026-11-30T09:00:00Z');

    response.resolve(new Response(V2));
    const refreshed = await revalidated.promise;
    expect(calls).toHaveLength(1);
    expect(refreshed.kind).toBe('updated');
    expect(refreshed.entry?.feed.updated).toBe('2026-12-10T09:00:00Z');
  });

  it('reports a background refresh that found nothing new as unchanged', async () => {
    const clock = fakeClock();
    const store = await primed(clock);
    clock.advance(30 * MINUTE);
    const revalidated = deferred<RefreshResult>();
    const { fetch } = scriptedFetch(() => new Response(V1));
    await loadFeed(FEED_URL, { fetch, store, now: clock.now }, POLICY, revalidated.resolve);
    expect((await revalidated.promise).kind).toBe('unchanged');
  });

  it('reports a failed background refresh, keeping the copy', async () => {
    const clock = fakeClock();
    const store = await primed(clock);
    clock.advance(30 * MINUTE);
    const revalidated = deferred<RefreshResult>();
    const { fetch } = scriptedFetch(() => new Response('', { status: 502 }));
    await loadFeed(FEED_URL, { fetch, store, now: clock.now }, POLICY, revalidated.resolve);
    const failed = await revalidated.promise;
    expect(failed.kind).toBe('failed');
    expect(failed.entry?.feed.updated).toBe('2026-11-30T09:00:00Z');
    expect(failed.entry?.lastError?.message).toContain(FEED_URL);
  });

  it('waits for the network when the copy is too old, and falls back to it on failure', async () => {
    const clock = fakeClock();
    const store = await primed(clock);
    clock.advance(2 * 60 * MINUTE);
    const { fetch, calls } = scriptedFetch(() => Promise.reject(new TypeError('offline')));
    const result = await loadFeed(FEED_URL, { fetch, store, now: clock.now }, POLICY);
    expect(calls).toHaveLength(1);
    expect(result.kind).toBe('failed');
    expect(result.entry?.feed.updated).toBe('2026-11-30T09:00:00Z');
  });

  it('shows any copy at once when the policy allows unlimited staleness', async () => {
    const clock = fakeClock();
    const store = await primed(clock);
    clock.advance(365 * 24 * 60 * MINUTE);
    const { fetch } = scriptedFetch(ok(V2));
    const result = await loadFeed(
      FEED_URL,
      { fetch, store, now: clock.now },
      { maxAge: 0, staleWhileRevalidate: Infinity },
    );
    expect(result).toMatchObject({ kind: 'cached', stale: true });
  });

  it('does not trust a copy checked in the future (a clock set back)', async () => {
    const clock = fakeClock();
    const store = await primed(clock);
    clock.advance(-24 * 60 * MINUTE);
    const { fetch, calls } = scriptedFetch(ok(V2));
    const result = await loadFeed(FEED_URL, { fetch, store, now: clock.now }, POLICY);
    expect(calls).toHaveLength(1);
    expect(result.kind).toBe('updated');
  });

  it('does not trust a copy whose check time is unknown', async () => {
    const clock = fakeClock();
    const store = await primed(clock);
    const copy = await store.get(FEED_URL);
    await store.put({ ...copy!, checkedAt: undefined as unknown as number });
    const { fetch, calls } = scriptedFetch(ok(V2));
    const result = await loadFeed(FEED_URL, { fetch, store, now: clock.now }, POLICY);
    expect(calls).toHaveLength(1);
    expect(result.kind).toBe('updated');
  });
});
