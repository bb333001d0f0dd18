import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';

vi.mock('wxt/browser', () => ({
  browser: {
    i18n: { getUILanguage: () => 'fr-FR' },
    runtime: { id: 'test', getURL: (path: string) => `chrome-extension://test${path}` },
    notifications: { create: async (id: string) => id },
    permissions: { getAll: async () => ({ origins: ['https://www.exemple.fr/*'] }) },
    tabs: { query: async () => [] },
    scripting: {
      getRegisteredContentScripts: async () => [],
      registerContentScripts: async () => undefined,
      unregisterContentScripts: async () => undefined,
    },
  },
}));

const { subscribe, listSubscriptions, seedDirectory } = await import('./subscriptions.ts');
const { refreshDue } = await import('./refresh.ts');
const { pageMatches } = await import('./messages.ts');

const url = 'https://www.exemple.fr/feed.json';
const feed = {
  format: 'open-commitments/1',
  publisher: { name: 'Ville', kind: 'municipality' },
  updated: '2026-11-01T00:00:00Z',
  site: ['https://www.exemple.fr/*'],
  commitments: [{ id: 'A1', title: 'Données ouvertes', status: 'limited' }],
};

function serve(status: number, body: string): void {
  vi.stubGlobal('fetch', async () => new Response(body, { status }));
}

afterEach(() => void vi.unstubAllGlobals());

describe('why a feed could not be read', () => {
  it('gives the reason and HTTP status of a refused subscription, for the pages to word', async () => {
    serve(404, 'not here');
    const result = await subscribe(url, Date.now());
    expect(result).toMatchObject({ ok: false, reason: 'http', status: 404 });
  });

  it('keeps the reason of a failed refresh beside the stored copy, and clears it on success', async () => {
    serve(200, JSON.stringify(feed));
    expect(await subscribe(url, Date.now())).toMatchObject({ ok: true });
    serve(500, 'down');
    await refreshDue(Date.now(), { force: true });
    const [failed] = await listSubscriptions();
    expect(failed?.lastError).toMatchObject({ reason: 'http', status: 500 });
    const [page] = await pageMatches('https://www.exemple.fr/');
    expect(page?.stale?.failedAt).toBe(failed?.lastError?.at);
    expect(page?.stale?.asOf).toBe(failed?.checkedAt);
    serve(200, JSON.stringify({ ...feed, updated: '2026-11-02T00:00:00Z' }));
    await refreshDue(Date.now(), { force: true });
    const [healthy] = await listSubscriptions();
    expect(healthy?.lastError).toBeUndefined();
    expect((await pageMatches('https://www.exemple.fr/'))[0]?.stale).toBeUndefined();
  });
});

describe('a feed that names every site', () => {
  it('asks for no access to all sites and shows its panel only on its own pages', async () => {
    const everywhere = 'https://www.exemple.fr/everywhere.json';
    serve(200, JSON.stringify({ ...feed, site: ['*://*/*', 'https://www.exemple.fr/*'] }));
    const result = await subscribe(everywhere, Date.now());
    expect(result).toMatchObject({ ok: true, missingOrigins: [], leftOut: ['*://*/*'] });
    const feedsOn = async (url: string) =>
      (await pageMatches(url)).filter((page) => page.feedId === everywhere);
    expect(await feedsOn('https://www.exemple.fr/')).toHaveLength(1);
    expect(await feedsOn('https://mail.example.com/inbox')).toEqual([]);
  });

  it('asks for no access to every site under a public suffix, nor shows its panel there', async () => {
    const wide = 'https://www.exemple.fr/wide.json';
    const site = [
      '*://*.fr/*',
      'https://*.gouv.fr/*',
      'https://*.github.io/*',
      '*://*.exemple.fr/*',
    ];
    serve(200, JSON.stringify({ ...feed, site }));
    const result = await subscribe(wide, Date.now());
    expect(result).toMatchObject({
      ok: true,
      missingOrigins: ['*://*.exemple.fr/*'],
      leftOut: ['*://*.fr/*', 'https://*.gouv.fr/*', 'https://*.github.io/*'],
    });
    const [view] = (await listSubscriptions()).filter((s) => s.feedId === wide);
    expect(view?.leftOut).toEqual(['*://*.fr/*', 'https://*.gouv.fr/*', 'https://*.github.io/*']);
    const feedsOn = async (url: string) =>
      (await pageMatches(url)).filter((page) => page.feedId === wide);
    expect(await feedsOn('https://www.exemple.fr/')).toHaveLength(1);
    expect(await feedsOn('https://www.autreville.fr/')).toEqual([]);
    expect(await feedsOn('https://www.impots.gouv.fr/')).toEqual([]);
    expect(await feedsOn('https://someone.github.io/')).toEqual([]);
  });
});

describe('the live feed of a plan that comes with the extension', () => {
  it('is never taken from another site, however alike: a copy there is a feed of its own', async () => {
    await seedDirectory(Date.now());
    const copy = 'https://evil.example/paris.json';
    const snapshot = JSON.parse(readFileSync('shared/feeds/paris.json', 'utf8'));
    const form = 'https://evil.example/collect?u={page}';
    serve(200, JSON.stringify({ ...snapshot, interpellation: { url: form } }));
    expect(await subscribe(copy, Date.now())).toMatchObject({
      ok: true,
      feedId: copy,
      name: 'Ville de Paris',
    });
    const [bundled] = (await listSubscriptions()).filter((s) => s.feedId === 'bundled:paris');
    expect(bundled?.url).toBeUndefined();
    // The plan that comes with the extension still speaks from its packaged copy, under its name.
    const page = 'https://www.opengovpartnership.org/members/paris-france/commitments/PAR0001/';
    const matches = await pageMatches(page);
    expect(matches.map((match) => match.feedId)).toEqual(['bundled:paris', copy]);
    expect(matches[0]?.feed.interpellation?.url).not.toBe(form);
    const { unsubscribe } = await import('./subscriptions.ts');
    await unsubscribe(copy);
  });

  it('is followed by the bundled subscription, so that its commitments are listed once', async () => {
    await seedDirectory(Date.now());
    // Served by the plan's publisher: on its site's origin, as the packaged copy names it.
    const live = 'https://www.opengovpartnership.org/members/paris-france/feed.json';
    serve(200, readFileSync('shared/feeds/paris.json', 'utf8'));
    expect(await subscribe(live, Date.now())).toMatchObject({
      ok: true,
      feedId: 'bundled:paris',
      name: 'Paris, membre OGP Local',
    });
    const views = await listSubscriptions();
    expect(views.filter((view) => view.url === live).map((view) => view.feedId)).toEqual([
      'bundled:paris',
    ]);
    const page = 'https://www.opengovpartnership.org/members/paris-france/commitments/PAR0001/';
    expect((await pageMatches(page)).map((match) => match.feedId)).toEqual(['bundled:paris']);
  });

  it('is not mistaken for a copy of the same plan moved to other sites, as the demo serves', async () => {
    await seedDirectory(Date.now());
    const moved = 'https://www.exemple.fr/valfleurie.json';
    const snapshot = JSON.parse(readFileSync('shared/feeds/valfleurie.json', 'utf8'));
    serve(200, JSON.stringify({ ...snapshot, site: ['https://www.exemple.fr/valfleurie/*'] }));
    expect(await subscribe(moved, Date.now())).toMatchObject({ ok: true, feedId: moved });
    const [bundled] = (await listSubscriptions()).filter((s) => s.feedId === 'bundled:valfleurie');
    expect(bundled?.url).toBeUndefined();
  });
});

describe('a feed subscribed to again', () => {
  it('is listed once, and the answer says it was subscribed already unless it was paused', async () => {
    const again = 'https://www.exemple.fr/again.json';
    serve(200, JSON.stringify(feed));
    const first = await subscribe(again, Date.now());
    expect(first).toMatchObject({ ok: true, feedId: again });
    expect(first).not.toHaveProperty('already');
    expect(await subscribe(again, Date.now())).toMatchObject({ ok: true, already: true });
    const { setPaused } = await import('./subscriptions.ts');
    await setPaused(again, true);
    const resumed = await subscribe(again, Date.now());
    expect(resumed).not.toHaveProperty('already');
    const views = (await listSubscriptions()).filter((s) => s.url === again);
    expect(views.map((view) => [view.feedId, view.paused])).toEqual([[again, false]]);
  });

  it('is not listed a second time beside the plan that comes with the extension and follows it', async () => {
    await seedDirectory(Date.now());
    const live = 'https://www.opengovpartnership.org/members/paris-france/feed.json';
    serve(200, readFileSync('shared/feeds/paris.json', 'utf8'));
    await subscribe(live, Date.now());
    expect(await subscribe(live, Date.now())).toMatchObject({
      ok: true,
      feedId: 'bundled:paris',
      name: 'Paris, membre OGP Local',
      already: true,
    });
    const views = await listSubscriptions();
    expect(views.filter((view) => view.url === live).map((view) => view.feedId)).toEqual([
      'bundled:paris',
    ]);
  });
});

describe('a subscription removed', () => {
  it('is listed first with how many of its commitments are followed or asked about, then takes the follows and keeps the questions', async () => {
    const { unsubscribe } = await import('./subscriptions.ts');
    const { setFollowed, followedSlices } = await import('./follows.ts');
    const { rememberQuestion, listQuestions } = await import('./questions.ts');
    const counted = 'https://www.exemple.fr/counted.json';
    const commitments = [
      { id: 'A1', title: 'Données ouvertes', status: 'limited' },
      { id: 'B1', title: 'Budget', status: 'limited' },
    ];
    const channel = { url: 'https://www.exemple.fr/interpeller?c={id}' };
    serve(200, JSON.stringify({ ...feed, commitments, interpellation: channel }));
    await subscribe(counted, Date.now());
    const view = async () => (await listSubscriptions()).find((s) => s.feedId === counted);
    expect(await view()).not.toHaveProperty('followed');
    expect(await view()).not.toHaveProperty('questions');
    await setFollowed(counted, 'A1', true);
    await setFollowed(counted, 'B1', true);
    // A follow of a commitment gone from the copy is not in My commitments: not counted.
    await setFollowed(counted, 'Z9', true);
    const [slice] = (await followedSlices()).filter((s) => s.feedId === counted);
    await rememberQuestion(counted, slice!.feed as never, slice!.feed.commitments[0]!, new Date());
    await rememberQuestion(counted, slice!.feed as never, slice!.feed.commitments[0]!, new Date());
    expect(await view()).toMatchObject({ followed: 2, questions: 1 });

    await unsubscribe(counted);
    expect((await followedSlices()).filter((s) => s.feedId === counted)).toEqual([]);
    expect((await listQuestions()).filter((q) => q.feedId === counted)).toHaveLength(1);
  });
});

describe('a web page given instead of a feed', () => {
  const html = (head: string) =>
    `<!doctype html><html lang="fr"><head><title>Ville</title>${head}</head><body></body></html>`;
  const announce = (href: string) =>
    `<link rel="alternate" type="application/vnd.open-commitments+json" href="${href}">`;
  function serveSite(pages: Record<string, string>): void {
    vi.stubGlobal('fetch', async (address: string) => {
      const body = pages[address];
      if (body === undefined) return new Response('not here', { status: 404 });
      const type = body.startsWith('<') ? 'text/html; charset=utf-8' : 'application/json';
      return new Response(body, { status: 200, headers: { 'content-type': type } });
    });
  }

  it('subscribes to the feed the page announces, and says which address it found', async () => {
    const found = 'https://www.exemple.fr/data/announced.json';
    serveSite({
      'https://www.exemple.fr/ville/': html(announce('../data/announced.json')),
      [found]: JSON.stringify(feed),
    });
    const result = await subscribe('https://www.exemple.fr/ville/', Date.now());
    expect(result).toMatchObject({ ok: true, feedId: found, found, name: 'Ville' });
    const ids = (await listSubscriptions()).map((sub) => sub.feedId);
    expect(ids).toContain(found);
    expect(ids).not.toContain('https://www.exemple.fr/ville/');
  });

  it('says that a page announcing no feed is a web page, not that its JSON is invalid', async () => {
    serveSite({ 'https://www.exemple.fr/contact/': html('<link rel="stylesheet" href="/s.css">') });
    const result = await subscribe('https://www.exemple.fr/contact/', Date.now());
    expect(result).toMatchObject({ ok: false, reason: 'web-page', errors: [] });
    expect(result).not.toHaveProperty('announced');
  });

  it('names a feed announced on a host not granted yet, without downloading it', async () => {
    const elsewhere = 'https://data.autre-ville.fr/engagements.json';
    const fetched: string[] = [];
    serveSite({ 'https://www.exemple.fr/plan/': html(announce(elsewhere)) });
    const served = globalThis.fetch;
    vi.stubGlobal('fetch', async (address: string, init: RequestInit) => {
      fetched.push(address);
      return served(address, init);
    });
    const result = await subscribe('https://www.exemple.fr/plan/', Date.now());
    expect(result).toMatchObject({ ok: false, reason: 'web-page', announced: elsewhere });
    expect(fetched).toEqual(['https://www.exemple.fr/plan/']);
  });

  it('looks for a feed once: a page announced as the feed is refused as not JSON', async () => {
    serveSite({
      'https://www.exemple.fr/a/': html(announce('/b/')),
      'https://www.exemple.fr/b/': html(announce('/a/')),
    });
    const result = await subscribe('https://www.exemple.fr/a/', Date.now());
    expect(result).toMatchObject({ ok: false, reason: 'refused' });
    if (!result.ok) expect(result.errors[0]?.code).toBe('not-json');
  });
});

describe('the list of subscriptions', () => {
  it('is in the order of the publishers’ names, numbers counted as such, bundled plans last', async () => {
    await seedDirectory(Date.now());
    const names = ['Commune 10', 'Commune 2', 'Écouen', 'Commune 1', 'Ezanville'];
    const address = (i: number) => `https://www.exemple.fr/sorted-${i}.json`;
    vi.stubGlobal('fetch', async (input: RequestInfo | URL) => {
      const i = names.findIndex((_, n) => String(input) === address(n));
      const publisher = { ...feed.publisher, name: names[i] };
      return new Response(JSON.stringify({ ...feed, publisher }));
    });
    for (let i = 0; i < names.length; i++) await subscribe(address(i), Date.now());
    const views = await listSubscriptions();
    expect(views.filter((v) => v.url?.includes('/sorted-')).map((v) => v.name)).toEqual([
      'Commune 1',
      'Commune 2',
      'Commune 10',
      'Écouen',
      'Ezanville',
    ]);
    const bundled = views.map((v) => Boolean(v.bundled));
    expect(bundled.indexOf(true)).toBeGreaterThan(0);
    expect(bundled.slice(bundled.indexOf(true))).not.toContain(false);
  });
});
