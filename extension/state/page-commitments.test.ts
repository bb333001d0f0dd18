import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../shared/feed/parse-feed.ts';
import type { PageFeed } from '../messaging/protocol.ts';
import { pageCommitments } from './page-commitments.ts';

function siteFeed(pageCommitmentIds: string[]): PageFeed {
  const parsed = parseFeed({
    format: 'open-commitments/1',
    updated: '2026-11-01T09:00:00Z',
    publisher: { name: 'Town', kind: 'municipality' },
    commitments: ['A1', 'B1', 'C1', 'D1'].map((id) => ({ id, title: id, status: 'limited' })),
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return { feedId: 'town', feed: parsed.feed, pageCommitmentIds, site: true, followed: [] };
}

const view = { lang: 'en', today: '2026-12-04' } as const;
const ids = (result: ReturnType<typeof pageCommitments>) => result.rows.map((r) => r.row.id);

describe('the commitments of a page', () => {
  it('lists the page’s own commitments, then those it points at, once each', () => {
    const result = pageCommitments(
      [siteFeed(['A1'])],
      [
        { feedId: 'town', commitmentId: 'C1' },
        { feedId: 'town', commitmentId: 'A1' },
        { feedId: 'town', commitmentId: 'C1' },
      ],
      view,
    );
    expect(ids(result)).toEqual(['A1', 'C1']);
    expect(result.summaries).toEqual([]);
  });

  it('sums the plan up in one line, not the whole feed, on a site page naming none', () => {
    const result = pageCommitments([siteFeed([])], [], view);
    expect(ids(result)).toEqual([]);
    expect(result.summaries).toEqual([
      { feedId: 'town', publisher: { text: 'Town' }, total: 4, late: 0 },
    ]);
  });
});
