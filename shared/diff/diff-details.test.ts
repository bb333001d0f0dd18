import { describe, expect, it } from 'vitest';
import type { Commitment, Feed } from '../feed/types.ts';
import { diffFeedsFully, isEmptyFullDiff } from './diff-details.ts';
import { diffFeeds } from './diff-feeds.ts';

const base: Commitment = {
  id: 'E1',
  title: 'Publier les marchés',
  summary: 'Tous les marchés.',
  status: 'limited',
  lead: 'Direction du numérique',
  themes: ['transparence'],
  partners: ['Métropole'],
  milestones: [
    { id: 'M1', title: 'Premier lot' },
    { title: 'Second lot', due: '2027-01-31' },
  ],
  updates: [
    { date: '2026-10-01', note: 'Lancé.' },
    { date: '2026-11-01', note: 'Premier lot.' },
  ],
  interpellations: [{ id: 'I1', date: '2026-09-01', question: 'Quand ?', status: 'open' }],
};

function feed(commitments: Commitment[], extra: Partial<Feed> = {}): Feed {
  return {
    format: 'open-commitments/1',
    publisher: { name: 'Ville', kind: 'municipality' },
    updated: '2026-11-30T09:00:00Z',
    commitments,
    ...extra,
  };
}

function changesOf(edit: Partial<Commitment>) {
  const diff = diffFeedsFully(feed([base]), feed([{ ...base, ...edit }]));
  return diff.changed.find((c) => c.id === 'E1')?.changes ?? [];
}

describe('diffFeedsFully', () => {
  it('is empty for the same content, a new updated time, and plain texts tagged with a language', () => {
    const tagged = {
      ...base,
      summary: { fr: 'Tous les marchés.' },
      lead: { fr: base.lead as string },
    };
    const diff = diffFeedsFully(feed([base]), feed([tagged], { updated: '2026-12-30T09:00:00Z' }));
    expect(isEmptyFullDiff(diff)).toBe(true);
    expect(diffFeeds(feed([base]), feed([tagged])).changed).toEqual([]);
  });

  it('names each commitment field that changed, in the order of the format', () => {
    const edit: Partial<Commitment> = {
      refs: { ogp: 'FR0001' },
      pages: ['https://ville.example/e1/*'],
      url: 'https://ville.example/e1',
      start: '2026-01-01',
      partners: ['Ville|Métropole'],
      themes: ['transparence', 'données'],
      lead: 'Autre direction',
    };
    const expected = ['lead', 'partners', 'themes', 'start', 'url', 'pages', 'refs'].map(
      (field) => ({ kind: 'field', field }),
    );
    expect(changesOf(edit)).toEqual(expected);
    const reversed = Object.fromEntries(Object.entries({ ...base, ...edit }).reverse());
    const diff = diffFeedsFully(feed([base]), feed([reversed as unknown as Commitment]));
    expect(diff.changed[0]?.changes).toEqual(expected);
  });

  it('reports milestones added, removed, done and changed', () => {
    expect(
      changesOf({
        milestones: [
          { id: 'M1', title: 'Premier lot', done: '2026-12-01' },
          { title: 'Second lot', due: '2027-03-31' },
          { title: 'Troisième lot' },
        ],
      }).filter((c) => c.kind !== 'progress'),
    ).toEqual([
      { kind: 'milestone-done', milestone: 'Premier lot (M1)', date: '2026-12-01' },
      { kind: 'milestone-changed', milestone: 'Second lot' },
      { kind: 'milestone-added', milestone: 'Troisième lot' },
    ]);
    expect(
      changesOf({ milestones: [{ id: 'M1', title: 'Premier lot' }] }).filter(
        (c) => c.kind !== 'progress',
      ),
    ).toEqual([{ kind: 'milestone-removed', milestone: 'Second lot' }]);
  });

  it('reports updates removed, changed and reordered, and interpellations removed or changed', () => {
    expect(changesOf({ updates: [{ date: '2026-10-01', note: 'Lancé le 1er.' }] })).toEqual([
      { kind: 'update-changed', date: '2026-10-01' },
      { kind: 'update-removed', date: '2026-11-01' },
    ]);
    expect(changesOf({ updates: [...base.updates!].reverse() })).toEqual([
      { kind: 'field', field: 'updates' },
    ]);
    expect(changesOf({ interpellations: [] })).toEqual([
      { kind: 'interpellation-removed', interpellationId: 'I1' },
    ]);
    expect(
      changesOf({ interpellations: [{ ...base.interpellations![0]!, supporters: 30 }] }),
    ).toEqual([{ kind: 'interpellation-changed', interpellationId: 'I1' }]);
  });

  it('reports the parts of the feed outside its commitments', () => {
    const diff = diffFeedsFully(
      feed([base, { ...base, id: 'E2' }]),
      feed([{ ...base, id: 'E2' }, base], {
        publisher: { name: 'Ville de Valfleurie', kind: 'municipality' },
        plan: { title: 'Plan 2026' },
        site: ['https://ville.example/*'],
        statuses: [{ key: 'vote', label: 'Voté', category: 'limited' }],
        interpellation: { responseDays: 30 },
      }),
    );
    expect(diff.feed).toEqual([
      { field: 'publisher', keys: ['name'] },
      { field: 'plan', keys: ['title'] },
      { field: 'site' },
      { field: 'statuses', keys: ['vote'] },
      { field: 'interpellation', keys: ['responseDays'] },
      { field: 'commitment order' },
    ]);
    expect(diff.changed).toEqual([]);
  });

  it('leaves what the extension is notified of to diffFeeds, unchanged', () => {
    const edit = { ...base, status: 'complete', lead: 'Autre' };
    expect(diffFeeds(feed([base]), feed([edit])).changed[0]?.changes.map((c) => c.kind)).toEqual([
      'status',
    ]);
  });
});
