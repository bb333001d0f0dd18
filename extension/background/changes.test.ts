import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { parseFeed, type Feed } from '../../shared/index.ts';

const created: { id: string; title: string; message: string }[] = [];
/** The browser's interface language, which the person may change between two refreshes. */
let uiLanguage = 'en-GB';
/** The browser refuses notifications (turned off for the extension). */
let refuseNotifications = false;
const opened: string[] = [];
/** The tabs and windows brought forward, as `tabs.update` / `windows.update` calls. */
const updated: unknown[] = [];
/**
 * The extension's tabs `runtime.getContexts` lists, or undefined for a browser without it.
 */
let openContexts: { tabId: number; windowId: number; documentUrl: string }[] | undefined;
vi.mock('wxt/browser', () => ({
  browser: {
    i18n: { getUILanguage: () => uiLanguage },
    runtime: {
      getURL: (path: string) => `chrome-extension://test${path}`,
      sendMessage: async (message: string) => updated.push(['message', message]),
      getContexts: async () => {
        if (!openContexts) throw new TypeError('browser.runtime.getContexts is not a function');
        return openContexts;
      },
    },
    notifications: {
      create: async (id: string, options: { title: string; message: string }) => {
        if (refuseNotifications) throw new Error('Notifications are disabled');
        created.push({ id, title: options.title, message: options.message });
        return id;
      },
      clear: async () => true,
    },
    tabs: {
      create: async ({ url }: { url: string }) => opened.push(url),
      update: async (tabId: number, props: object) => updated.push(['tab', tabId, props]),
    },
    windows: {
      update: async (windowId: number, props: object) => updated.push(['window', windowId, props]),
    },
  },
}));

const { changeFact, recordChanges, MAX_CHANGES } = await import('./changes.ts');
const { changeLines, changeTitle, describeChange } = await import('../state/change-words.ts');
const { db } = await import('./db.ts');
const { feedStore } = await import('./feeds.ts');
const { notifyPending, onNotificationClicked } = await import('./notifications.ts');

const url = 'https://www.exemple.fr/feed.json';

function feed(edit: (commitment: Record<string, unknown>) => void = () => undefined): Feed {
  const a1: Record<string, unknown> = {
    id: 'A1',
    title: { en: 'Open data', fr: 'Données ouvertes' },
    status: 'limited',
    due: '2027-06-30',
  };
  edit(a1);
  const result = parseFeed({
    format: 'open-commitments/1',
    publisher: { name: 'Ville', kind: 'municipality' },
    updated: '2026-11-01T00:00:00Z',
    interpellation: { url: 'https://www.exemple.fr/q?id={id}', responseDays: 30 },
    commitments: [a1, { id: 'B1', title: 'Other', status: 'limited' }],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.feed;
}

async function store(f: Feed, fetchedAt: number): Promise<void> {
  await (await feedStore()).put({ url, feed: f, warnings: [], fetchedAt, checkedAt: fetchedAt });
}

beforeEach(async () => {
  created.length = 0;
  uiLanguage = 'en-GB';
  refuseNotifications = false;
  opened.length = 0;
  updated.length = 0;
  openContexts = undefined;
  const database = await db();
  for (const name of ['changes', 'follows', 'baselines', 'questions'] as const)
    await database.clear(name);
  await database.put('follows', { feedId: url, commitmentId: 'A1', since: 0 });
  await database.put('subscriptions', {
    feedId: url,
    url,
    paused: false,
    addedAt: 0,
    failures: 0,
    nextRefreshAt: 0,
  });
});

describe('recording changes of followed commitments', () => {
  it('sets a baseline from the first copy without reporting anything', async () => {
    await store(feed(), 1);
    expect(await recordChanges(url, url)).toBe(0);
    expect(created).toEqual([]);
  });

  it('keeps no baseline and reports nothing for a feed unsubscribed meanwhile', async () => {
    await store(feed(), 1);
    expect(await recordChanges(url, url)).toBe(0);
    await (await db()).delete('subscriptions', url);
    await store(
      feed((c) => (c.status = 'complete')),
      2,
    );
    expect(await recordChanges(url, url)).toBe(0);
    await (await db()).delete('baselines', url);
    expect(await recordChanges(url, url)).toBe(0);
    expect(await (await db()).getAll('baselines')).toEqual([]);
    expect(created).toEqual([]);
  });

  it('shows a change once when two refreshes end at the same time', async () => {
    await (
      await db()
    ).add('changes', {
      feedId: url,
      commitmentId: 'A1',
      title: 'Open data',
      at: 1,
      lines: ['Status: Limited → Complete'],
      notified: false,
    });
    await Promise.all([notifyPending(), notifyPending()]);
    expect(created).toHaveLength(1);
  });

  it('tells many changes at once in one notification with their count, not one each', async () => {
    const database = await db();
    for (let i = 0; i < 40; i++) {
      await database.add('changes', {
        feedId: url,
        commitmentId: `A${i}`,
        title: `Commitment ${i}`,
        at: i,
        lines: ['Status: Limited → Complete'],
        notified: false,
      });
    }
    await notifyPending();
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({
      title: 'Commitments you follow',
      message: '40 changes to commitments you follow: see them in “My commitments”.',
    });
    expect(created[0]!.id).toMatch(/^oc-change-/);
    // Each stays listed in "My commitments", and none is shown again.
    const changes = await database.getAll('changes');
    expect(changes).toHaveLength(40);
    expect(changes.every((c) => c.notified)).toBe(true);
    await notifyPending();
    expect(created).toHaveLength(1);
  });

  it('opens My commitments at its recent changes when a notification is clicked', async () => {
    openContexts = [{ tabId: 3, windowId: 1, documentUrl: 'chrome-extension://test/options.html' }];
    await onNotificationClicked('oc-change-7');
    await onNotificationClicked('another-extension-7');
    expect(opened).toEqual(['chrome-extension://test/dashboard.html#oc-changes']);
    expect(updated).toEqual([]);
  });

  it('brings an open My commitments forward at its recent changes rather than opening another', async () => {
    openContexts = [
      { tabId: 3, windowId: 1, documentUrl: 'chrome-extension://test/options.html' },
      { tabId: 8, windowId: 2, documentUrl: 'chrome-extension://test/dashboard.html#oc-follows' },
    ];
    await onNotificationClicked('oc-change-7');
    expect(opened).toEqual([]);
    expect(updated).toEqual([
      ['tab', 8, { active: true, url: 'chrome-extension://test/dashboard.html#oc-changes' }],
      ['message', 'open-commitments:show-changes'],
      ['window', 2, { focused: true }],
    ]);
  });

  it('opens My commitments in a tab in a browser that cannot list its open pages', async () => {
    await onNotificationClicked('oc-change-7');
    expect(opened).toEqual(['chrome-extension://test/dashboard.html#oc-changes']);
  });

  it('says nothing of an older copy served again, nor of the newer one coming back', async () => {
    const dated = (updated: string, status: string): Feed => ({
      ...feed((c) => (c.status = status)),
      updated,
    });
    await store(dated('2026-11-01T00:00:00Z', 'limited'), 1);
    await recordChanges(url, url);
    await store(dated('2026-11-20T00:00:00Z', 'complete'), 2);
    expect(await recordChanges(url, url)).toBe(1);
    // A cache or a mirror lagging behind serves the copy of November 1st again, then catches up.
    await store(dated('2026-11-01T00:00:00Z', 'limited'), 3);
    expect(await recordChanges(url, url)).toBe(0);
    await store(dated('2026-11-20T00:00:00Z', 'complete'), 4);
    expect(await recordChanges(url, url)).toBe(0);
    expect(created).toHaveLength(1);
    expect(created[0]?.message).toMatch(/Limited.*→.*Complete/);
    // The publisher's next change is told against what the person was last told.
    await store(dated('2026-11-25T00:00:00Z', 'withdrawn'), 5);
    expect(await recordChanges(url, url)).toBe(1);
    expect(created.at(-1)?.message).toMatch(/Complete.*→.*Withdrawn/);
  });

  it('still tells changes after a copy once dated in the future, by a clock set wrong', async () => {
    await store({ ...feed(), updated: '2099-01-01T00:00:00Z' }, 1);
    await recordChanges(url, url);
    await store(
      feed((c) => (c.status = 'complete')),
      2,
    );
    expect(await recordChanges(url, url)).toBe(1);
  });

  it('reports a followed commitment’s change once, in words, with a notification', async () => {
    await store(feed(), 1);
    await recordChanges(url, url);
    await store(
      feed((c) => Object.assign(c, { status: 'substantial', due: '2027-12-31' })),
      2,
    );
    expect(await recordChanges(url, url)).toBe(1);
    // Run again (a second alarm, a restarted worker): nothing is recorded twice.
    expect(await recordChanges(url, url)).toBe(0);
    const changes = await (await db()).getAll('changes');
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ commitmentId: 'A1', notified: true });
    expect(changeTitle(changes[0]!, 'en').text).toBe('Open data');
    expect(changeLines(changes[0]!, 'en')).toEqual([
      'Status: Limited → Substantial',
      'Due date: June 30, 2027 → December 31, 2027',
    ]);
    expect(created).toEqual([
      {
        id: `oc-change-${changes[0]!.id}`,
        title: 'Open data',
        message:
          'Ville\nStatus: Limited → Substantial\nDue date: June 30, 2027 → December 31, 2027',
      },
    ]);
  });

  it('words changes recorded before the browser’s language changed in its new language', async () => {
    const labelled = (status: string): Feed => {
      const result = parseFeed({
        format: 'open-commitments/1',
        publisher: { name: 'Ville', kind: 'municipality' },
        updated: '2026-11-01T00:00:00Z',
        languages: ['fr', 'en'],
        statuses: [
          { key: 'ongoing', label: { fr: 'En cours', en: 'Under way' }, category: 'limited' },
          { key: 'done', label: { fr: 'Terminé', en: 'Done' }, category: 'complete' },
        ],
        commitments: [
          { id: 'A1', title: { en: 'Open data', fr: 'Données ouvertes' }, status, progress: 40 },
          { id: 'B1', title: 'Other', status: 'ongoing' },
        ],
      });
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      return result.feed;
    };
    await store(labelled('ongoing'), 1);
    await recordChanges(url, url);
    await store(labelled('done'), 2);
    expect(await recordChanges(url, url)).toBe(1);
    expect(created.at(-1)).toMatchObject({
      title: 'Open data',
      message: 'Ville\nStatus: Under way → Done',
    });
    // The person switches the browser to French; what was recorded reads in French.
    uiLanguage = 'fr-FR';
    const next = labelled('done');
    await store({ ...next, commitments: next.commitments.filter((c) => c.id !== 'A1') }, 3);
    expect(await recordChanges(url, url)).toBe(1);
    const [status, removed] = await (await db()).getAll('changes');
    expect([status, removed].map((c) => changeTitle(c!, 'fr'))).toEqual([
      { text: 'Données ouvertes', lang: 'fr' },
      { text: 'Données ouvertes', lang: 'fr' },
    ]);
    expect(changeLines(status!, 'fr')).toEqual([
      'État\u00a0: \u2068En cours\u2069 → \u2068Terminé\u2069',
    ]);
    expect(created.at(-1)).toEqual(
      expect.objectContaining({
        title: 'Données ouvertes',
        message: 'Ville\nAbsent du dernier flux de l’organisme',
      }),
    );
  });

  it('names the publisher on the notification’s first line, in the reader’s language', async () => {
    const named = (f: Feed): Feed => ({
      ...f,
      publisher: { ...f.publisher, name: { en: 'Town of Example', fr: 'Ville d’Exemple' } },
    });
    uiLanguage = 'fr-FR';
    await store(named(feed()), 1);
    await recordChanges(url, url);
    await store(named(feed((c) => (c.status = 'complete'))), 2);
    expect(await recordChanges(url, url)).toBe(1);
    expect(created).toEqual([
      expect.objectContaining({
        title: 'Données ouvertes',
        message: 'Ville d’Exemple\nÉtat\u00a0: Limité → Terminé',
      }),
    ]);
  });

  it('records a change the browser refused to notify, and tells it at a later wake', async () => {
    await store(feed(), 1);
    await recordChanges(url, url);
    await store(
      feed((c) => (c.status = 'complete')),
      2,
    );
    refuseNotifications = true;
    expect(await recordChanges(url, url)).toBe(1);
    expect(created).toEqual([]);
    refuseNotifications = false;
    await notifyPending();
    expect(created).toEqual([
      expect.objectContaining({ message: 'Ville\nStatus: Limited → Complete' }),
    ]);
  });

  it('isolates the publisher’s status labels in the line, and leaves direction controls out of notifications', async () => {
    const withLabels = (status: string): Feed => {
      const result = parseFeed({
        format: 'open-commitments/1',
        publisher: { name: 'Ville', kind: 'municipality' },
        updated: '2026-11-01T00:00:00Z',
        statuses: [
          { key: 'ongoing', label: '\u202eOngoing', category: 'limited' },
          { key: 'done', label: 'Done', category: 'complete' },
        ],
        commitments: [{ id: 'A1', title: 'Open data', status }],
      });
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      return result.feed;
    };
    await store(withLabels('ongoing'), 1);
    await recordChanges(url, url);
    await store(withLabels('done'), 2);
    expect(await recordChanges(url, url)).toBe(1);
    const [change] = await (await db()).getAll('changes');
    expect(changeLines(change!, 'en')).toEqual([
      'Status: \u2068\u202eOngoing\u2069 → \u2068Done\u2069',
    ]);
    // Many notification centres draw the isolates as boxes: the notification carries neither
    // them nor the override, which would turn the rest of its line around without them.
    expect(created[0]?.message).toBe('Ville\nStatus: Ongoing → Done');
  });

  it('gives a new update’s own words in its line and its notification, in the reader’s language', async () => {
    await store(
      feed((c) => (c.updates = [{ date: '2026-11-20', note: 'Tender launched' }])),
      1,
    );
    await recordChanges(url, url);
    await store(
      feed(
        (c) =>
          (c.updates = [
            { date: '2026-11-20', note: 'Tender launched' },
            { date: '2026-11-20', note: { en: 'Contract signed', fr: 'Marché signé' } },
            { date: '2026-11-21' },
          ]),
      ),
      2,
    );
    expect(await recordChanges(url, url)).toBe(1);
    expect(created).toEqual([
      expect.objectContaining({
        title: 'Open data',
        message:
          'Ville\nNew update (November 20, 2026): Contract signed\nNew update (November 21, 2026)',
      }),
    ]);
    const [change] = await (await db()).getAll('changes');
    expect(changeLines(change!, 'fr')).toEqual([
      'Nouvelle mise à jour (20 novembre 2026)\u00a0: \u2068Marché signé\u2069',
      'Nouvelle mise à jour (21 novembre 2026)',
    ]);
  });

  it('keeps a long update note cut, on one line, in the change list', async () => {
    await store(feed(), 1);
    await recordChanges(url, url);
    const note = `Signed.\n${'word '.repeat(3000)}`;
    await store(
      feed((c) => (c.updates = [{ date: '2026-11-20', note }])),
      2,
    );
    expect(await recordChanges(url, url)).toBe(1);
    const [change] = await (await db()).getAll('changes');
    expect(JSON.stringify(change).length).toBeLessThan(600);
    const [line] = changeLines(change!, 'en');
    expect(line).toMatch(
      /^New update \(November 20, 2026\): \u2068Signed\. word word .*word…\u2069$/,
    );
    expect(line!.length).toBeLessThan(200);
  });

  it('tells a follower of a new interpellation with its date and question, cut, in the reader’s language', async () => {
    await store(feed(), 1);
    await recordChanges(url, url);
    const long = `Why is the register late?\n${'Please say when it opens. '.repeat(200)}`;
    await store(
      feed((c) =>
        Object.assign(c, {
          interpellations: [
            {
              id: 'Q1',
              date: '2026-11-20',
              question: { en: long, fr: 'Pourquoi le registre est-il en retard ?' },
              status: 'open',
            },
          ],
        }),
      ),
      2,
    );
    expect(await recordChanges(url, url)).toBe(1);
    expect(created).toEqual([
      expect.objectContaining({
        title: 'Open data',
        message: `Ville\nNew citizen question (November 20, 2026): “Why is the register late? ${'Please say when it opens. '.repeat(4)}Please say when it…”`,
      }),
    ]);
    const [change] = await (await db()).getAll('changes');
    // Kept cut in every language, so that the record stays small.
    expect(JSON.stringify(change).length).toBeLessThan(600);
    expect(changeLines(change!, 'fr')).toEqual([
      'Nouvelle interpellation (20 novembre 2026)\u00a0: «\u00a0\u2068Pourquoi le registre est-il en retard ?\u2069\u00a0»',
    ]);
  });

  it('tells of a new interpellation only a person who follows the commitment, not one who asked about it', async () => {
    const database = await db();
    await database.delete('follows', [url, 'A1']);
    await database.add('questions', {
      feedId: url,
      commitmentId: 'A1',
      title: 'Open data',
      askedOn: '2026-11-02',
      channel: { kind: 'url', target: 'www.exemple.fr' },
      dueOn: '2026-12-02',
    });
    const asked = (interpellations: unknown[]) =>
      feed((c) => Object.assign(c, { interpellations }));
    const q1 = { id: 'Q1', date: '2026-11-02', question: 'When?', status: 'open' };
    await store(asked([]), 1);
    await recordChanges(url, url);
    await store(asked([q1]), 2);
    expect(await recordChanges(url, url)).toBe(0);
    expect(created).toEqual([]);
    // Once following it too, the next question is told.
    await database.put('follows', { feedId: url, commitmentId: 'A1', since: 0 });
    await store(asked([q1, { id: 'Q2', date: '2026-11-21', question: 'Who?', status: 'open' }]), 3);
    expect(await recordChanges(url, url)).toBe(1);
    expect(created).toEqual([
      expect.objectContaining({
        message: 'Ville\nNew citizen question (November 21, 2026): “Who?”',
      }),
    ]);
  });

  it('tells no edit of a followed commitment’s texts, and names it by its new title next time', async () => {
    await store(feed(), 1);
    await recordChanges(url, url);
    const title = { en: 'Open data for all', fr: 'Données ouvertes pour tous' };
    await store(
      feed((c) => (c.title = title)),
      2,
    );
    expect(await recordChanges(url, url)).toBe(0);
    await store(
      feed((c) => Object.assign(c, { title, status: 'complete' })),
      3,
    );
    expect(await recordChanges(url, url)).toBe(1);
    expect(created).toEqual([
      expect.objectContaining({
        title: 'Open data for all',
        message: 'Ville\nStatus: Limited → Complete',
      }),
    ]);
  });

  it('words a missing progress and due date each in the gender French gives it', () => {
    const f = feed();
    const progress = describeChange(changeFact({ kind: 'progress', to: 30 }, f, f), 'fr');
    const due = describeChange(
      changeFact({ kind: 'due', to: '2027-06-30', explained: false }, f, f),
      'fr',
    );
    expect(progress).toMatch(/^Avancement\u00a0: non communiqué → 30/);
    expect(due).toBe('Échéance\u00a0: aucune → 30 juin 2027');
  });

  it('says when a followed commitment is missing from the new copy, under its last title', async () => {
    await store(feed(), 1);
    await recordChanges(url, url);
    const next = feed();
    await store({ ...next, commitments: next.commitments.filter((c) => c.id !== 'A1') }, 2);
    expect(await recordChanges(url, url)).toBe(1);
    expect(created).toEqual([
      expect.objectContaining({
        title: 'Open data',
        message: 'Ville\nMissing from the publisher’s latest feed',
      }),
    ]);
  });

  it('ignores changes of commitments nobody follows', async () => {
    await store(feed(), 1);
    await recordChanges(url, url);
    const next = feed();
    await store(
      {
        ...next,
        commitments: next.commitments.map((c) =>
          c.id === 'B1' ? { ...c, status: 'complete' } : c,
        ),
      },
      2,
    );
    expect(await recordChanges(url, url)).toBe(0);
  });

  it('marks a question answered when the publisher publishes an answer', async () => {
    const database = await db();
    await database.delete('follows', [url, 'A1']);
    const id = await database.add('questions', {
      feedId: url,
      commitmentId: 'A1',
      title: 'Open data',
      askedOn: '2026-11-02',
      channel: { kind: 'url', target: 'www.exemple.fr' },
      dueOn: '2026-12-02',
    });
    await store(feed(), 1);
    await recordChanges(url, url);
    await store(
      feed((c) =>
        Object.assign(c, {
          interpellations: [
            {
              id: 'Q1',
              date: '2026-11-02',
              question: 'When?',
              status: 'answered',
              answer: { date: '2026-11-20', text: 'Soon.' },
            },
          ],
        }),
      ),
      2,
    );
    expect(await recordChanges(url, url)).toBe(1);
    expect((await database.get('questions', id))?.answeredOn).toBe('2026-11-20');
    expect(created[0]?.message).toBe('Ville\nAnswer published (November 20, 2026)');
  });

  it('keeps the newest changes when the list is full', async () => {
    const database = await db();
    for (let i = 0; i < MAX_CHANGES; i++) {
      await database.add('changes', {
        feedId: url,
        commitmentId: 'A1',
        title: 'old',
        at: i,
        lines: [],
        notified: true,
      });
    }
    await store(feed(), 1);
    await recordChanges(url, url);
    await store(
      feed((c) => Object.assign(c, { status: 'complete' })),
      2,
    );
    await recordChanges(url, url);
    const changes = await database.getAll('changes');
    expect(changes).toHaveLength(MAX_CHANGES);
    expect(changes.some((c) => c.at === 0)).toBe(false);
    expect(changeLines(changes.at(-1)!, 'en')).toEqual(['Status: Limited → Complete']);
  });
});
