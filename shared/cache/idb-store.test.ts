import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { deleteDB, openDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Feed } from '../feed/types.ts';
import type { StoredFeed } from './feed-store.ts';
import { FEED_DB_VERSION, openFeedStore, openIdbFeedStore } from './idb-store.ts';
import { refreshFeed } from './refresh-feed.ts';
import { feedJson, ok, scriptedFetch } from './test-support.ts';

const DB = 'open-commitments-test';

const feed: Feed = {
  format: 'open-commitments/1',
  publisher: { name: "Ville d'Exemple", kind: 'municipality' },
  updated: '2026-11-30T09:00:00Z',
  commitments: [{ id: 'E1', title: 'Publier les marchés publics', status: 'limited' }],
};

function entry(url: string, checkedAt = 1000): StoredFeed {
  return { url, feed, warnings: [], etag: '"a"', fetchedAt: 1000, checkedAt };
}

beforeEach(() => {
  // A fresh, empty IndexedDB for every test.
  vi.stubGlobal('indexedDB', new IDBFactory());
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('openIdbFeedStore', () => {
  it('stores, lists by URL and deletes feeds, and keeps them across connections', async () => {
    const store = await openIdbFeedStore(DB);
    await store.put(entry('https://b.exemple.fr/feed.json'));
    await store.put(entry('https://a.exemple.fr/feed.json'));
    await store.put({ ...entry('https://b.exemple.fr/feed.json'), checkedAt: 2000 });

    const again = await openIdbFeedStore(DB);
    expect((await again.list()).map((e) => e.url)).toEqual([
      'https://a.exemple.fr/feed.json',
      'https://b.exemple.fr/feed.json',
    ]);
    expect(await again.get('https://b.exemple.fr/feed.json')).toEqual({
      ...entry('https://b.exemple.fr/feed.json'),
      checkedAt: 2000,
    });
    await again.delete('https://a.exemple.fr/feed.json');
    expect(await store.get('https://a.exemple.fr/feed.json')).toBeUndefined();
    expect(await store.get('https://nowhere.exemple.fr/')).toBeUndefined();
  });

  it('refuses a database name without the project prefix', async () => {
    await expect(openIdbFeedStore('feeds')).rejects.toThrow(/open-commitments/);
  });

  it('upgrades a version 1 database, keeping its feeds', async () => {
    const v1 = await openDB(DB, 1, {
      upgrade(db) {
        db.createObjectStore('feeds', { keyPath: 'url' });
      },
    });
    await v1.put('feeds', {
      url: 'https://www.exemple.fr/feed.json',
      feed,
      etag: '"v1"',
      fetchedAt: 1234,
    });
    v1.close();

    const store = await openIdbFeedStore(DB);
    expect(await store.get('https://www.exemple.fr/feed.json')).toEqual({
      url: 'https://www.exemple.fr/feed.json',
      feed,
      etag: '"v1"',
      fetchedAt: 1234,
      checkedAt: 1234,
      warnings: [],
    });
    const raw = await openDB(DB);
    expect(raw.version).toBe(FEED_DB_VERSION);
    raw.close();
  });

  it('upgrades a version 2 database, keeping its feeds, warnings and last error', async () => {
    const v2 = await openDB(DB, 2, {
      upgrade(db) {
        db.createObjectStore('feeds', { keyPath: 'url' });
      },
    });
    const old: StoredFeed = {
      ...entry('https://www.exemple.fr/feed.json', 5000),
      warnings: [{ path: 'commitments[1]', message: 'a commitment dropped' }],
      lastError: { at: 6000, message: 'Feed https://www.exemple.fr/feed.json: HTTP 500' },
    };
    await v2.put('feeds', old);
    v2.close();

    const store = await openIdbFeedStore(DB);
    expect(await store.get('https://www.exemple.fr/feed.json')).toEqual(old);
    expect(await store.list()).toEqual([old]);
    const raw = await openDB(DB);
    expect(raw.version).toBe(FEED_DB_VERSION);
    expect([...raw.objectStoreNames]).not.toContain('feeds');
    raw.close();
  });

  it('upgrades a version 2 database holding several feeds, long ones included', async () => {
    const long: Feed = {
      ...feed,
      commitments: Array.from({ length: 600 }, (_, i) => ({
        id: `E${i}`,
        title: `Engagement ${i}`,
        status: 'substantial',
      })),
    };
    const v2 = await openDB(DB, 2, {
      upgrade(db) {
        db.createObjectStore('feeds', { keyPath: 'url' });
      },
    });
    const stored = [
      { ...entry('https://a.exemple.fr/feed.json'), feed: long },
      entry('https://b.exemple.fr/feed.json', 2000),
      { ...entry('https://c.exemple.fr/feed.json'), feed: long, etag: '"c"' },
    ];
    for (const old of stored) await v2.put('feeds', old);
    v2.close();

    expect(await (await openIdbFeedStore(DB)).list()).toEqual(stored);
  });

  it('upgrades past a record that has no feed, keeping the others', async () => {
    const v1 = await openDB(DB, 1, {
      upgrade(db) {
        db.createObjectStore('feeds', { keyPath: 'url' });
      },
    });
    await v1.put('feeds', { ...entry('https://a.exemple.fr/feed.json'), fetchedAt: 1234 });
    // A record broken by something else than this code: it has no feed to convert.
    await v1.put('feeds', { url: 'https://b.exemple.fr/feed.json', fetchedAt: 1234 });
    v1.close();

    const store = await openIdbFeedStore(DB);
    expect((await store.list()).map((e) => e.url)).toEqual(['https://a.exemple.fr/feed.json']);
    await store.put(entry('https://www.exemple.fr/feed.json'));
    expect(
      await (await openIdbFeedStore(DB)).get('https://www.exemple.fr/feed.json'),
    ).toBeDefined();
  });

  it('leaves a database it cannot upgrade as it was, and falls back to memory', async () => {
    const v2 = await openDB(DB, 2, {
      upgrade(db) {
        db.createObjectStore('feeds', { keyPath: 'url' });
      },
    });
    await v2.put('feeds', entry('https://a.exemple.fr/feed.json'));
    v2.close();
    // The upgrade fails on the way (here: storage refusing to write).
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    await expect(openIdbFeedStore(DB)).rejects.toThrow();
    const store = await openFeedStore(DB);
    put.mockRestore();
    const raw = await openDB(DB);
    expect(raw.version).toBe(2);
    expect(await raw.count('feeds')).toBe(1);
    raw.close();
    await store.put(entry('https://www.exemple.fr/feed.json'));
    expect(await store.get('https://www.exemple.fr/feed.json')).toBeDefined();
  });

  it('takes a record of another shape for no copy, so that a download replaces it', async () => {
    const url = 'https://www.exemple.fr/feed.json';
    const store = await openIdbFeedStore(DB);
    await store.put(entry(url));
    const raw = await openDB(DB);
    const { checkedAt: _lost, ...meta } = await raw.get('meta', url);
    await raw.put('meta', meta);
    raw.close();
    expect(await (await openIdbFeedStore(DB)).get(url)).toBeUndefined();
  });

  it('gives up opening when an older connection will not close, so the page uses memory', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      // An older build's tab that ignores the request to close.
      const older = await openDB(DB, 2, {
        upgrade(db) {
          db.createObjectStore('feeds', { keyPath: 'url' });
        },
      });
      const opening = openFeedStore(DB);
      await vi.waitFor(() => expect(vi.getTimerCount()).toBe(1));
      await vi.runAllTimersAsync();
      const store = await opening;
      await store.put(entry('https://www.exemple.fr/feed.json'));
      expect(await store.get('https://www.exemple.fr/feed.json')).toBeDefined();
      // Once the older tab closes, the upgrade completes and this page's late connection closes,
      // so that it blocks nobody.
      older.close();
      await vi.waitFor(async () => {
        const db = await openDB(DB);
        const version = db.version;
        db.close();
        expect(version).toBe(FEED_DB_VERSION);
      });
      expect(
        await (await openIdbFeedStore(DB)).get('https://www.exemple.fr/feed.json'),
      ).toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });

  it('gives back a long feed as it was stored, giving the thread back while reading it', async () => {
    const long: Feed = {
      ...feed,
      commitments: Array.from({ length: 1200 }, (_, i) => ({
        id: `E${i}`,
        title: { fr: `Engagement ${i}`, en: `Commitment ${i}` },
        status: 'limited',
        themes: ['transparence'],
      })),
    };
    const url = 'https://www.exemple.fr/long.json';
    await (await openIdbFeedStore(DB)).put({ ...entry(url), feed: long });
    let yields = 0;
    let t = 0;
    const reader = await openIdbFeedStore(DB, {
      slicing: {
        yieldToMain: async () => {
          yields += 1;
        },
        now: () => (t += 5),
      },
    });
    expect(await reader.get(url)).toEqual({ ...entry(url), feed: long });
    expect(yields).toBeGreaterThan(1);
  });

  it('confirms a copy (a 304) without losing the copy another tab stored meanwhile', async () => {
    const url = 'https://www.exemple.fr/feed.json';
    const tab1 = await openIdbFeedStore(DB);
    const tab2 = await openIdbFeedStore(DB);
    const first = entry(url);
    await tab1.put(first);
    expect(await tab1.get(url)).toEqual(first);
    const newer: StoredFeed = {
      ...entry(url, 3000),
      etag: '"b"',
      feed: { ...feed, updated: '2026-12-01T09:00:00Z' },
    };
    await tab2.put(newer);
    // Tab 1 still holds the first copy and hears a 304 for it: what it writes must stay whole.
    await tab1.put({ ...first, checkedAt: 4000 });
    expect(await (await openIdbFeedStore(DB)).get(url)).toEqual({ ...first, checkedAt: 4000 });

    await tab2.put({ ...newer, checkedAt: 5000 });
    expect(await (await openIdbFeedStore(DB)).get(url)).toEqual({ ...newer, checkedAt: 5000 });
  });

  it('rewrites only the small record when a refresh downloads the same content again', async () => {
    const url = 'https://www.exemple.fr/feed.json';
    const store = await openIdbFeedStore(DB);
    const stamps = async () => {
      const raw = await openDB(DB);
      const parts = await raw.getAll('parts');
      raw.close();
      return parts.map((part: { stamp: string }) => part.stamp);
    };
    const serve = (etag: string) => scriptedFetch(ok(feedJson(), { etag })).fetch;
    await refreshFeed(url, { fetch: serve('"1"'), store, now: () => 1000 });
    const written = await stamps();
    // A host whose ETag changes on every answer, serving the same feed.
    const again = await refreshFeed(url, { fetch: serve('"2"'), store, now: () => 2000 });
    expect(again.kind).toBe('unchanged');
    expect(await stamps()).toEqual(written);
    const reader = await openIdbFeedStore(DB);
    expect(await reader.get(url)).toMatchObject({ etag: '"2"', checkedAt: 2000, fetchedAt: 1000 });
  });

  it('gives way to a newer version opened elsewhere', async () => {
    const store = await openIdbFeedStore(DB);
    await store.put(entry('https://www.exemple.fr/feed.json'));
    // Another tab with a newer build upgrades the database: were this connection kept open, the
    // upgrade would wait for ever. Afterwards this older build can no longer read it.
    const newer = await openDB(DB, FEED_DB_VERSION + 1);
    newer.close();
    await expect(store.get('https://www.exemple.fr/feed.json')).rejects.toThrow();
  });

  it('lets another tab delete the database, and creates it again on next use', async () => {
    const store = await openIdbFeedStore(DB);
    await store.put(entry('https://a.exemple.fr/feed.json'));
    // Were this connection kept open, the deletion would wait for ever.
    await deleteDB(DB);
    expect(await store.list()).toEqual([]);
    await store.put(entry('https://b.exemple.fr/feed.json'));
    expect((await (await openIdbFeedStore(DB)).list()).map((e) => e.url)).toEqual([
      'https://b.exemple.fr/feed.json',
    ]);
  });
});

describe('openFeedStore', () => {
  it('uses IndexedDB when it works', async () => {
    const store = await openFeedStore(DB);
    await store.put(entry('https://www.exemple.fr/feed.json'));
    const other = await openIdbFeedStore(DB);
    expect(await other.get('https://www.exemple.fr/feed.json')).toBeDefined();
  });

  it('falls back to memory when indexedDB.open throws', async () => {
    vi.stubGlobal('indexedDB', {
      open() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    const store = await openFeedStore(DB);
    await store.put(entry('https://www.exemple.fr/feed.json'));
    expect(await store.get('https://www.exemple.fr/feed.json')).toMatchObject({ etag: '"a"' });
  });

  it('falls back to memory when there is no IndexedDB at all', async () => {
    vi.stubGlobal('indexedDB', undefined);
    const store = await openFeedStore(DB);
    await store.put(entry('https://www.exemple.fr/feed.json'));
    expect((await store.list()).map((e) => e.url)).toEqual(['https://www.exemple.fr/feed.json']);
  });

  it('falls back to memory when opening fails with an error event', async () => {
    // A database left at a newer version by a later build: opening it at ours fails.
    (await openDB(DB, FEED_DB_VERSION + 5)).close();
    await expect(openIdbFeedStore(DB)).rejects.toThrow();
    const store = await openFeedStore(DB);
    await store.put(entry('https://www.exemple.fr/feed.json'));
    expect(await store.get('https://www.exemple.fr/feed.json')).toBeDefined();
  });
});
