import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../shared/feed/parse-feed.ts';
import { buildModel } from './model.ts';

const parsed = parseFeed(readFileSync('shared/feeds/valfleurie.json', 'utf8'));
if (!parsed.ok) throw new Error('the Valfleurie feed does not parse');
const feed = parsed.feed;

describe('buildModel', () => {
  it('gives the main thread back whenever a slice of work has run its time', async () => {
    let clock = 0;
    let pauses = 0;
    // Each commitment "takes" 5 ms: with 12 ms slices, a pause every third commitment.
    const model = await buildModel(feed, 'fr', '2026-12-04', {
      sliceMs: 12,
      now: () => (clock += 5),
      yieldToMain: async () => {
        pauses += 1;
      },
    });
    expect(model.rows).toHaveLength(feed.commitments.length);
    expect(pauses).toBeGreaterThanOrEqual(Math.floor(feed.commitments.length / 3));
  });

  it('keeps the feed order and precomputes what filters read', async () => {
    const model = await buildModel(feed, 'fr', '2026-12-04');
    expect(model.rows.map((row) => row.id)).toEqual(feed.commitments.map((c) => c.id));
    const vf03 = model.rows.find((row) => row.id === 'VF-03')!;
    expect(vf03.category).toBe('substantial');
    expect(vf03.late).toBe(true);
    expect(vf03.openQuestions).toBe(2);
    expect(vf03.overdueAnswers).toBe(1);
    expect(vf03.searchKey).toContain('renovation energetique');
    expect(model.hasQuestions).toBe(true);
    expect(model.themes.length).toBeGreaterThan(0);
  });

  it('tells whether any commitment can be late: one due, neither complete nor withdrawn', async () => {
    expect((await buildModel(feed, 'fr', '2026-12-04')).canBeLate).toBe(true);
    const undated = { ...feed, commitments: feed.commitments.map(({ due: _due, ...c }) => c) };
    expect((await buildModel(undated, 'fr', '2026-12-04')).canBeLate).toBe(false);
    const done = {
      ...feed,
      commitments: feed.commitments.map((c) => ({ ...c, status: 'complete' })),
      statuses: [],
    };
    expect((await buildModel(done, 'fr', '2026-12-04')).canBeLate).toBe(false);
  });
});
