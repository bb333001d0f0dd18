import { describe, expect, it } from 'vitest';
import { createMemoryFeedStore, type FeedStore } from './feed-store.ts';
import { refreshFeed, type RefreshDeps, type RefreshResult } from './refresh-feed.ts';
import { deferred, fakeClock, feedJson, hang, ok, scriptedFetch } from './test-support.ts';

// Hostile input under test, never run.
// eslint-disable-next-line no-script-url
const SCRIPT = 'javascript:alert(1)';
const FEED_URL = 'https://www.exemple.fr/engagements.json';
const V1 = feedJson();
const V2 = feedJson({ updated: '2026-12-10T09:00:00Z' });

/** A store that already holds a good copy of V1, with validators, as of one hour ago. */
async function storeWithV1(clock = fakeClock()): Promise<FeedStore> {
  const store = createMemoryFeedStore();
  const { fetch } = scriptedFetch(
    ok(V1, { etag: '"v1"', 'last-modified': 'Mon, 30 Nov 2026 09:00:00 GMT' }),
  );
  const first = await refreshFeed(FEED_URL, { fetch, store, now: clock.now });
  expect(first.kind).toBe('updated');
  return store;
}

/** A body that sends `text`, then fails as a connection reset does. */
function cutBody(text: string): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(text));
      controller.error(new TypeError('connection reset'));
    },
  });
}

/** `text` encoded as ISO-8859-1 (every character below U+0100). */
function latin1(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

describe('refreshFeed', () => {
  it('downloads and stores a feed the first time, without conditional headers or cookies', async () => {
    const store = createMemoryFeedStore();
    const clock = fakeClock();
    const { fetch, calls } = scriptedFetch(ok(V1, { etag: '"v1"' }));
    const result = await refreshFeed(FEED_URL, { fetch, store, now: clock.now });

    expect(result.kind).toBe('updated');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe(FEED_URL);
    expect(calls[0]?.headers.has('if-none-match')).toBe(false);
    expect(calls[0]?.headers.has('if-modified-since')).toBe(false);
    expect(calls[0]?.init.credentials).toBe('omit');
    const stored = await store.get(FEED_URL);
    expect(stored).toMatchObject({
      url: FEED_URL,
      etag: '"v1"',
      fetchedAt: clock.now(),
      checkedAt: clock.now(),
    });
    expect(stored?.feed.commitments.map((c) => c.id)).toEqual(['E1']);
    expect(stored?.lastModified).toBeUndefined();
  });

  it('revalidates with If-None-Match and If-Modified-Since, and takes a 304 as unchanged', async () => {
    const clock = fakeClock();
    const store = await storeWithV1(clock);
    const before = await store.get(FEED_URL);
    clock.advance(3_600_000);
    const { fetch, calls } = scriptedFetch(() => new Response(null, { status: 304 }));
    const result = await refreshFeed(FEED_URL, { fetch, store, now: clock.now });

    expect(calls[0]?.headers.get('if-none-match')).toBe('"v1"');
    expect(calls[0]?.headers.get('if-modified-since')).toBe('Mon, 30 Nov 2026 09:00:00 GMT');
    expect(result.kind).toBe('unchanged');
    const after = await store.get(FEED_URL);
    expect(after?.checkedAt).toBe(clock.now());
    expect(after?.fetchedAt).toBe(before?.fetchedAt);
    expect(after?.feed).toEqual(before?.feed);
    expect(after?.etag).toBe('"v1"');
  });

  it('can leave the validators to the browser cache, for cross-origin pages', async () => {
    const store = await storeWithV1();
    const { fetch, calls } = scriptedFetch(ok(V1));
    await refreshFeed(FEED_URL, { fetch, store, now: Date.now, conditionalHeaders: false });
    expect(calls[0]?.headers.has('if-none-match')).toBe(false);
    expect(calls[0]?.headers.has('if-modified-since')).toBe(false);
    expect(calls[0]?.init.cache).toBe('no-cache');
  });

  it('sends validators only to the feeds a function allows, such as same-origin ones', async () => {
    const store = await storeWithV1();
    const { fetch, calls } = scriptedFetch(ok(V1));
    const elsewhere = 'https://cdn.exemple.org/engagements.json';
    const copy = await store.get(FEED_URL);
    if (copy) await store.put({ ...copy, url: elsewhere });
    const conditionalHeaders = (url: string) => url.startsWith('https://www.exemple.fr/');
    await refreshFeed(FEED_URL, { fetch, store, now: Date.now, conditionalHeaders });
    await refreshFeed(elsewhere, { fetch, store, now: Date.now, conditionalHeaders });
    expect(calls[0]?.headers.get('if-none-match')).toBe('"v1"');
    expect(calls[1]?.url).toBe(elsewhere);
    expect(calls[1]?.headers.has('if-none-match')).toBe(false);
    expect(calls[1]?.headers.has('if-modified-since')).toBe(false);
    expect(calls[1]?.init.cache).toBe('no-cache');
  });

  it('asks again without validators when the conditional request cannot be sent', async () => {
    const store = await storeWithV1();
    // What a browser reports when a cross-origin host refuses the CORS preflight.
    const { fetch, calls } = scriptedFetch(
      () => Promise.reject(new TypeError('Failed to fetch')),
      ok(V2),
    );
    const result = await refreshFeed(FEED_URL, { fetch, store, now: Date.now });
    expect(calls).toHaveLength(2);
    expect(calls[1]?.headers.has('if-none-match')).toBe(false);
    expect(calls[1]?.headers.has('if-modified-since')).toBe(false);
    expect(result.kind).toBe('updated');
    expect((await store.get(FEED_URL))?.feed.updated).toBe('2026-12-10T09:00:00Z');
  });

  it('reports the same content served again as unchanged, keeping the new validators', async () => {
    const store = await storeWithV1();
    const reformatted = feedJson({}, 2);
    const { fetch } = scriptedFetch(ok(reformatted, { etag: '"v1-gzip"' }));
    const result = await refreshFeed(FEED_URL, { fetch, store, now: Date.now });
    expect(result.kind).toBe('unchanged');
    expect((await store.get(FEED_URL))?.etag).toBe('"v1-gzip"');
  });

  it('reads a feed that starts with a byte order mark', async () => {
    const { fetch } = scriptedFetch(ok(`\uFEFF${V1}`));
    const store = createMemoryFeedStore();
    const result = await refreshFeed(FEED_URL, { fetch, store, now: Date.now });
    expect(result.kind).toBe('updated');
    expect((await store.get(FEED_URL))?.feed.publisher.name).toBe("Ville d'Exemple");
  });

  it('keeps the stored copy on a 304 that answers no validator, as the browser cache may', async () => {
    const clock = fakeClock();
    const store = await storeWithV1(clock);
    clock.advance(60_000);
    const { fetch, calls } = scriptedFetch(() => new Response(null, { status: 304 }));
    const deps = { fetch, store, now: clock.now, conditionalHeaders: false };
    const result = await refreshFeed(FEED_URL, deps);
    expect(calls[0]?.headers.has('if-none-match')).toBe(false);
    expect(result.kind).toBe('unchanged');
    expect((await store.get(FEED_URL))?.feed.updated).toBe('2026-11-30T09:00:00Z');
  });

  it('sends back a weak ETag as the server gave it', async () => {
    const store = createMemoryFeedStore();
    const first = scriptedFetch(ok(V1, { etag: 'W/"v1"' }));
    await refreshFeed(FEED_URL, { fetch: first.fetch, store, now: Date.now });
    const { fetch, calls } = scriptedFetch(() => new Response(null, { status: 304 }));
    expect((await refreshFeed(FEED_URL, { fetch, store, now: Date.now })).kind).toBe('unchanged');
    expect(calls[0]?.headers.get('if-none-match')).toBe('W/"v1"');
  });

  it('gets a new version from a server that once dated the feed in the future', async () => {
    const clock = fakeClock();
    const store = createMemoryFeedStore();
    const future = 'Fri, 01 Jan 2100 00:00:00 GMT';
    const first = scriptedFetch(ok(V1, { 'last-modified': future }));
    await refreshFeed(FEED_URL, { fetch: first.fetch, store, now: clock.now });
    // A server that answers 304 to any If-Modified-Since later than its file's date.
    const { fetch, calls } = scriptedFetch((init) =>
      new Headers(init.headers).has('if-modified-since')
        ? new Response(null, { status: 304 })
        : new Response(V2, { headers: { 'last-modified': 'Mon, 30 Nov 2026 10:00:00 GMT' } }),
    );
    expect((await refreshFeed(FEED_URL, { fetch, store, now: clock.now })).kind).toBe('updated');
    expect((await store.get(FEED_URL))?.feed.updated).toBe('2026-12-10T09:00:00Z');
    clock.advance(60_000);
    await refreshFeed(FEED_URL, { fetch, store, now: clock.now });
    expect(calls[1]?.headers.get('if-modified-since')).toBe('Mon, 30 Nov 2026 10:00:00 GMT');
  });

  it('replaces the stored copy with a newer one', async () => {
    const store = await storeWithV1();
    const { fetch } = scriptedFetch(ok(V2, { etag: '"v2"' }));
    const result = await refreshFeed(FEED_URL, { fetch, store, now: Date.now });
    expect(result.kind).toBe('updated');
    expect((await store.get(FEED_URL))?.feed.updated).toBe('2026-12-10T09:00:00Z');
    expect((await store.get(FEED_URL))?.etag).toBe('"v2"');
  });

  describe('an older copy than the one kept, as a lagging cache serves', () => {
    const V3 = feedJson({ updated: '2026-12-11T08:00:00Z' });

    /** V2 stored at `at`, then V1 (dated earlier) served `later` ms after. */
    async function olderServed(at: number, later: number, store = createMemoryFeedStore()) {
      const clock = fakeClock(at);
      await refreshFeed(FEED_URL, { fetch: scriptedFetch(ok(V2)).fetch, store, now: clock.now });
      clock.advance(later);
      const result = await refreshFeed(FEED_URL, {
        fetch: scriptedFetch(ok(V1, { etag: '"v1"' })).fetch,
        store,
        now: clock.now,
      });
      return { result, kept: await store.get(FEED_URL), store, clock };
    }

    it('leaves the newer copy in place, and the failure it had recorded', async () => {
      const { result, kept } = await olderServed(Date.UTC(2026, 11, 11), 60_000);
      expect(result.kind).toBe('unchanged');
      expect(kept?.feed.updated).toBe('2026-12-10T09:00:00Z');
      expect(kept?.etag).toBeUndefined();

      const clock = fakeClock(Date.UTC(2026, 11, 11));
      const store = createMemoryFeedStore();
      await refreshFeed(FEED_URL, { fetch: scriptedFetch(ok(V2)).fetch, store, now: clock.now });
      const fail = scriptedFetch(() => new Response('', { status: 500 })).fetch;
      await refreshFeed(FEED_URL, { fetch: fail, store, now: clock.now });
      await refreshFeed(FEED_URL, { fetch: scriptedFetch(ok(V1)).fetch, store, now: clock.now });
      expect((await store.get(FEED_URL))?.lastError?.reason).toBe('http');
      expect((await store.get(FEED_URL))?.feed.updated).toBe('2026-12-10T09:00:00Z');
    });

    it('takes the older copy a day after the newer one came: the publisher put it back', async () => {
      const { result, kept } = await olderServed(Date.UTC(2026, 11, 11), 25 * 3600_000);
      expect(result.kind).toBe('updated');
      expect(kept?.feed.updated).toBe('2026-11-30T09:00:00Z');
    });

    it('takes it over a copy dated after it was downloaded, which proves nothing', async () => {
      // V2 is dated 09:00 on 10 December and came at 07:00, two hours before: served again at
      // noon, after its date, an older copy still replaces it.
      const { result, kept } = await olderServed(Date.UTC(2026, 11, 10, 7), 5 * 3600_000);
      expect(result.kind).toBe('updated');
      expect(kept?.feed.updated).toBe('2026-11-30T09:00:00Z');
    });

    it('reads the store again only for an older copy, not for every download', async () => {
      const clock = fakeClock(Date.UTC(2026, 11, 11));
      const memory = createMemoryFeedStore();
      let reads = 0;
      const store: FeedStore = { ...memory, get: (key) => (reads++, memory.get(key)) };
      await refreshFeed(FEED_URL, { fetch: scriptedFetch(ok(V1)).fetch, store, now: clock.now });
      reads = 0;
      await refreshFeed(FEED_URL, { fetch: scriptedFetch(ok(V2)).fetch, store, now: clock.now });
      expect(reads).toBe(1);
      reads = 0;
      await refreshFeed(FEED_URL, { fetch: scriptedFetch(ok(V1)).fetch, store, now: clock.now });
      expect(reads).toBe(2);
    });

    it('gives the newer copy another tab stored meanwhile, never putting an older one back', async () => {
      const clock = fakeClock(Date.UTC(2026, 11, 11, 10));
      const store = createMemoryFeedStore();
      await refreshFeed(FEED_URL, { fetch: scriptedFetch(ok(V2)).fetch, store, now: clock.now });
      clock.advance(60_000);
      const other = createMemoryFeedStore();
      await refreshFeed(FEED_URL, {
        fetch: scriptedFetch(ok(V3)).fetch,
        store: other,
        now: clock.now,
      });
      const { fetch } = scriptedFetch(async () => {
        await store.put((await other.get(FEED_URL))!);
        return new Response(V1);
      });
      const result = await refreshFeed(FEED_URL, { fetch, store, now: clock.now });
      expect(result.kind).toBe('updated');
      expect(result.entry?.feed.updated).toBe('2026-12-11T08:00:00Z');
      expect((await store.get(FEED_URL))?.feed.updated).toBe('2026-12-11T08:00:00Z');
    });
  });

  it('keeps tolerant warnings with the copy', async () => {
    const store = createMemoryFeedStore();
    const withBadLink = feedJson({
      commitments: [{ id: 'E1', title: 'T', status: 'limited', url: SCRIPT }],
    });
    const { fetch } = scriptedFetch(ok(withBadLink));
    const result = await refreshFeed(FEED_URL, { fetch, store, now: Date.now });
    expect(result.kind).toBe('updated');
    expect(result.entry?.feed.commitments[0]?.url).toBeUndefined();
    expect(result.entry?.warnings.map((w) => w.path)).toContain('commitments[0].url');
  });

  describe('on failure, keeps the last good copy and records the error', () => {
    const failures: [string, Pick<RefreshDeps, 'fetch' | 'timeoutMs'>, RegExp, string][] = [
      [
        'a server error',
        scriptedFetch(
          () => new Response('oops', { status: 503, statusText: 'Service Unavailable' }),
        ),
        /HTTP 503 Service Unavailable/,
        'http',
      ],
      [
        'a network error',
        scriptedFetch(() => Promise.reject(new TypeError('fetch failed'))),
        /fetch failed/,
        'network',
      ],
      ['invalid JSON', scriptedFetch(ok('{"format": "open-commitments/1",')), /refused/, 'refused'],
      [
        'a refused feed',
        scriptedFetch(ok(feedJson({ format: 'open-commitments/2' }))),
        /refused: format/,
        'refused',
      ],
      [
        'a feed none of whose commitments can be read, as after an export with renamed fields',
        scriptedFetch(ok(feedJson({ commitments: [{ identifiant: 'E1', titre: 'Marchés' }] }))),
        /refused: commitments\[0\]/,
        'refused',
      ],
      [
        'a feed whose commitments are not a list',
        scriptedFetch(ok(feedJson({ commitments: {} }))),
        /refused: commitments/,
        'refused',
      ],
      [
        'an HTML error page served as a 200',
        scriptedFetch(
          ok('<!doctype html><title>Maintenance</title>', { 'content-type': 'text/html' }),
        ),
        /refused/,
        'refused',
      ],
      [
        'a connection cut in the middle of the body',
        scriptedFetch(() => new Response(cutBody(V2.slice(0, 40)))),
        /connection reset/,
        'network',
      ],
      [
        'a feed in another charset than UTF-8',
        scriptedFetch(
          () =>
            new Response(latin1(feedJson({ publisher: { name: 'Mairie de Saint-Étienne' } })), {
              headers: { 'content-type': 'application/json; charset=iso-8859-1' },
            }),
        ),
        /refused/,
        'refused',
      ],
      [
        'a timeout',
        { fetch: scriptedFetch(hang).fetch, timeoutMs: 5 },
        /no complete answer within/,
        'timeout',
      ],
    ];
    for (const [name, deps, message, reason] of failures) {
      it(`after ${name}`, async () => {
        const clock = fakeClock();
        const store = await storeWithV1(clock);
        const good = await store.get(FEED_URL);
        clock.advance(60_000);
        const { fetch, timeoutMs } = deps;
        const result = await refreshFeed(FEED_URL, { fetch, timeoutMs, store, now: clock.now });

        expect(result.kind).toBe('failed');
        if (result.kind !== 'failed') return;
        expect(result.error.reason).toBe(reason);
        expect(result.error.message).toContain(FEED_URL);
        expect(result.error.message).toMatch(message);
        const kept = await store.get(FEED_URL);
        expect(kept?.feed).toEqual(good?.feed);
        expect(kept?.etag).toBe(good?.etag);
        expect(kept?.checkedAt).toBe(good?.checkedAt);
        expect(kept?.lastError).toMatchObject({
          at: clock.now(),
          message: result.error.message,
          reason,
          ...(result.error.status !== undefined ? { status: result.error.status } : {}),
        });
        expect(result.entry).toEqual(kept);
      });
    }
  });

  it('replaces a copy with one that lists no commitment on purpose', async () => {
    const store = await storeWithV1();
    const { fetch } = scriptedFetch(ok(feedJson({ commitments: [], extra: 'ignored' })));
    expect((await refreshFeed(FEED_URL, { fetch, store, now: Date.now })).kind).toBe('updated');
    expect((await store.get(FEED_URL))?.feed.commitments).toEqual([]);
  });

  it('gives the parser errors of a refused feed, by path', async () => {
    const store = await storeWithV1();
    const { fetch } = scriptedFetch(ok(feedJson({ publisher: 'nobody' })));
    const result = await refreshFeed(FEED_URL, { fetch, store, now: Date.now });
    expect(result.kind === 'failed' && result.error.errors?.map((e) => e.path)).toContain(
      'publisher',
    );
    expect((await store.get(FEED_URL))?.lastError?.errors?.[0]?.path).toBe('publisher');
  });

  it('clears the recorded error at the next success', async () => {
    const store = await storeWithV1();
    await refreshFeed(FEED_URL, {
      fetch: scriptedFetch(() => new Response('', { status: 500 })).fetch,
      store,
      now: Date.now,
    });
    expect((await store.get(FEED_URL))?.lastError).toBeDefined();
    await refreshFeed(FEED_URL, {
      fetch: scriptedFetch(() => new Response(null, { status: 304 })).fetch,
      store,
      now: Date.now,
    });
    expect((await store.get(FEED_URL))?.lastError).toBeUndefined();
  });

  it('fails without storing anything when there was no copy', async () => {
    const store = createMemoryFeedStore();
    const { fetch } = scriptedFetch(
      () => new Response('', { status: 404, statusText: 'Not Found' }),
    );
    const result = await refreshFeed(FEED_URL, { fetch, store, now: Date.now });
    expect(result).toMatchObject({ kind: 'failed', error: { reason: 'http', status: 404 } });
    expect(result.entry).toBeUndefined();
    expect(await store.list()).toEqual([]);
  });

  it('refuses a body declared larger than the limit without reading it', async () => {
    const store = await storeWithV1();
    let pulled = false;
    const body = new ReadableStream<Uint8Array>(
      {
        pull() {
          pulled = true;
        },
      },
      { highWaterMark: 0 },
    );
    const { fetch } = scriptedFetch(
      () => new Response(body, { headers: { 'content-length': '5000' } }),
    );
    const result = await refreshFeed(FEED_URL, { fetch, store, now: Date.now, maxBytes: 4096 });
    expect(result).toMatchObject({ kind: 'failed', error: { reason: 'too-large' } });
    expect(result.kind === 'failed' && result.error.message).toContain(FEED_URL);
    expect(pulled).toBe(false);
    expect((await store.get(FEED_URL))?.feed.updated).toBe('2026-11-30T09:00:00Z');
  });

  it('stops reading a body that grows past the limit', async () => {
    const store = await storeWithV1();
    let chunks = 0;
    let cancelled = false;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        chunks += 1;
        controller.enqueue(new Uint8Array(1024).fill(0x20));
      },
      cancel() {
        cancelled = true;
      },
    });
    const { fetch } = scriptedFetch(() => new Response(endless));
    const result = await refreshFeed(FEED_URL, { fetch, store, now: Date.now, maxBytes: 10_000 });
    expect(result).toMatchObject({ kind: 'failed', error: { reason: 'too-large' } });
    expect(cancelled).toBe(true);
    expect(chunks).toBeLessThan(20);
    expect((await store.get(FEED_URL))?.lastError?.message).toMatch(
      /larger than the limit of 10000 bytes/,
    );
  });

  it('accepts a body of exactly the limit', async () => {
    const store = createMemoryFeedStore();
    const bytes = new TextEncoder().encode(V1).byteLength;
    const { fetch } = scriptedFetch(ok(V1));
    const result = await refreshFeed(FEED_URL, { fetch, store, now: Date.now, maxBytes: bytes });
    expect(result.kind).toBe('updated');
  });

  it('times out on a body that stops arriving, and never stores the cut body', async () => {
    const store = await storeWithV1();
    const half = new TextEncoder().encode(V2.slice(0, 40));
    const stalled = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(half);
      },
    });
    const { fetch } = scriptedFetch(() => new Response(stalled));
    const result = await refreshFeed(FEED_URL, { fetch, store, now: Date.now, timeoutMs: 5 });
    expect(result).toMatchObject({ kind: 'failed', error: { reason: 'timeout' } });
    expect((await store.get(FEED_URL))?.feed.updated).toBe('2026-11-30T09:00:00Z');
  });

  it('records nothing against the feed when the caller cancels', async () => {
    const store = await storeWithV1();
    const controller = new AbortController();
    const { fetch } = scriptedFetch((init) => {
      controller.abort();
      return hang(init);
    });
    const result = await refreshFeed(FEED_URL, {
      fetch,
      store,
      now: Date.now,
      signal: controller.signal,
    });
    expect(result).toMatchObject({ kind: 'failed', error: { reason: 'aborted' } });
    expect((await store.get(FEED_URL))?.lastError).toBeUndefined();
  });

  /**
   * A refresh of the first copy whose server answers `answer` only after another tab has stored a
   * newer copy (V2) in the same store.
   */
  async function answeredAfterAnotherTab(
    answer: Response,
  ): Promise<{ store: FeedStore; result: RefreshResult }> {
    const store = await storeWithV1();
    const held = deferred<Response>();
    const slow = refreshFeed(FEED_URL, {
      fetch: scriptedFetch(() => held.promise).fetch,
      store,
      now: Date.now,
    });
    const other = scriptedFetch(ok(V2, { etag: '"v2"' }));
    expect((await refreshFeed(FEED_URL, { fetch: other.fetch, store, now: Date.now })).kind).toBe(
      'updated',
    );
    held.resolve(answer);
    return { store, result: await slow };
  }

  it('marks a failure on the newer copy another tab stored meanwhile, not on the older one', async () => {
    const { store, result } = await answeredAfterAnotherTab(new Response('oops', { status: 503 }));
    expect(result.kind).toBe('failed');
    expect(result.entry?.feed.updated).toBe('2026-12-10T09:00:00Z');
    const kept = await store.get(FEED_URL);
    expect(kept?.feed.updated).toBe('2026-12-10T09:00:00Z');
    expect(kept?.etag).toBe('"v2"');
    expect(kept?.lastError?.status).toBe(503);
  });

  it('gives the newer copy another tab stored meanwhile on a 304, never putting the older back', async () => {
    // The slow request had asked about the first copy, which its server then still served.
    const { store, result } = await answeredAfterAnotherTab(
      new Response(null, { status: 304, headers: { etag: '"v1"' } }),
    );
    expect(result.kind).toBe('updated');
    expect(result.entry?.feed.updated).toBe('2026-12-10T09:00:00Z');
    const kept = await store.get(FEED_URL);
    expect(kept?.feed.updated).toBe('2026-12-10T09:00:00Z');
    expect(kept?.etag).toBe('"v2"');
  });

  it('fails on a 304 when there is no copy to confirm', async () => {
    const { fetch } = scriptedFetch(() => new Response(null, { status: 304 }));
    const result = await refreshFeed(FEED_URL, {
      fetch,
      store: createMemoryFeedStore(),
      now: Date.now,
    });
    expect(result).toMatchObject({ kind: 'failed', error: { reason: 'http', status: 304 } });
  });

  it.each([
    ['rejects', () => Promise.reject(new DOMException('full', 'QuotaExceededError'))],
    [
      'throws',
      () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    ],
  ])('still gives the new copy when the store %s instead of saving it', async (_how, put) => {
    const broken: FeedStore = { ...createMemoryFeedStore(), put };
    const { fetch } = scriptedFetch(ok(V1));
    const result = await refreshFeed(FEED_URL, { fetch, store: broken, now: Date.now });
    expect(result.kind).toBe('updated');
    expect(result.entry?.feed.commitments).toHaveLength(1);
  });
});

describe('refreshFeed in slices', () => {
  /** A feed of `n` commitments, the last one's title given. */
  function many(n: number, lastTitle = 'Dernier'): string {
    return feedJson({
      commitments: Array.from({ length: n }, (_, i) => ({
        id: `E${i}`,
        title: i === n - 1 ? lastTitle : `Engagement ${i}`,
        status: 'limited',
      })),
    });
  }

  function slicing(): { yields: () => number; slicing: RefreshDeps['slicing'] } {
    let count = 0;
    let t = 0;
    return {
      yields: () => count,
      slicing: {
        yieldToMain: async () => {
          count += 1;
        },
        now: () => (t += 5),
      },
    };
  }

  it('gives the thread back while reading a download, and stores what parseFeed reads', async () => {
    const store = createMemoryFeedStore();
    const sliced = slicing();
    const { fetch } = scriptedFetch(ok(many(300)));
    const result = await refreshFeed(FEED_URL, {
      fetch,
      store,
      now: Date.now,
      slicing: sliced.slicing,
    });
    expect(result.kind).toBe('updated');
    expect(result.entry?.feed.commitments).toHaveLength(300);
    expect(sliced.yields()).toBeGreaterThan(10);
  });

  it('tells the same content from a change in its last commitment', async () => {
    const store = createMemoryFeedStore();
    const { fetch } = scriptedFetch(ok(many(300)), ok(many(300)), ok(many(300, 'Changé')));
    const deps = { fetch, store, now: Date.now, slicing: slicing().slicing };
    expect((await refreshFeed(FEED_URL, deps)).kind).toBe('updated');
    expect((await refreshFeed(FEED_URL, deps)).kind).toBe('unchanged');
    expect((await refreshFeed(FEED_URL, deps)).kind).toBe('updated');
  });

  it('keeps the good copy when a download is refused', async () => {
    const store = createMemoryFeedStore();
    const { fetch } = scriptedFetch(ok(many(300)), ok('{"format": "open-commitments/1"'));
    const deps = { fetch, store, now: Date.now, slicing: slicing().slicing };
    await refreshFeed(FEED_URL, deps);
    const result = await refreshFeed(FEED_URL, deps);
    expect(result.kind).toBe('failed');
    expect((await store.get(FEED_URL))?.feed.commitments).toHaveLength(300);
  });
});

describe('refreshFeed decoding as the body arrives', () => {
  /** A 200 whose body arrives in the pieces given. */
  function inPieces(...pieces: Uint8Array[]): () => Response {
    return () =>
      new Response(
        new ReadableStream({
          start(controller) {
            for (const piece of pieces) controller.enqueue(piece);
            controller.close();
          },
        }),
        { status: 200 },
      );
  }
  const slicing = { yieldToMain: () => Promise.resolve() };

  it('reads a character split between two pieces', async () => {
    const bytes = new TextEncoder().encode(feedJson({ plan: { title: 'Égalité' } }));
    const cut = bytes.indexOf(0xc3) + 1;
    const { fetch } = scriptedFetch(inPieces(bytes.slice(0, cut), bytes.slice(cut)));
    const store = createMemoryFeedStore();
    const result = await refreshFeed(FEED_URL, { fetch, store, now: Date.now, slicing });
    expect(result.kind).toBe('updated');
    expect(result.entry?.feed.plan?.title).toBe('Égalité');
  });

  it('refuses bytes that are not UTF-8, as when reading at once', async () => {
    const bytes = new TextEncoder().encode(feedJson());
    const broken = new Uint8Array([...bytes.slice(0, 20), 0xff, ...bytes.slice(20)]);
    const sliced = await refreshFeed(FEED_URL, {
      fetch: scriptedFetch(inPieces(broken)).fetch,
      store: createMemoryFeedStore(),
      now: Date.now,
      slicing,
    });
    const atOnce = await refreshFeed(FEED_URL, {
      fetch: scriptedFetch(inPieces(broken)).fetch,
      store: createMemoryFeedStore(),
      now: Date.now,
    });
    expect(sliced.kind).toBe('failed');
    expect(sliced.kind === 'failed' && sliced.error.errors).toEqual(
      atOnce.kind === 'failed' && atOnce.error.errors,
    );
    expect(sliced.kind === 'failed' && sliced.error.message).toMatch(/UTF-8/);
  });
});
