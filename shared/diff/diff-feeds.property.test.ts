/** `diffFeeds` over generated feeds: nothing for the same feed, one change for one edit. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Commitment, Feed } from '../feed/types.ts';
import { diffFeeds, isEmptyDiff } from './diff-feeds.ts';

const RUNS = { numRuns: 300, seed: 20261205 };

const day = fc
  .integer({ min: 0, max: 3000 })
  .map((n) => new Date(Date.UTC(2020, 0, 1 + n)).toISOString().slice(0, 10));
const text = fc.oneof(
  fc.constantFrom('Oui', 'Non', ''),
  fc
    .record({ fr: fc.constantFrom('Oui', 'Non') }, { requiredKeys: [] })
    .filter((t) => Object.keys(t).length > 0),
);

const commitmentArb = (id: string): fc.Arbitrary<Commitment> =>
  fc.record(
    {
      id: fc.constant(id),
      title: text,
      summary: text,
      status: fc.constantFrom('limited', 'complete', 'voted', 'not-started'),
      progress: fc.double({ min: 0, max: 100, noNaN: true }),
      due: day,
      milestones: fc.array(
        fc.record(
          { title: text, done: day, weight: fc.constantFrom(1, 2, 1e308, 5e-324) },
          { requiredKeys: ['title'] },
        ),
        { maxLength: 3 },
      ),
      updates: fc.array(
        fc.record(
          { date: day, note: text, progress: fc.integer({ min: 0, max: 100 }) },
          { requiredKeys: ['date'] },
        ),
        { maxLength: 3 },
      ),
      interpellations: fc.uniqueArray(
        fc.record({
          id: fc.constantFrom('Q1', 'Q2', 'Q3'),
          date: day,
          question: text,
          status: fc.constant('open' as const),
        }),
        { maxLength: 2, selector: (i) => i.id },
      ),
    },
    { requiredKeys: ['id', 'title', 'status'] },
  );

const feedArb: fc.Arbitrary<Feed> = fc
  .uniqueArray(fc.constantFrom('E1', 'E2', 'E3', 'E4'), { minLength: 1, maxLength: 4 })
  .chain((ids) => fc.tuple(...ids.map(commitmentArb)))
  .map((commitments) => ({
    format: 'open-commitments/1',
    publisher: { name: 'Ville', kind: 'municipality' },
    updated: '2026-01-01T00:00:00Z',
    statuses: [{ key: 'voted', label: 'Voté', category: 'substantial', progress: 60 }],
    commitments,
  }));

/** One edit of one field of one commitment, and the change it must be reported as. */
const editArb = fc.constantFrom<[string, (c: Commitment) => Commitment | undefined, string]>(
  ['due', (c) => ({ ...c, due: c.due === '2031-01-01' ? '2031-01-02' : '2031-01-01' }), 'due'],
  ['title', (c) => ({ ...c, title: `${JSON.stringify(c.title)} modifié` }), 'text'],
  ['summary', (c) => ({ ...c, summary: `${JSON.stringify(c.summary ?? '')} modifié` }), 'text'],
  [
    'status',
    (c) => (c.status === 'withdrawn' ? undefined : { ...c, status: 'withdrawn' }),
    'status',
  ],
  [
    'update',
    (c) => ({ ...c, updates: [...(c.updates ?? []), { date: '2031-01-01' }] }),
    'update-added',
  ],
  [
    'interpellation',
    (c) => ({
      ...c,
      interpellations: [
        ...(c.interpellations ?? []),
        { id: 'Q9', date: '2031-01-01', question: 'Q', status: 'open' },
      ],
    }),
    'interpellation-added',
  ],
);

describe('diffFeeds over generated feeds', () => {
  it('finds nothing between a feed and itself or its JSON copy', () => {
    fc.assert(
      fc.property(feedArb, (feed) => {
        expect(isEmptyDiff(diffFeeds(feed, feed))).toBe(true);
        expect(diffFeeds(feed, JSON.parse(JSON.stringify(feed)) as Feed)).toEqual({
          added: [],
          removed: [],
          changed: [],
        });
      }),
      RUNS,
    );
  });

  it('reports one edit once, at the commitment edited', () => {
    fc.assert(
      fc.property(feedArb, fc.nat(), editArb, (feed, n, [, edit, kind]) => {
        const i = n % feed.commitments.length;
        const target = feed.commitments[i] as Commitment;
        // A progress given keeps a status edit from moving progress too.
        const before = {
          ...feed,
          commitments: feed.commitments.map((c, k) => (k === i ? { ...c, progress: 50 } : c)),
        };
        const edited = edit(before.commitments[i] as Commitment);
        fc.pre(edited !== undefined);
        const after = {
          ...before,
          commitments: before.commitments.map((c, k) => (k === i ? (edited as Commitment) : c)),
        };
        const diff = diffFeeds(before, after);
        expect(diff.added).toEqual([]);
        expect(diff.removed).toEqual([]);
        expect(diff.changed.map((c) => c.id)).toEqual([target.id]);
        expect(diff.changed[0]?.changes.map((c) => c.kind)).toEqual([kind]);
      }),
      RUNS,
    );
  });
});
