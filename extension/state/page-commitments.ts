/**
 * What the overlay and the popup list for a page, so that both show the same: the commitments
 * whose `pages` match, then those the page links to or marks, in document order, once each; and
 * for a feed whose `site` matches but that has none of them, a one-line summary of its plan
 * rather than the whole feed.
 */
import type { Commitment, DateString, Lang, LocalText } from '../../shared/index.ts';
import { summariseFeed } from '../../shared/status/view-commitment.ts';
import { pickText } from '../../shared/text/pick-text.ts';
import type { PageFeed, Stale } from '../messaging/protocol.ts';
import { commitmentRow, type CommitmentRowData } from './commitment-row.ts';

/** A commitment row with the feed it comes from. */
export interface PageRow {
  readonly feedId: string;
  readonly row: CommitmentRowData;
  /** Its feed's publisher, named when the page shows more than one feed. */
  readonly publisher?: LocalText;
  /** Its feed's plan, named with the publisher. */
  readonly plan?: LocalText;
  /** Its feed's last refresh failed. */
  readonly stale?: Stale;
  /** Its feed is paused. */
  readonly paused?: boolean;
}

/** A plan named by the site but with no commitment on this page: a one-line summary. */
export interface PlanSummary {
  readonly feedId: string;
  readonly publisher: LocalText;
  /** The plan's title: one publisher's plans on one site (2018 and 2021) are told apart by it. */
  readonly plan?: LocalText;
  readonly total: number;
  readonly late: number;
  readonly stale?: Stale;
  readonly paused?: boolean;
}

/** A commitment the page points at (a link to its `url`, or an element marked with its id). */
export interface PageReference {
  readonly feedId: string;
  readonly commitmentId: string;
}

function publisherName(feed: PageFeed, lang: Lang): LocalText {
  return pickText(feed.feed.publisher.name, lang, feed.feed.languages) ?? { text: feed.feedId };
}

/** A feed's plan title, if it names a plan: `{ plan }` to spread, or nothing. */
function planTitle(feed: PageFeed, lang: Lang): { plan?: LocalText } {
  const plan = pickText(feed.feed.plan?.title, lang, feed.feed.languages);
  return plan ? { plan } : {};
}

/** The rows and summaries for a page; `url` goes into the interpellation links. */
export function pageCommitments(
  feeds: readonly PageFeed[],
  references: readonly PageReference[],
  view: { lang: Lang; today: DateString; url?: string },
): { rows: PageRow[]; summaries: PlanSummary[] } {
  const rows: PageRow[] = [];
  const seen = new Set<string>();
  // What each feed gives every row of it, worked out once: its commitments by id (a page may link
  // to 3,000 commitments of a feed of 3,000, and looking each up in the list took a task of tens
  // of milliseconds), its publisher and plan named, whether it is stale or paused.
  const known = new Map(
    feeds.map((slice) => {
      const byId = new Map<string, Commitment>();
      for (const c of slice.feed.commitments) if (!byId.has(c.id)) byId.set(c.id, c);
      const shared: Omit<PlanSummary, 'total' | 'late'> = {
        feedId: slice.feedId,
        publisher: publisherName(slice, view.lang),
        ...planTitle(slice, view.lang),
        ...(slice.stale ? { stale: slice.stale } : {}),
        ...(slice.paused ? { paused: true } : {}),
      };
      return [slice.feedId, { slice, byId, shared }];
    }),
  );
  const add = (feedId: string, id: string) => {
    const key = `${feedId}#${id}`;
    if (seen.has(key)) return;
    const feed = known.get(feedId);
    const commitment = feed?.byId.get(id);
    if (!feed || !commitment) return;
    seen.add(key);
    rows.push({
      ...feed.shared,
      row: commitmentRow(feed.slice.feed, commitment, view.lang, view.today, view.url),
    });
  };
  for (const feed of feeds) for (const id of feed.pageCommitmentIds) add(feed.feedId, id);
  for (const ref of references) add(ref.feedId, ref.commitmentId);
  const summaries = feeds
    .filter((f) => f.site && !rows.some((r) => r.feedId === f.feedId))
    .map((f) => {
      const summary = summariseFeed(f.feed, view.today);
      return { ...known.get(f.feedId)!.shared, total: summary.total, late: summary.late };
    });
  return { rows, summaries };
}

/** A feed's rows, with what is said once for all of them (paused, or its refresh failed). */
export interface FeedRows {
  readonly feedId: string;
  readonly rows: PageRow[];
  readonly stale?: Stale;
  readonly paused?: boolean;
  /** Its publisher, when the page shows other feeds too (rows or a plan's summary). */
  readonly publisher?: LocalText;
  /** Its plan, with its publisher: one publisher's two plans are told apart by it. */
  readonly plan?: LocalText;
  /** None of its several rows offers a way to question the publisher: said once, not on each. */
  readonly noChannel?: boolean;
}

/**
 * `rows` grouped by feed, feeds in the order their first row comes, so that a notice about a
 * feed is given once rather than on each of its rows. When the page shows more than one feed
 * (`summaries` name theirs), each group names its publisher: the commitments of a town and of
 * its region on one page, each with its own "Question this", are otherwise told apart by no one.
 */
export function rowsByFeed(
  rows: readonly PageRow[],
  summaries: readonly PlanSummary[] = [],
): FeedRows[] {
  const groups = new Map<string, PageRow[]>();
  for (const row of rows) groups.set(row.feedId, [...(groups.get(row.feedId) ?? []), row]);
  const several = groups.size + summaries.length > 1;
  return [...groups].map(([feedId, feedRows]) => {
    const { stale, paused, publisher, plan } = feedRows[0]!;
    return {
      feedId,
      rows: feedRows,
      ...(stale ? { stale } : {}),
      ...(paused ? { paused } : {}),
      ...(several && publisher ? { publisher, ...(plan ? { plan } : {}) } : {}),
      ...(feedRows.length > 1 && feedRows.every(({ row }) => !row.link) ? { noChannel: true } : {}),
    };
  });
}
