// @vitest-environment happy-dom
import { signal } from '@preact/signals';
import { render } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import { parseFeed } from '../../shared/feed/parse-feed.ts';
import type { DashboardData, QuestionView } from '../messaging/protocol.ts';
import type { DashboardModel } from '../state/dashboard.ts';
import { DashboardApp } from './DashboardApp.tsx';

function feed() {
  const parsed = parseFeed({
    format: 'open-commitments/1',
    updated: '2026-11-01T09:00:00Z',
    publisher: { name: 'Town', kind: 'municipality' },
    commitments: [
      { id: 'A1', title: 'Open data', status: 'limited' },
      { id: 'B1', title: 'Budget', status: 'complete' },
    ],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.feed;
}

function fakeModel(data: DashboardData, calls: string[] = []): DashboardModel {
  const model = signal(data);
  return {
    data: model,
    error: signal(null),
    load: async () => undefined,
    deleteQuestion: async (id) => {
      calls.push(`delete ${id}`);
      model.value = { ...model.value, questions: model.value.questions.filter((q) => q.id !== id) };
    },
    unfollow: async (feedId, id) => {
      calls.push(`unfollow ${feedId} ${id}`);
      model.value = {
        ...model.value,
        followed: model.value.followed
          .map((s) =>
            s.feedId !== feedId
              ? s
              : {
                  ...s,
                  feed: { ...s.feed, commitments: s.feed.commitments.filter((c) => c.id !== id) },
                },
          )
          .filter((s) => s.feed.commitments.length > 0),
      };
    },
    rememberQuestion: async (feedId, id) => {
      calls.push(`remember ${feedId} ${id}`);
      model.value = {
        ...model.value,
        questions: [{ ...question(model.value.questions.length + 1, id), dueOn: '2026-12-01' }],
      };
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

function question(id: number, commitmentId: string) {
  return {
    id,
    feedId: 'town',
    commitmentId,
    title: commitmentId,
    askedOn: '2026-11-01',
    channel: { kind: 'url' as const, target: 'www.town.example' },
  };
}

function mount(model: DashboardModel, lang: 'fr' | 'en' = 'en'): HTMLElement {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  render(<DashboardApp model={model} lang={lang} />, root);
  return root;
}

describe('the dashboard', () => {
  it('lists a paused feed’s followed commitments, saying that the feed is paused', () => {
    const root = mount(
      fakeModel({
        followed: [
          { feedId: 'town', feed: feed(), paused: true },
          {
            feedId: 'other',
            feed: { ...feed(), commitments: [feed().commitments[1]!] },
            paused: false,
          },
        ],
        changes: [],
        questions: [],
      }),
    );
    const rows = root.querySelectorAll('[data-section="followed"] li.oc-row');
    expect(rows).toHaveLength(3);
    // Said once, above the paused feed's rows; not for the other feed.
    expect(root.querySelector('[data-feed-notice="town"]')?.textContent).toBe(
      'From a paused feed: not refreshed',
    );
    expect(root.querySelectorAll('[data-feed-notice]')).toHaveLength(1);
    expect(root.querySelector('li.oc-row .oc-notice')).toBeNull();
    expect(root.textContent).not.toContain('You follow no commitment yet');
  });

  it('names the publisher above each feed’s followed commitments, from one feed or several', () => {
    const region = { ...feed(), publisher: { ...feed().publisher, name: { text: 'Region' } } };
    const names = (root: HTMLElement) =>
      [...root.querySelectorAll('[data-feed-publisher]')].map((p) => p.textContent);
    const town = { feedId: 'town', feed: feed(), paused: false };
    const one = mount(fakeModel({ followed: [town], changes: [], questions: [] }));
    expect(names(one)).toEqual(['Town']);
    const two = mount(
      fakeModel({
        followed: [town, { feedId: 'region', feed: region, paused: false }],
        changes: [],
        questions: [],
      }),
    );
    expect(names(two)).toEqual(['Town', 'Region']);
  });

  it('says once above a feed’s rows, not on each, that its publisher offers no channel', () => {
    const root = mount(
      fakeModel({
        followed: [{ feedId: 'town', feed: feed(), paused: false }],
        changes: [],
        questions: [],
      }),
      'fr',
    );
    const said = [...root.querySelectorAll('.oc-no-channel')];
    expect(said.map((p) => p.textContent)).toEqual([
      'Cet organisme ne propose pas de moyen de l’interpeller.',
    ]);
    expect(said[0]?.nextElementSibling?.querySelectorAll('li.oc-row')).toHaveLength(2);
  });

  it('names the plan too, so that one publisher’s two plans are told apart', () => {
    const plan = (id: string) => ({ ...feed(), plan: { id, title: { text: `Plan ${id}` } } });
    const root = mount(
      fakeModel({
        followed: [
          { feedId: 'p2018', feed: plan('2018-2020'), paused: false },
          { feedId: 'p2021', feed: plan('2021-2023'), paused: false },
        ],
        changes: [],
        questions: [],
      }),
      'fr',
    );
    expect([...root.querySelectorAll('[data-feed-publisher]')].map((p) => p.textContent)).toEqual([
      'Town · Plan 2018-2020',
      'Town · Plan 2021-2023',
    ]);
  });

  it('says that nothing has changed yet without an empty list a screen reader would announce', () => {
    const root = mount(fakeModel({ followed: [], changes: [], questions: [] }));
    expect(root.textContent).toContain('No change yet.');
    expect([...root.querySelectorAll('ul, ol')].filter((list) => !list.children.length)).toEqual(
      [],
    );
  });

  it('names on each recent change the publisher whose commitment it is, in the page’s language', () => {
    const change = (id: number, feedId: string, publisher: string | Record<string, string>) => ({
      id,
      feedId,
      commitmentId: 'A1',
      title: 'Open data',
      publisher,
      at: Date.parse('2026-11-02T09:00:00Z'),
      facts: [{ kind: 'progress' as const, from: 10, to: 20 }],
    });
    const changes = [
      change(2, 'town', { en: 'Town of Example', fr: 'Ville d’Exemple' }),
      change(1, 'county', 'County Council'),
    ];
    const root = mount(fakeModel({ followed: [], changes, questions: [] }), 'fr');
    const rows = [...root.querySelectorAll('[data-section="changes"] > li')];
    expect(rows.map((row) => row.querySelector('[data-change-publisher]')?.textContent)).toEqual([
      'Ville d’Exemple',
      'County Council',
    ]);
  });

  it('words recorded changes in the page’s language, and an older record’s in its own words', () => {
    const changes = [
      {
        id: 2,
        feedId: 'town',
        commitmentId: 'A1',
        title: { en: 'Open data', fr: 'Données ouvertes', de: 'Offene Daten' },
        languages: ['en'],
        at: Date.parse('2026-11-02T09:00:00Z'),
        facts: [
          {
            kind: 'status' as const,
            from: { label: { en: 'Under way', fr: 'En cours' }, category: 'limited' as const },
            to: { category: 'complete' as const },
          },
          { kind: 'due' as const, from: '2027-06-30' },
        ],
      },
      {
        id: 1,
        feedId: 'town',
        commitmentId: 'B1',
        title: 'Budget',
        at: Date.parse('2026-11-01T09:00:00Z'),
        lines: ['Text edited'],
      },
    ];
    const root = mount(fakeModel({ followed: [], changes, questions: [] }), 'fr');
    const rows = [...root.querySelectorAll('[data-section="changes"] > li')];
    expect(rows.map((row) => row.querySelector('bdi')?.textContent)).toEqual([
      'Données ouvertes',
      'Budget',
    ]);
    expect(rows.map((row) => [...row.querySelectorAll('li')].map((li) => li.textContent))).toEqual([
      ['État\u00a0: \u2068En cours\u2069 → Terminé', 'Échéance\u00a0: 30 juin 2027 → aucune'],
      ['Text edited'],
    ]);
  });

  it('asks before deleting a question, saying that its date goes with it, and keeps it on Cancel or Escape', async () => {
    const calls: string[] = [];
    const root = mount(
      fakeModel({ followed: [], changes: [], questions: [question(1, 'A1')] }, calls),
      'fr',
    );
    const remove = () =>
      root.querySelector<HTMLButtonElement>('tr[data-commitment-id="A1"] [data-delete]')!;
    const group = () => root.querySelector('[role="group"]');
    for (const close of ['Annuler\u00a0: A1', 'Escape']) {
      remove().click();
      await settle();
      expect(remove().getAttribute('aria-expanded')).toBe('true');
      expect(document.activeElement?.textContent).toBe(
        'Supprimer votre question sur A1\u00a0? La date à laquelle vous l’avez posée sera perdue.',
      );
      if (close === 'Escape') {
        document.activeElement!.dispatchEvent(
          new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }),
        );
      } else {
        group()!.querySelector<HTMLButtonElement>(`[aria-label="${close}"]`)!.click();
      }
      await settle();
      expect(group()).toBeNull();
      expect(document.activeElement).toBe(remove());
    }
    expect(calls).toEqual([]);
    remove().click();
    await settle();
    group()!.querySelector<HTMLButtonElement>('[aria-label="Oui, supprimer\u00a0: A1"]')!.click();
    await settle();
    expect(calls).toEqual(['delete 1']);
    expect(root.querySelector('tr[data-commitment-id="A1"]')).toBeNull();
  });

  it('heads each kept question’s row with it, and names its delete button after it', () => {
    const root = mount(
      fakeModel({ followed: [], changes: [], questions: [question(1, 'A1'), question(2, 'B1')] }),
    );
    const rows = [...root.querySelectorAll('[data-section="questions"] tr')].map((row) => ({
      header: row.querySelector('th[scope="row"] strong')?.textContent,
      button: row.querySelector('button')?.getAttribute('aria-label'),
    }));
    expect(rows).toEqual([
      { header: 'A1', button: 'Delete: A1' },
      { header: 'B1', button: 'Delete: B1' },
    ]);
  });

  it('names the publisher a kept question was put to, and links to its commitment’s page and its form', () => {
    const place = (plan: string) => ({
      publisher: { text: 'Town', lang: 'en' },
      plan: { text: plan },
      url: `https://www.town.example/commitments/${plan}`,
      form: `https://www.town.example/ask?plan=${plan}`,
    });
    // As the background lists them: each with its place in its feed while that is subscribed.
    const questions: QuestionView[] = [
      { ...question(1, 'A1'), place: place('2021') },
      { ...question(2, 'A1'), feedId: 'p2018', place: place('2018') },
      {
        ...question(3, 'B1'),
        feedId: 'region',
        channel: { kind: 'email', target: 'ask@region.example' },
        place: {
          publisher: { text: 'Région', lang: 'fr' },
          url: 'ftp://region.example/commitments/B1',
          form: 'https://region.example/form',
        },
      },
      question(4, 'C1'),
    ];
    const root = mount(fakeModel({ followed: [], changes: [], questions }));
    const rows = [...root.querySelectorAll('[data-section="questions"] tr')].map((row) => ({
      publisher: row.querySelector('[data-question-publisher]')?.textContent,
      links: [...row.querySelectorAll('a')].map((a) => [
        a.getAttribute('aria-label') ?? a.textContent,
        a.getAttribute('href'),
      ]),
    }));
    expect(rows).toEqual([
      // One publisher's two plans: each named.
      {
        publisher: 'Town · 2021',
        links: [
          ['A1', 'https://www.town.example/commitments/2021'],
          ['Open the official form: A1', 'https://www.town.example/ask?plan=2021'],
        ],
      },
      {
        publisher: 'Town · 2018',
        links: [
          ['A1', 'https://www.town.example/commitments/2018'],
          ['Open the official form: A1', 'https://www.town.example/ask?plan=2018'],
        ],
      },
      // Asked by e-mail: no form; a link of another scheme than http(s) is no link.
      { publisher: 'Région', links: [] },
      // Its feed no longer subscribed: as kept.
      { publisher: undefined, links: [] },
    ]);
    expect(root.querySelector('[data-question-publisher] bdi[lang="fr"]')?.textContent).toBe(
      'Région',
    );
  });

  it('says when the data is from and that the last refresh failed, in a small line', () => {
    const asOf = Date.UTC(2026, 10, 2, 9);
    const root = mount(
      fakeModel({
        followed: [
          { feedId: 'town', feed: feed(), paused: false, stale: { asOf, failedAt: asOf + 1 } },
        ],
        changes: [],
        questions: [],
      }),
      'fr',
    );
    expect(root.querySelector('[data-feed-notice="town"]')?.textContent).toMatch(
      /^Données du 2 novembre 2026 à \d{1,2}\u00a0h\u00a0\d\d\u00a0; la dernière actualisation a échoué\.$/,
    );
  });

  it('offers to unfollow each followed commitment, with a button that says so', async () => {
    const calls: string[] = [];
    const root = mount(
      fakeModel(
        { followed: [{ feedId: 'town', feed: feed(), paused: false }], changes: [], questions: [] },
        calls,
      ),
      'fr',
    );
    const button = root.querySelector<HTMLButtonElement>(
      '[data-commitment-id="B1"] .oc-actions button',
    );
    expect(button?.getAttribute('aria-label')).toBe('Ne plus suivre\u00a0: Budget');
    expect(button?.hasAttribute('aria-pressed')).toBe(false);
    button?.click();
    await settle();
    expect(calls).toEqual(['unfollow town B1']);
  });

  it('keeps keyboard focus on the next row, then on the heading, as rows are removed, and says what went', async () => {
    const root = mount(
      fakeModel({
        followed: [{ feedId: 'town', feed: feed(), paused: false }],
        changes: [],
        questions: [question(1, 'A1'), question(2, 'B1')],
      }),
    );
    const unfollow = (id: string) =>
      root.querySelector<HTMLButtonElement>(`[data-commitment-id="${id}"] .oc-actions button`)!;
    const said = () => root.querySelector('[role="status"]')?.textContent;
    unfollow('A1').focus();
    unfollow('A1').click();
    await settle();
    expect(document.activeElement).toBe(unfollow('B1'));
    expect(said()).toBe('No longer followed: Open data');
    unfollow('B1').click();
    await settle();
    expect(document.activeElement?.textContent).toBe('Followed commitments');

    const remove = (id: string) =>
      root.querySelector<HTMLButtonElement>(`tr[data-commitment-id="${id}"] button`)!;
    const confirm = async (id: string) => {
      remove(id).click();
      await settle();
      root.querySelector<HTMLButtonElement>(`tr[data-commitment-id="${id}"] .oc-danger`)!.click();
      await settle();
    };
    remove('B1').focus();
    await confirm('B1');
    expect(document.activeElement).toBe(remove('A1'));
    expect(said()).toBe('Question deleted: B1');
    await confirm('A1');
    expect(document.activeElement?.textContent).toBe('My questions');
  });

  it('keeps keyboard focus on the next feed’s first row when a feed’s last followed one goes', async () => {
    const town = feed();
    const root = mount(
      fakeModel({
        followed: [
          {
            feedId: 'town',
            feed: { ...town, commitments: town.commitments.slice(0, 1) },
            paused: false,
          },
          { feedId: 'city', feed: feed(), paused: false },
        ],
        changes: [],
        questions: [],
      }),
    );
    const unfollow = (index: number) =>
      root.querySelectorAll<HTMLButtonElement>('li.oc-row .oc-actions button')[index]!;
    const next = unfollow(1);
    unfollow(0).focus();
    unfollow(0).click();
    await settle();
    expect(document.activeElement).toBe(next);
    expect(next.getAttribute('aria-label')).toBe('Unfollow: Open data');
  });

  it('offers to remember a question asked from here, then lists it with when its answer is due', async () => {
    const calls: string[] = [];
    const town = {
      ...feed(),
      interpellation: { url: 'https://www.town.example/ask?c={id}', responseDays: 30 },
    };
    const root = mount(
      fakeModel(
        { followed: [{ feedId: 'town', feed: town, paused: false }], changes: [], questions: [] },
        calls,
      ),
    );
    const row = root.querySelector('[data-section="followed"] [data-commitment-id="B1"]')!;
    const buttons = () => [...row.querySelectorAll('button')];
    buttons()
      .find((b) => b.textContent?.startsWith('Question this'))!
      .click();
    await settle();
    expect(buttons().some((b) => b.textContent?.startsWith('Remember'))).toBe(false);
    const link = row.querySelector<HTMLAnchorElement>('[data-interpellation-link]')!;
    expect(link.href).toBe('https://www.town.example/ask?c=B1');
    link.addEventListener('click', (event) => event.preventDefault());
    link.click();
    await settle();
    const remember = buttons().find(
      (b) => b.textContent === 'Remember this question on this device',
    )!;
    remember.focus();
    remember.click();
    await settle();
    expect(calls).toEqual(['remember town B1']);
    const kept = row.querySelector('[role="status"]');
    expect(kept?.textContent).toBe('Kept on this device. Nothing leaves your browser.');
    expect(document.activeElement).toBe(kept);
    expect(root.querySelector('[data-section="questions"] tr')?.textContent).toContain(
      'answer due December 1, 2026',
    );
  });

  it('announces an error that comes after it opened, in French, the reason marked as English', async () => {
    const model = fakeModel({ followed: [], changes: [], questions: [] });
    const root = mount(model, 'fr');
    (model.error as { value: string | null }).value = 'no answer to dashboard';
    await settle();
    const alert = root.querySelector('[role="alert"]');
    expect(alert?.textContent).toBe(
      'L’extension n’a pas pu lire ses données\u00a0: no answer to dashboard',
    );
    expect(alert?.querySelector('[lang="en"]')?.textContent).toBe('no answer to dashboard');
  });
  it('names the exported files in the interface’s language', () => {
    const root = mount(
      fakeModel({ followed: [], changes: [], questions: [question(1, 'A1')] }),
      'fr',
    );
    const names: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      names.push(this.download);
    });
    URL.createObjectURL ??= () => 'blob:test';
    for (const button of root.querySelectorAll<HTMLButtonElement>('.oc-actions button'))
      button.click();
    click.mockRestore();
    expect(names).toEqual(['mes-questions.csv', 'mes-questions.json']);
  });

  it('links to the feeds page, in the interface’s language', () => {
    const root = mount(fakeModel({ followed: [], changes: [], questions: [] }), 'fr');
    const link = [...root.querySelectorAll('a')].find((a) => a.textContent === 'Flux');
    expect(link?.getAttribute('href')).toBe('options.html');
  });
  it('says in the row that unfollowing or deleting did not go through, and keeps the row', async () => {
    const model = fakeModel({
      followed: [{ feedId: 'town', feed: feed(), paused: false }],
      changes: [],
      questions: [question(1, 'A1')],
    });
    const reject = async () => {
      throw new Error('no answer to follow');
    };
    model.unfollow = reject;
    model.deleteQuestion = reject;
    const root = mount(model);
    const unfollow = root.querySelector<HTMLButtonElement>('[data-commitment-id="B1"] button')!;
    unfollow.focus();
    unfollow.click();
    await vi.waitFor(() =>
      expect(root.querySelector('li[data-commitment-id="B1"] [role="alert"]')?.textContent).toBe(
        '“Unfollow” did not go through for Budget. Try again. Reason: no answer to follow',
      ),
    );
    expect(document.activeElement).toBe(unfollow);
    expect(root.querySelector('[data-said]')?.textContent).toBe('');

    const remove = root.querySelector<HTMLButtonElement>('tr[data-commitment-id="A1"] button')!;
    remove.click();
    await settle();
    root.querySelector<HTMLButtonElement>('tr[data-commitment-id="A1"] .oc-danger')!.click();
    await vi.waitFor(() =>
      expect(root.querySelector('tr[data-commitment-id="A1"] [role="alert"]')?.textContent).toBe(
        '“Delete” did not go through for A1. Try again. Reason: no answer to follow',
      ),
    );
    // Said once, where it was last asked.
    expect(root.querySelectorAll('[role="alert"]')).toHaveLength(1);
    expect(root.querySelector('[data-said]')?.textContent).toBe('');
  });
});
