/**
 * Everything the dashboard derives from one feed for one viewer on one day: a row per commitment
 * with its folded search key, the header's figures and the filter choices. Built once per feed,
 * in time slices that give the main thread back, so that a plan of 10,000 commitments never
 * blocks the page for long; filtering then only reads the rows.
 */
import { pacer } from '../../shared/cache/pacer.ts';
import type { ParseSlicing } from '../../shared/feed/parse-feed.ts';
import type { Commitment, Feed } from '../../shared/feed/types.ts';
import { coreMessages } from '../../shared/i18n/core-messages.ts';
import type { Lang } from '../../shared/i18n/lang.ts';
import {
  interpellationStats,
  type InterpellationStats,
} from '../../shared/interpellation/interpellation-stats.ts';
import { isOverdue, isSettled } from '../../shared/status/late.ts';
import {
  summariseFeed,
  viewCommitment,
  type FeedSummary,
} from '../../shared/status/view-commitment.ts';
import type { Row } from './filters.ts';
import { show } from './show.ts';
import { foldForSearch } from '../../shared/text/search.ts';
import { WIDGET_SLICING } from './yield-to-main.ts';

/** The dashboard's view of one feed. */
export interface Model {
  readonly feed: Feed;
  readonly lang: Lang;
  readonly today: string;
  readonly rows: readonly Row[];
  readonly byId: ReadonlyMap<string, Commitment>;
  readonly summary: FeedSummary;
  readonly stats: InterpellationStats;
  readonly themes: readonly string[];
  readonly leads: readonly string[];
  /** The language of each lead written in another than the viewer's, to mark its choice with. */
  readonly leadLangs: ReadonlyMap<string, string>;
  /** Whether any commitment has published questions (shows the question filters). */
  readonly hasQuestions: boolean;
  /**
   * Whether any commitment can be late, now or later: one with a due date, neither complete nor
   * withdrawn (shows the late filter).
   */
  readonly canBeLate: boolean;
}

/** Gives the thread back, then runs `work` in a task of its own. */
async function after<T>(slicing: ParseSlicing, work: () => T): Promise<T> {
  await slicing.yieldToMain();
  return work();
}

/** Builds the model of `feed`, pausing whenever a slice of work has run for `sliceMs`. */
export async function buildModel(
  feed: Feed,
  lang: Lang,
  today: string,
  slicing: ParseSlicing = WIDGET_SLICING,
): Promise<Model> {
  const channel = feed.interpellation;
  const themes = new Set<string>();
  const leads = new Set<string>();
  const leadLangs = new Map<string, string>();
  const category = coreMessages[lang].category;
  let hasQuestions = false;
  let canBeLate = false;
  const rows: Row[] = [];
  const checkpoint = pacer(slicing);
  for (const [index, commitment] of feed.commitments.entries()) {
    await checkpoint();
    const view = viewCommitment(feed, commitment, today);
    const title = show(commitment.title, lang, feed.languages)?.text ?? commitment.id;
    const shownLead = show(commitment.lead, lang, feed.languages);
    const lead = shownLead?.text ?? '';
    for (const theme of commitment.themes ?? []) themes.add(theme);
    if (lead) leads.add(lead);
    if (shownLead?.lang) leadLangs.set(lead, shownLead.lang);
    let openQuestions = 0;
    let overdueAnswers = 0;
    for (const question of commitment.interpellations ?? []) {
      hasQuestions = true;
      if (question.status === 'open') openQuestions += 1;
      if (isOverdue(question, channel, today)) overdueAnswers += 1;
    }
    if (commitment.due !== undefined && !isSettled(view.status.category)) canBeLate = true;
    const label = view.status.label ? show(view.status.label, lang, feed.languages)?.text : '';
    const searchKey = foldForSearch(
      [
        commitment.id,
        title,
        show(commitment.summary, lang, feed.languages)?.text ?? '',
        // What an opened commitment shows in its own words: a reader who read a school's name
        // there finds the commitment again by it.
        show(commitment.description, lang, feed.languages)?.text ?? '',
        ...(commitment.milestones ?? []).map(
          (milestone) => show(milestone.title, lang, feed.languages)?.text ?? '',
        ),
        lead,
        label ?? '',
        category[view.status.category],
        ...(commitment.themes ?? []),
        ...Object.values(commitment.refs ?? {}),
      ].join(' '),
    );
    rows.push({
      id: commitment.id,
      index,
      category: view.status.category,
      ...(view.progress !== undefined ? { progress: view.progress } : {}),
      late: view.late,
      ...(commitment.due !== undefined ? { due: commitment.due } : {}),
      themes: commitment.themes ?? [],
      lead,
      sortTitle: foldForSearch(title),
      searchKey,
      openQuestions,
      overdueAnswers,
    });
  }
  await slicing.yieldToMain();
  const collator = new Intl.Collator(lang);
  const model: Model = {
    feed,
    lang,
    today,
    rows,
    byId: new Map(feed.commitments.map((c) => [c.id, c])),
    // Each of these walks every commitment once more: a task each, then the first render.
    summary: await after(slicing, () => summariseFeed(feed, today)),
    stats: await after(slicing, () => interpellationStats(feed, undefined, today)),
    themes: [...themes].sort(collator.compare),
    leads: [...leads].sort(collator.compare),
    leadLangs,
    hasQuestions,
    canBeLate,
  };
  await slicing.yieldToMain();
  return model;
}
