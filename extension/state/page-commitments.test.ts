import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../shared/feed/parse-feed.ts';
import type { PageFeed } from '../messaging/protocol.ts';
import { pageCommitments, rowsByFeed } from './page-commitments.ts';

function siteFeed(pageCommitmentIds: string[], publisher = 'Town', plan?: string): PageFeed {
  const parsed = parseFeed({
    format: 'open-commitments/1',
    updated: '2026-11-01T09:00:00Z',
    publisher: { name: publisher, kind: 'municipality' },
    ...(plan
      ? { plan: { id: plan.replace(/\W/g, ''), title: { fr: `Plan ${plan}`, en: `Plan ${plan}` } } }
      : {}),
    commitments: ['A1', 'B1', 'C1', 'D1'].map((id) => ({ id, title: id, status: 'limited' })),
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const feedId = `${publisher}${plan ?? ''}`.toLowerCase();
  return { feedId, feed: parsed.feed, pageCommitmentIds, site: true, followed: [] };
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

  it('names each feed’s publisher above its rows only when the page shows more than one feed', () => {
    const names = (result: ReturnType<typeof pageCommitments>) =>
      rowsByFeed(result.rows, result.summaries).map((group) => group.publisher?.text);
    expect(names(pageCommitments([siteFeed(['A1'])], [], view))).toEqual([undefined]);
    const two = pageCommitments([siteFeed(['A1']), siteFeed(['B1'], 'Region')], [], view);
    expect(names(two)).toEqual(['Town', 'Region']);
    // The other feed's plan summed up in a line names its publisher: the rows name theirs.
    const summed = pageCommitments([siteFeed(['A1']), siteFeed([], 'Region')], [], view);
    expect(names(summed)).toEqual(['Town']);
    expect(summed.summaries.map((s) => s.publisher.text)).toEqual(['Region']);
  });

  it('names each plan summed up, so that one publisher’s two plans on its site are told apart', () => {
    const result = pageCommitments(
      [siteFeed([], 'State', '2018-2020'), siteFeed([], 'State', '2021-2023')],
      [],
      { ...view, lang: 'fr' },
    );
    expect(result.summaries.map((s) => [s.publisher.text, s.plan?.text])).toEqual([
      ['State', 'Plan 2018-2020'],
      ['State', 'Plan 2021-2023'],
    ]);
  });

  it('names the plan with the publisher above each feed’s rows, for one publisher’s two plans', () => {
    const result = pageCommitments(
      [siteFeed(['A1'], 'State', '2018-2020'), siteFeed(['B1'], 'State', '2021-2023')],
      [],
      view,
    );
    expect(
      rowsByFeed(result.rows, result.summaries).map((g) => [g.publisher?.text, g.plan?.text]),
    ).toEqual([
      ['State', 'Plan 2018-2020'],
      ['State', 'Plan 2021-2023'],
    ]);
  });
});
