import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deferred } from '../../shared/cache/test-support.ts';

const notified: string[] = [];
vi.mock('wxt/browser', () => ({
  browser: {
    i18n: { getUILanguage: () => 'en-GB' },
    runtime: { id: 'test', getURL: (path: string) => `chrome-extension://test${path}` },
    notifications: {
      create: async (id: string, options: { message: string }) => {
        notified.push(options.message);
        return id;
      },
    },
    permissions: { getAll: async () => ({ origins: ['https://www.exemple.fr/*'] }) },
    tabs: { query: async () => [] },
    scripting: {
      getRegisteredContentScripts: async () => [],
      registerContentScripts: async () => undefined,
      updateContentScripts: async () => undefined,
      unregisterContentScripts: async () => undefined,
    },
  },
}));

const { backoffMinutes, MAX_BACKOFF_MINUTES, REFRESH_MINUTES, refreshDue } =
  await import('./refresh.ts');
const { listSubscriptions, subscribe, unsubscribe } = await import('./subscriptions.ts');
const { db } = await import('./db.ts');
const { feedStore } = await import('./feeds.ts');

const URL_A = 'https://www.exemple.fr/feed.json';
const MINUTE = 60_000;

function feedText(status = 'limited'): string {
  return JSON.stringify({
    format: 'open-commitments/1',
    publisher: { name: 'Ville', kind: 'municipality' },
    updated: '2026-11-01T00:00:00Z',
    site: ['https://www.exemple.fr/*'],
    commitments: [{ id: 'A1', title: 'Données ouvertes', status }],
  });
}

/** Answers every feed request with `answer`, counting the requests. */
function serve(answer: () => Response | Promise<Response>): { count: () => number } {
  let count = 0;
  vi.stubGlobal('fetch', async () => {
    count += 1;
    return answer();
  });
  return { count: () => count };
}

/** The feed, as `fetch` gives it after following a redirect to `url`. */
function redirectedTo(url: string): Response {
  const response = new Response(feedText());
  Object.defineProperty(response, 'redirected', { value: true });
  Object.defineProperty(response, 'url', { value: url });
  return response;
}

async function subscription() {
  return (await db()).get('subscriptions', URL_A);
}

beforeEach(async () => {
  notified.length = 0;
  const database = await db();
  for (const name of ['subscriptions', 'changes', 'follows', 'baselines', 'questions'] as const)
    await database.clear(name);
  const store = await feedStore();
  for (const entry of await store.list()) await store.delete(entry.url);
});

afterEach(() => void vi.unstubAllGlobals());

describe('refresh backoff', () => {
  it('waits the normal period when healthy, doubling after each failure up to a day', () => {
    expect(backoffMinutes(0)).toBe(REFRESH_MINUTES);
    expect([1, 2, 3].map(backoffMinutes)).toEqual([60, 120, 240]);
    expect(backoffMinutes(30)).toBe(MAX_BACKOFF_MINUTES);
    expect(MAX_BACKOFF_MINUTES).toBe(24 * 60);
  });

  it('asks a feed that keeps failing less and less often, keeping its copy and its reason', async () => {
    serve(() => new Response(feedText()));
    const start = Date.now();
    await subscribe(URL_A, start);
    serve(() => new Response('down', { status: 503 }));
    let now = start;
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      now = (await subscription())!.nextRefreshAt;
      expect(await refreshDue(now)).toBe(1);
      // Not asked again before its wait is over.
      expect(await refreshDue(now + MINUTE)).toBe(0);
      waits.push(((await subscription())!.nextRefreshAt - now) / MINUTE);
    }
    expect(waits).toEqual([60, 120, 240, 480, 960, 1440, 1440, 1440]);
    const [view] = await listSubscriptions();
    expect(view?.commitments).toBe(1);
    expect(view?.lastError).toMatchObject({ reason: 'http', status: 503 });
  });
  it('asks again at the usual period while the browser is offline, however long it lasts', async () => {
    serve(() => new Response(feedText()));
    const start = Date.now();
    await subscribe(URL_A, start);
    // A feed that had failed twice already, then the connection goes.
    await (await db()).put('subscriptions', { ...(await subscription())!, failures: 2 });
    vi.stubGlobal('navigator', { onLine: false });
    serve(() => Promise.reject(new TypeError('Failed to fetch')));
    let now = start;
    for (let i = 0; i < 6; i++) {
      now += REFRESH_MINUTES * MINUTE;
      expect(await refreshDue(now, { force: true })).toBe(1);
      expect((await subscription())!.nextRefreshAt - now).toBe(REFRESH_MINUTES * MINUTE);
    }
    // Back online: due at the next alarm, and the publisher's own failures still count.
    vi.stubGlobal('navigator', { onLine: true });
    const publisher = serve(() => new Response(feedText('complete')));
    expect(await refreshDue(now + REFRESH_MINUTES * MINUTE)).toBe(1);
    expect(publisher.count()).toBe(1);
    expect((await (await feedStore()).get(URL_A))?.feed.commitments[0]?.status).toBe('complete');
    expect((await subscription())!.failures).toBe(0);
  });

  it('still backs off when the network fails while the browser says it is online', async () => {
    serve(() => new Response(feedText()));
    const start = Date.now();
    await subscribe(URL_A, start);
    vi.stubGlobal('navigator', { onLine: true });
    serve(() => Promise.reject(new TypeError('Failed to fetch')));
    await refreshDue(start, { force: true });
    await refreshDue(start, { force: true });
    expect((await subscription())!.nextRefreshAt - start).toBe(120 * MINUTE);
  });
});

describe('refreshing under adverse conditions', () => {
  it('makes one request when the alarm fires twice during a refresh', async () => {
    serve(() => new Response(feedText()));
    await subscribe(URL_A, Date.now());
    const held = deferred<Response>();
    const requests = serve(() => held.promise);
    const later = Date.now() + 60 * MINUTE;
    const first = refreshDue(later);
    const second = refreshDue(later, { force: true });
    await vi.waitFor(() => expect(requests.count()).toBe(1));
    held.resolve(new Response(feedText('complete')));
    await Promise.all([first, second]);
    expect(requests.count()).toBe(1);
    expect((await (await feedStore()).get(URL_A))?.feed.commitments[0]?.status).toBe('complete');
  });

  it('refreshes a feed due far in the future after the clock was set back', async () => {
    serve(() => new Response(feedText()));
    const now = Date.now();
    await subscribe(URL_A, now);
    const database = await db();
    // Scheduled while the clock was a year ahead.
    const sub = (await subscription())!;
    await database.put('subscriptions', { ...sub, nextRefreshAt: now + 365 * 24 * 60 * MINUTE });
    expect(await refreshDue(now)).toBe(1);
    expect((await subscription())!.nextRefreshAt).toBe(now + REFRESH_MINUTES * MINUTE);
    expect(await refreshDue(now + MINUTE)).toBe(0);
  });

  it('keeps nothing of a feed removed while it was being refreshed', async () => {
    serve(() => new Response(feedText()));
    await subscribe(URL_A, Date.now());
    await (await db()).put('follows', { feedId: URL_A, commitmentId: 'A1', since: 0 });
    const held = deferred<Response>();
    const requests = serve(() => held.promise);
    const refreshing = refreshDue(Date.now(), { force: true });
    await vi.waitFor(() => expect(requests.count()).toBe(1));
    await unsubscribe(URL_A);
    held.resolve(new Response(feedText('complete')));
    await refreshing;
    expect(await (await feedStore()).get(URL_A)).toBeUndefined();
    expect(await (await db()).getAll('baselines')).toEqual([]);
    expect(await listSubscriptions()).toEqual([]);
  });

  it('records a change that a stopped worker stored but had not compared yet', async () => {
    serve(() => new Response(feedText(), { headers: { etag: '"1"' } }));
    await subscribe(URL_A, Date.now());
    await (await db()).put('follows', { feedId: URL_A, commitmentId: 'A1', since: 0 });
    await refreshDue(Date.now(), { force: true });
    // The worker stored a newer copy, then stopped before comparing it.
    const store = await feedStore();
    const old = (await store.get(URL_A))!;
    serve(() => new Response(feedText('complete'), { headers: { etag: '"2"' } }));
    const { refreshFeed } = await import('../../shared/cache/index.ts');
    await refreshFeed(URL_A, { fetch: (u, i) => fetch(u, i), store, now: () => old.fetchedAt + 1 });
    expect(notified).toEqual([]);
    // Woken again: the server has nothing newer.
    serve(() => new Response(null, { status: 304 }));
    await refreshDue(Date.now(), { force: true });
    expect(notified).toHaveLength(1);
    expect(notified[0]).toMatch(/Complete/);
  });

  it('refuses a feed that a redirect brought down from https to http', async () => {
    serve(() => {
      const response = new Response(feedText());
      Object.defineProperty(response, 'redirected', { value: true });
      Object.defineProperty(response, 'url', { value: 'http://www.exemple.fr/feed.json' });
      return response;
    });
    const result = await subscribe(URL_A, Date.now());
    expect(result).toMatchObject({ ok: false, reason: 'network' });
    expect(!result.ok && result.message).toMatch(/not encrypted/);
    expect(await listSubscriptions()).toEqual([]);
  });

  it('follows a feed once at its old address and at the one it moved to', async () => {
    const URL_B = 'https://www.exemple.fr/engagements/feed.json';
    serve(() => new Response(feedText()));
    await subscribe(URL_A, Date.now());
    // The publisher moves the feed, and redirects the old address.
    serve(() => redirectedTo(URL_B));
    await refreshDue(Date.now(), { force: true });
    expect((await listSubscriptions()).map((s) => [s.url, s.movedTo])).toEqual([[URL_A, URL_B]]);
    // Subscribing at the new address, which its pages now announce, adds no second copy.
    serve(() => new Response(feedText()));
    expect(await subscribe(URL_B, Date.now())).toMatchObject({ ok: true, feedId: URL_A });
    expect((await listSubscriptions()).map((s) => s.url)).toEqual([URL_A]);
    expect((await (await feedStore()).list()).map((e) => e.url)).toEqual([URL_A]);
  });

  it('follows a feed once when given an old address that redirects to one followed', async () => {
    const OLD = 'https://www.exemple.fr/ancien.json';
    serve(() => new Response(feedText()));
    await subscribe(URL_A, Date.now());
    serve(() => redirectedTo(URL_A));
    expect(await subscribe(OLD, Date.now())).toMatchObject({ ok: true, feedId: URL_A });
    expect((await listSubscriptions()).map((s) => s.url)).toEqual([URL_A]);
  });

  it('follows one feed once, however its address is spelt', async () => {
    const requests = serve(() => new Response(feedText()));
    await subscribe(URL_A, Date.now());
    const again = await subscribe('https://WWW.Exemple.FR/feed.json#engagements', Date.now());
    expect(again).toMatchObject({ ok: true, feedId: URL_A });
    expect((await listSubscriptions()).map((s) => s.url)).toEqual([URL_A]);
    await refreshDue(Date.now(), { force: true });
    expect(requests.count()).toBe(3);
  });
});
