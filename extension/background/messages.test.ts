import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('wxt/browser', () => ({
  browser: {
    i18n: { getUILanguage: () => 'en-GB' },
    runtime: { id: 'test', getURL: (path: string) => `chrome-extension://test${path}` },
    notifications: { create: async (id: string) => id },
    permissions: { getAll: async () => ({ origins: granted }) },
    scripting: {
      getRegisteredContentScripts: async () => [],
      registerContentScripts: async () => undefined,
      unregisterContentScripts: async () => undefined,
      updateContentScripts: async () => undefined,
    },
    tabs: { query: async () => [], sendMessage: async () => undefined },
  },
}));

/** The host permissions the browser grants now. */
let granted: string[] = [];

const { addDays } = await import('../../shared/index.ts');
const { handleMessage } = await import('./messages.ts');
const { setFollowed } = await import('./follows.ts');
const { db } = await import('./db.ts');

const feedId = 'bundled:valfleurie';
const dashboard = { id: 'test', url: 'chrome-extension://test/dashboard.html' };

beforeEach(async () => {
  const database = await db();
  for (const name of ['subscriptions', 'follows', 'baselines', 'changes', 'questions'] as const)
    await database.clear(name);
  await database.put('subscriptions', {
    feedId,
    bundled: 'valfleurie',
    paused: true,
    addedAt: 0,
    failures: 0,
    nextRefreshAt: 0,
  });
  await setFollowed(feedId, 'VF-01', true);
});

describe('remember-question from "My commitments" (no page)', () => {
  it('keeps a question about a followed commitment, with its channel and when it is due', async () => {
    const reply = await handleMessage(
      { type: 'remember-question', feedId, commitmentId: 'VF-01' },
      dashboard,
    );
    expect(reply).toMatchObject({
      ok: true,
      value: {
        question: {
          feedId,
          commitmentId: 'VF-01',
          title: 'Publish every public contract as open data',
          channel: { kind: 'url', target: 'participer.valfleurie.example' },
        },
      },
    });
    const [kept] = await (await db()).getAll('questions');
    // The feed promises an answer within 30 days: My commitments says when, and flags it late.
    expect(kept?.dueOn).toBe(addDays(kept!.askedOn, 30));
  });

  it('refuses a commitment the person does not follow, or a feed they do not subscribe to', async () => {
    for (const request of [
      { type: 'remember-question', feedId, commitmentId: 'VF-02' },
      { type: 'remember-question', feedId, commitmentId: 'VF-99' },
      { type: 'remember-question', feedId: 'bundled:paris', commitmentId: 'VF-01' },
    ]) {
      expect(await handleMessage(request, dashboard)).toMatchObject({
        ok: false,
        error: expect.stringContaining('not followed'),
      });
    }
    await (await db()).delete('subscriptions', feedId);
    expect(
      await handleMessage({ type: 'remember-question', feedId, commitmentId: 'VF-01' }, dashboard),
    ).toMatchObject({ ok: false });
    expect(await (await db()).count('questions')).toBe(0);
  });

  it('refuses a question from a content script that names no page', async () => {
    const page = 'https://www.valfleurie.example/marches';
    const reply = await handleMessage(
      { type: 'remember-question', feedId, commitmentId: 'VF-01' },
      { id: 'test', url: page, tab: { id: 3, url: page }, frameId: 0 },
    );
    expect(reply).toMatchObject({ ok: false, error: expect.stringContaining('its own page') });
    expect(await (await db()).count('questions')).toBe(0);
  });
});

describe('page-matches', () => {
  it('shows a content script nothing on a site no longer allowed, and the popup still all', async () => {
    const database = await db();
    await database.put('subscriptions', {
      ...(await database.get('subscriptions', feedId))!,
      paused: false,
    });
    const page = 'https://www.valfleurie.example/marches';
    const fromPage = { id: 'test', url: page, tab: { id: 3, url: page }, frameId: 0 };
    const ask = (sender: Parameters<typeof handleMessage>[1]) =>
      handleMessage({ type: 'page-matches', url: page }, sender).then(
        (reply) => (reply as { value: { feeds: unknown[] } }).value.feeds.length,
      );
    granted = ['https://www.valfleurie.example/*'];
    await expect(ask(fromPage)).resolves.toBe(1);
    granted = ['https://participer.valfleurie.example/*'];
    await expect(ask(fromPage)).resolves.toBe(0);
    await expect(ask({ id: 'test', url: 'chrome-extension://test/popup.html' })).resolves.toBe(1);
  });
});

describe('set-paused', () => {
  const url = 'https://www.exemple.fr/engagements.json';
  const body = JSON.stringify({
    format: 'open-commitments/1',
    publisher: { name: 'Ville d’Exemple', kind: 'municipality' },
    updated: '2026-11-30T09:00:00Z',
    commitments: [{ id: 'E1', title: 'Ouvrir les données', status: 'limited' }],
  });

  async function resume(nextRefreshAt: number): Promise<number> {
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (input: RequestInfo | URL) => {
      fetched.push(String(input instanceof Request ? input.url : input));
      return new Response(body, { headers: { 'content-type': 'application/json' } });
    });
    try {
      await (
        await db()
      ).put('subscriptions', {
        feedId: url,
        url,
        paused: true,
        addedAt: 0,
        failures: 0,
        nextRefreshAt,
      });
      const reply = await handleMessage(
        { type: 'set-paused', feedId: url, paused: false },
        dashboard,
      );
      expect(reply).toMatchObject({ ok: true });
      expect((await (await db()).get('subscriptions', url))?.paused).toBe(false);
      return fetched.filter((address) => address === url).length;
    } finally {
      vi.unstubAllGlobals();
    }
  }

  it('downloads a feed resumed after its time, rather than at the next alarm', async () => {
    await expect(resume(0)).resolves.toBe(1);
  });

  it('leaves a feed resumed before its time to its alarm', async () => {
    await expect(resume(Date.now() + 60_000)).resolves.toBe(0);
  });
});

describe('follow', () => {
  it('refuses to follow a commitment of a feed no longer subscribed to, keeping nothing', async () => {
    const reply = await handleMessage(
      {
        type: 'follow',
        feedId: 'https://www.exemple.fr/gone.json',
        commitmentId: 'E1',
        follow: true,
      },
      dashboard,
    );
    expect(reply).toMatchObject({ ok: false, error: expect.stringContaining('not subscribed') });
    const follows = await (await db()).getAll('follows');
    expect(follows.map((f) => f.feedId)).toEqual([feedId]);
  });
});

describe('dashboard', () => {
  it('names the publisher of a change recorded before changes kept it, from the feed’s copy', async () => {
    await (
      await db()
    ).add('changes', {
      feedId,
      commitmentId: 'VF-01',
      title: 'VF-01',
      at: 1000,
      lines: ['Text edited'],
      notified: true,
    });
    const reply = await handleMessage({ type: 'dashboard' }, dashboard);
    const { changes } = (reply as { value: { changes: { publisher?: unknown }[] } }).value;
    expect(changes.map((c) => c.publisher)).toEqual([
      { en: 'Valfleurie (fictional town)', fr: 'Commune de Valfleurie (fictive)' },
    ]);
  });

  it('lists the changes newest first, the last recorded first among those of one refresh', async () => {
    const database = await db();
    const change = (commitmentId: string, at: number) => ({
      feedId,
      commitmentId,
      title: commitmentId,
      at,
      facts: [{ kind: 'progress' as const, from: 10, to: 20 }],
      notified: true,
    });
    // One refresh records its changes with the same time, in the order they were found.
    for (const id of ['VF-01', 'VF-02', 'VF-03']) await database.add('changes', change(id, 1000));
    await database.add('changes', change('VF-04', 2000));
    for (const id of ['VF-05', 'VF-06']) await database.add('changes', change(id, 3000));
    const reply = await handleMessage({ type: 'dashboard' }, dashboard);
    const { changes } = (reply as { value: { changes: { commitmentId: string }[] } }).value;
    expect(changes.map((c) => c.commitmentId)).toEqual([
      'VF-06',
      'VF-05',
      'VF-04',
      'VF-03',
      'VF-02',
      'VF-01',
    ]);
  });
});
