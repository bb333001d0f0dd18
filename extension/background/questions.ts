/**
 * The person's own questions (interpellations they sent through a feed's channel), kept only in
 * this browser: which commitment (its title in every language the feed gives, shown in the
 * browser's language of the moment), when, through which channel, and when an answer is due. One
 * entry per commitment: the official form opened again for it says the latest date.
 */
import { addDays, pickText, todayString, type Commitment, type Feed } from '../../shared/index.ts';
import { isHttpUrl } from '../../shared/feed/formats.ts';
import { interpellationLink } from '../../shared/interpellation/index.ts';
import type { QuestionView } from '../messaging/protocol.ts';
import type { QuestionPlace } from '../state/question-place.ts';
import { uiLang } from '../i18n/messages.ts';
import { db, type Question } from './db.ts';
import { subscribedFeeds, type SubscribedFeed } from './feeds.ts';

/** A question as the pages show it: its title in the browser's language of the moment. */
function view({ languages, ...q }: Question, lang = uiLang()): QuestionView {
  const title = pickText(q.title, lang, languages);
  return {
    ...q,
    title: title?.text ?? q.commitmentId,
    ...(title?.lang ? { titleLang: title.lang } : {}),
    id: q.id!,
  };
}

/**
 * Keeps a question asked today about `commitment` through the feed's channel, in place of any
 * kept before about it (an answer seen since today stays).
 */
export async function rememberQuestion(
  feedId: string,
  feed: Feed,
  commitment: Commitment,
  now: Date,
): Promise<QuestionView> {
  const lang = uiLang();
  const link = interpellationLink(feed, commitment, { lang });
  if (!link) throw new Error(`${feedId} has no interpellation channel`);
  const askedOn = todayString(now);
  const question: Question = {
    feedId,
    commitmentId: commitment.id,
    title: commitment.title,
    ...(feed.languages ? { languages: feed.languages } : {}),
    askedOn,
    channel: { kind: link.kind, target: link.target },
    ...(link.responseDays !== undefined ? { dueOn: addDays(askedOn, link.responseDays) } : {}),
  };
  const tx = (await db()).transaction('questions', 'readwrite');
  const before = await tx.store.index('byCommitment').getAll([feedId, commitment.id]);
  for (const old of before) {
    await tx.store.delete(old.id!);
    if (old.answeredOn && old.answeredOn >= askedOn) question.answeredOn = old.answeredOn;
  }
  const id = await tx.store.add(question);
  await tx.done;
  return view({ ...question, id }, lang);
}

/**
 * Where `question` belongs in the subscribed copy of its feed, found again each time rather than
 * kept (so that every record has it): the publisher and plan, the commitment's page, and the form
 * it is asked on when it was asked on one. None once the feed is no longer subscribed.
 */
function placeOf(
  question: Question,
  feed: Feed | undefined,
  lang: string,
): QuestionPlace | undefined {
  const publisher = feed && pickText(feed.publisher.name, lang, feed.languages);
  if (!feed || !publisher) return undefined;
  const plan = pickText(feed.plan?.title, lang, feed.languages);
  const commitment = feed.commitments.find((c) => c.id === question.commitmentId);
  const url = commitment?.url;
  const link =
    commitment && question.channel.kind === 'url'
      ? interpellationLink(feed, commitment, { lang })
      : undefined;
  return {
    publisher,
    ...(plan ? { plan } : {}),
    ...(url && isHttpUrl(url) ? { url } : {}),
    ...(link?.kind === 'url' ? { form: link.href } : {}),
  };
}

/**
 * Every kept question, newest first, one per commitment (the latest kept), each with its place
 * in its feed while that feed is subscribed. `subscribed`, the subscribed feeds paused ones
 * included, when already read.
 */
export async function listQuestions(
  subscribed?: readonly SubscribedFeed[],
): Promise<QuestionView[]> {
  const seen = new Set<string>();
  const lang = uiLang();
  const feeds = new Map(
    (subscribed ?? (await subscribedFeeds({ paused: true }))).map(({ feedId, feed }) => [
      feedId,
      feed,
    ]),
  );
  return (await (await db()).getAll('questions'))
    .sort((a, b) => b.id! - a.id!)
    .filter((q) => {
      const key = JSON.stringify([q.feedId, q.commitmentId]);
      return !seen.has(key) && !!seen.add(key);
    })
    .map((q) => {
      const place = placeOf(q, feeds.get(q.feedId), lang);
      return { ...view(q, lang), ...(place ? { place } : {}) };
    });
}

/** Forgets a question: the one with `id`, and any other kept about the same commitment. */
export async function deleteQuestion(id: number): Promise<void> {
  const tx = (await db()).transaction('questions', 'readwrite');
  const question = await tx.store.get(id);
  const same = question
    ? await tx.store.index('byCommitment').getAllKeys([question.feedId, question.commitmentId])
    : [id];
  for (const key of same) await tx.store.delete(key);
  await tx.done;
}
