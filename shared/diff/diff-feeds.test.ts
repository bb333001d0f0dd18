import { describe, expect, it } from 'vitest';
import type { Commitment, Feed } from '../feed/types.ts';
import { diffFeeds, isEmptyDiff } from './diff-feeds.ts';

const base: Commitment = {
  id: 'E1',
  title: { fr: 'Publier les marchés publics', en: 'Publish public contracts' },
  summary: 'Tous les marchés.',
  status: 'en-cours',
  due: '2027-06-30',
  updates: [{ date: '2026-10-01', note: 'Premier lot publié.' }],
  interpellations: [{ id: 'I1', date: '2026-09-01', question: 'Quand ?', status: 'open' }],
};

function feed(commitments: Commitment[], updated = '2026-11-30T09:00:00Z'): Feed {
  return {
    format: 'open-commitments/1',
    publisher: { name: 'Ville', kind: 'municipality' },
    updated,
    statuses: [
      { key: 'en-cours', label: 'En cours', category: 'limited', progress: 25 },
      { key: 'vote', label: 'Voté', category: 'limited', progress: 40 },
      { key: 'livre', label: 'Livré', category: 'complete', progress: 100 },
    ],
    commitments,
  };
}

/** The changes of E1 after applying `edit` to it in a newer version of the feed. */
function changesOf(edit: Partial<Commitment>, nextUpdated = '2026-12-15T09:00:00Z') {
  const diff = diffFeeds(feed([base]), feed([{ ...base, ...edit }], nextUpdated));
  expect(diff.added).toEqual([]);
  expect(diff.removed).toEqual([]);
  return diff.changed.find((c) => c.id === 'E1')?.changes ?? [];
}

describe('diffFeeds', () => {
  it('reports nothing for the same feed, even with keys in another order', () => {
    const reordered: Commitment = {
      interpellations: base.interpellations,
      updates: base.updates,
      due: base.due,
      status: base.status,
      summary: base.summary,
      title: { en: 'Publish public contracts', fr: 'Publier les marchés publics' },
      id: 'E1',
    };
    const diff = diffFeeds(feed([base]), feed([reordered], '2026-12-15T09:00:00Z'));
    expect(diff).toEqual({ added: [], removed: [], changed: [] });
    expect(isEmptyDiff(diff)).toBe(true);
  });

  it('reports commitments added and removed', () => {
    const e2: Commitment = { id: 'E2', title: 'Deux', status: 'limited' };
    const e3: Commitment = { id: 'E3', title: 'Trois', status: 'limited' };
    const e4: Commitment = { id: 'E4', title: 'Quatre', status: 'limited' };
    const diff = diffFeeds(feed([e2, base, e3]), feed([e4, base]));
    expect(diff.added).toEqual(['E4']);
    expect(diff.removed).toEqual(['E2', 'E3']);
    expect(diff.changed).toEqual([]);
    expect(isEmptyDiff(diff)).toBe(false);
  });

  it('reports a status change with both categories, and the progress it brings', () => {
    expect(changesOf({ status: 'livre' })).toEqual([
      {
        kind: 'status',
        from: 'en-cours',
        to: 'livre',
        fromCategory: 'limited',
        toCategory: 'complete',
      },
      { kind: 'progress', from: 25, to: 100 },
    ]);
  });

  it('reports a status whose definition moved to another category', () => {
    const next: Feed = {
      ...feed([base]),
      statuses: [{ key: 'en-cours', label: 'En cours', category: 'substantial', progress: 25 }],
    };
    expect(diffFeeds(feed([base]), next).changed).toEqual([
      {
        id: 'E1',
        changes: [
          {
            kind: 'status',
            from: 'en-cours',
            to: 'en-cours',
            fromCategory: 'limited',
            toCategory: 'substantial',
          },
        ],
      },
    ]);
  });

  it('reports progress that appears, changes or goes away, ignoring fractions of a percent', () => {
    expect(changesOf({ progress: 60 })).toEqual([{ kind: 'progress', from: 25, to: 60 }]);
    expect(changesOf({ progress: 25.2 })).toEqual([]);
    const unknown: Commitment = { id: 'E1', title: 'T', status: 'unknown' };
    expect(diffFeeds(feed([unknown]), feed([{ ...unknown, progress: 10 }])).changed).toEqual([
      { id: 'E1', changes: [{ kind: 'progress', to: 10 }] },
    ]);
    expect(diffFeeds(feed([{ ...unknown, progress: 10 }]), feed([unknown])).changed).toEqual([
      { id: 'E1', changes: [{ kind: 'progress', from: 10 }] },
    ]);
  });

  it('reports a due date moved without explanation', () => {
    expect(changesOf({ due: '2027-12-31' })).toEqual([
      { kind: 'due', from: '2027-06-30', to: '2027-12-31', explained: false },
    ]);
  });

  it('reports a due date moved with an update posted since the old version as explained', () => {
    const updates = [
      ...(base.updates ?? []),
      { date: '2026-12-10', note: 'Retard du prestataire.' },
    ];
    expect(changesOf({ due: '2027-12-31', updates })).toEqual([
      { kind: 'due', from: '2027-06-30', to: '2027-12-31', explained: true },
      { kind: 'update-added', date: '2026-12-10', note: 'Retard du prestataire.' },
    ]);
  });

  it('does not take an old update, or a new one without a note, as an explanation', () => {
    const backdated = [...(base.updates ?? []), { date: '2026-11-01', note: 'Antidaté.' }];
    expect(changesOf({ due: '2027-12-31', updates: backdated })[0]).toMatchObject({
      kind: 'due',
      explained: false,
    });
    const silent = [...(base.updates ?? []), { date: '2026-12-10', progress: 30 }];
    expect(changesOf({ due: '2027-12-31', updates: silent })[0]).toMatchObject({
      kind: 'due',
      explained: false,
    });
  });

  it('reports a due date that appears or goes away', () => {
    const { due: _due, ...undated } = base;
    expect(diffFeeds(feed([base]), feed([undated])).changed[0]?.changes).toEqual([
      { kind: 'due', from: '2027-06-30', explained: false },
    ]);
    expect(diffFeeds(feed([undated]), feed([base])).changed[0]?.changes).toEqual([
      { kind: 'due', to: '2027-06-30', explained: false },
    ]);
  });

  it('reports edited, added and removed texts by field', () => {
    const { summary: _summary, ...withoutSummary } = base;
    const diff = diffFeeds(
      feed([base]),
      feed([
        {
          ...withoutSummary,
          title: { fr: 'Publier les marchés publics', en: 'Publish all public contracts' },
          description: 'Nouveau.',
        },
      ]),
    );
    expect(diff.changed[0]?.changes).toEqual([
      { kind: 'text', field: 'title' },
      { kind: 'text', field: 'summary' },
      { kind: 'text', field: 'description' },
    ]);
  });

  it('reports updates added, in date order, but not an update whose note was corrected', () => {
    const updates = [
      { date: '2026-12-20', note: 'Deuxième lot.' },
      { date: '2026-10-01', note: 'Premier lot publié (corrigé).' },
      { date: '2026-12-05', progress: 30 },
    ];
    expect(changesOf({ updates })).toEqual([
      { kind: 'update-added', date: '2026-12-05' },
      { kind: 'update-added', date: '2026-12-20', note: 'Deuxième lot.' },
    ]);
  });

  it('reports a second update on a day that already had one, with its own note', () => {
    const updates = [...(base.updates ?? []), { date: '2026-10-01', note: 'Complément.' }];
    expect(changesOf({ updates })).toEqual([
      { kind: 'update-added', date: '2026-10-01', note: 'Complément.' },
    ]);
  });

  it('reports interpellations added, with when and what was asked, and answers published', () => {
    const interpellations = [
      {
        id: 'I1',
        date: '2026-09-01',
        question: 'Quand ?',
        status: 'answered' as const,
        answer: { date: '2026-09-25', text: 'En juin.' },
      },
      {
        id: 'I2',
        date: '2026-12-01',
        question: { fr: 'Et les avenants ?', en: 'What about amendments?' },
        status: 'open' as const,
      },
      {
        id: 'I3',
        date: '2026-12-02',
        question: 'Quel format ?',
        status: 'answered' as const,
        answer: { date: '2026-12-03', text: 'Les données essentielles.' },
      },
    ];
    expect(changesOf({ interpellations })).toEqual([
      {
        kind: 'interpellation-added',
        interpellationId: 'I2',
        date: '2026-12-01',
        question: { fr: 'Et les avenants ?', en: 'What about amendments?' },
      },
      {
        kind: 'interpellation-added',
        interpellationId: 'I3',
        date: '2026-12-02',
        question: 'Quel format ?',
      },
      { kind: 'answer-published', interpellationId: 'I1', date: '2026-09-25' },
      { kind: 'answer-published', interpellationId: 'I3', date: '2026-12-03' },
    ]);
  });

  it('does not report an answer again when only its text is edited', () => {
    const answered = {
      id: 'I1',
      date: '2026-09-01',
      question: 'Quand ?',
      status: 'answered' as const,
      answer: { date: '2026-09-25', text: 'En juin.' },
    };
    const before = feed([{ ...base, interpellations: [answered] }]);
    const after = feed([
      {
        ...base,
        interpellations: [{ ...answered, answer: { ...answered.answer, text: 'En juin 2027.' } }],
      },
    ]);
    expect(diffFeeds(before, after).changed).toEqual([]);
  });

  it('lists changed commitments in the new order, each with its changes in a fixed order', () => {
    const e2: Commitment = { id: 'E2', title: 'Deux', status: 'vote' };
    const diff = diffFeeds(
      feed([base, e2]),
      feed([
        { ...e2, status: 'livre', title: 'Deux !' },
        { ...base, title: 'Autre', due: '2028-01-01', progress: 50 },
      ]),
    );
    expect(diff.changed.map((c) => c.id)).toEqual(['E2', 'E1']);
    expect(diff.changed[0]?.changes.map((c) => c.kind)).toEqual(['status', 'progress', 'text']);
    expect(diff.changed[1]?.changes.map((c) => c.kind)).toEqual(['progress', 'due', 'text']);
  });
});
