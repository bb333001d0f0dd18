import { describe, expect, it, vi } from 'vitest';
import { createFeedClient, shareInFlight } from './feed-client.ts';
import { createMemoryFeedStore } from './feed-store.ts';
import type { CachePolicy } from './load-feed.ts';
import type { RefreshResult } from './refresh-feed.ts';
import { deferred, fakeClock, feedJson, hang, ok, scriptedFetch } from './test-support.ts';

const FEED_URL = 'https://www.exemple.fr/engagements.json';
const OTHER_URL = 'https://www.autre.fr/engagements.json';
const POLICY: CachePolicy = { maxAge: 600_000, staleWhileRevalidate: 3_600_000 };

describe('createFeedClient', () => {
  it('makes one request for a feed that several views load at once', async () => {
    const response = deferred<Response>();
    const { fetch, calls } = scriptedFetch(() => response.promise);
    const client = createFeedClient(
      { fetch, store: createMemoryFeedStore(), now: Date.now },
      POLICY,
    );
    const heard: RefreshResult[] = [];
    client.subscribe(FEED_URL, (r) => heard.push(r));

    const loads = [client.load(FEED_URL), client.load(FEED_URL), client.load(FEED_URL)];
    const forced = client.refresh(FEED_URL);
    response.resolve(new Response(feedJson()));
    const results = await Promise.all([...loads, forced]);

    expect(calls).toHaveLength(1);
    expect(results.map((r) => r.kind)).toEqual(['updated', 'updated', 'updated', 'updated']);
    expect(heard.map((r) => r.kind)).toEqual(['updated']);
  });

  it('asks again once the shared request is over, and keeps feeds apart', async () => {
    const { fetch, calls } = scriptedFetch(ok(feedJson()));
    const client = createFeedClient(
      { fetch, store: createMemoryFeedStore(), now: Date.now },
      POLICY,
    );
    await Promise.all([client.refresh(FEED_URL), client.refresh(OTHER_URL)]);
    await client.refresh(FEED_URL);
    expect(calls.map((c) => c.url)).toEqual([FEED_URL, OTHER_URL, FEED_URL]);
  });

  it('serves a recent copy from the store, and tells subscribers about background refreshes', async () => {
    const clock = fakeClock();
    const store = createMemoryFeedStore();
    const { fetch, calls } = scriptedFetch(
      ok(feedJson()),
      ok(feedJson({ updated: '2026-12-10T09:00:00Z' })),
    );
    const client = createFeedClient({ fetch, store, now: clock.now }, POLICY);
    await client.load(FEED_URL);
    expect(await client.load(FEED_URL)).toMatchObject({ kind: 'cached', stale: false });
    expect(calls).toHaveLength(1);

    clock.advance(1_200_000);
    const heard = deferred<RefreshResult>();
    const unsubscribe = client.subscribe(FEED_URL, heard.resolve);
    expect(await client.load(FEED_URL)).toMatchObject({ kind: 'cached', stale: true });
    const refreshed = await heard.promise;
    expect(refreshed.kind).toBe('updated');
    expect(refreshed.entry?.feed.updated).toBe('2026-12-10T09:00:00Z');
    unsubscribe();
  });

  it('stops telling a view that unsubscribed, and tells the others even if one throws', async () => {
    const { fetch } = scriptedFetch(ok(feedJson()));
    const client = createFeedClient(
      { fetch, store: createMemoryFeedStore(), now: Date.now },
      POLICY,
    );
    const gone: RefreshResult[] = [];
    const kept: RefreshResult[] = [];
    const unsubscribe = client.subscribe(FEED_URL, (r) => gone.push(r));
    client.subscribe(FEED_URL, () => {
      throw new Error('broken view');
    });
    client.subscribe(FEED_URL, (r) => kept.push(r));
    unsubscribe();
    const uncaught = deferred<unknown>();
    const original = globalThis.queueMicrotask;
    globalThis.queueMicrotask = (task) =>
      original(() => {
        try {
          task();
        } catch (error) {
          uncaught.resolve(error);
        }
      });
    try {
      await client.refresh(FEED_URL);
    } finally {
      globalThis.queueMicrotask = original;
    }
    expect(gone).toEqual([]);
    expect(kept.map((r) => r.kind)).toEqual(['updated']);
    expect(await uncaught.promise).toMatchObject({ message: 'broken view' });
  });
  it('cancels a request nobody waits for, records nothing, and asks again next time', async () => {
    const clock = fakeClock();
    const store = createMemoryFeedStore();
    const { fetch, calls } = scriptedFetch(ok(feedJson()), hang, ok(feedJson()));
    const client = createFeedClient({ fetch, store, now: clock.now }, POLICY);
    await client.load(FEED_URL);
    const stored = await store.get(FEED_URL);
    const heard: RefreshResult[] = [];
    client.subscribe(FEED_URL, (r) => heard.push(r));

    const refreshing = client.refresh(FEED_URL);
    await vi.waitFor(() => expect(calls).toHaveLength(2));
    expect(client.cancel(FEED_URL)).toBe(true);
    expect(calls[1]?.init.signal?.aborted).toBe(true);
    expect(await refreshing).toMatchObject({ kind: 'failed', error: { reason: 'aborted' } });
    expect(await store.get(FEED_URL)).toEqual(stored);

    expect(client.cancel(FEED_URL)).toBe(false);
    expect((await client.refresh(FEED_URL)).kind).toBe('unchanged');
    expect(heard.at(-1)?.kind).toBe('unchanged');
  });

  it('starts a new request for a view that comes while a cancelled one is winding down', async () => {
    const { fetch, calls } = scriptedFetch(hang, ok(feedJson()));
    const client = createFeedClient(
      { fetch, store: createMemoryFeedStore(), now: Date.now },
      POLICY,
    );
    const gone = client.load(FEED_URL);
    await vi.waitFor(() => expect(calls).toHaveLength(1));
    client.cancel(FEED_URL);
    const next = client.load(FEED_URL);
    expect(await gone).toMatchObject({ kind: 'failed', error: { reason: 'aborted' } });
    expect(await next).toMatchObject({ kind: 'updated' });
    expect(await client.load(FEED_URL)).toMatchObject({ kind: 'cached' });
    expect(calls).toHaveLength(2);
  });
  it('gives the copy of a download cancelled too late to stop, like any other', async () => {
    const memory = createMemoryFeedStore();
    const saving = deferred<void>();
    const saved = deferred<void>();
    const store = {
      ...memory,
      put: async (entry: Parameters<typeof memory.put>[0]) => {
        saving.resolve();
        await saved.promise;
        await memory.put(entry);
      },
    };
    const { fetch } = scriptedFetch(ok(feedJson()));
    const client = createFeedClient({ fetch, store, now: Date.now }, POLICY);
    const heard: RefreshResult[] = [];
    client.subscribe(FEED_URL, (r) => heard.push(r));
    const loading = client.load(FEED_URL);
    await saving.promise;
    expect(client.cancel(FEED_URL)).toBe(true);
    saved.resolve();
    expect(await loading).toMatchObject({ kind: 'updated' });
    expect(heard.map((r) => r.kind)).toEqual(['updated']);
    expect(await client.load(FEED_URL)).toMatchObject({ kind: 'cached' });
  });
});

describe('shareInFlight', () => {
  it('shares a pending call by key and forgets it once settled, even after a rejection', async () => {
    let runs = 0;
    const gate = deferred<void>();
    const shared = shareInFlight(async (key: string) => {
      runs += 1;
      await gate.promise;
      if (key === 'bad') throw new Error('bad');
      return `${key}:${runs}`;
    });
    const a = shared('a');
    const b = shared('a');
    const bad = shared('bad');
    gate.resolve();
    expect(await a).toBe(await b);
    await expect(bad).rejects.toThrow('bad');
    expect(runs).toBe(2);
    await shared('a');
    await expect(shared('bad')).rejects.toThrow('bad');
    expect(runs).toBe(4);
  });
});
