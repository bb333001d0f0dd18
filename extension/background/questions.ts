/**
 * The person's own questions (interpellations they sent through a feed's channel), kept only in
 * this browser: which commitment (its title in every language the feed gives, shown in the
 * browser's language of the moment), when, through which channel, and when an answer is due. One
 * entry per commitment: the official form opened again for it says the latest date.
 */
import { addDays, pickText, todayString, type Commitment, type Feed } from '../../shared/index.ts';
import { interpellationLink } from '../../shared/interpellation/index.ts';
import type { QuestionView } from '../messaging/protocol.ts';
import { uiLang } from '../i18n/messages.ts';
import { db, type Question } from './db.ts';

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

/** Every kept question, newest first, one per commitment (the latest kept). */
export async function listQuestions(): Promise<QuestionView[]> {
  const seen = new Set<string>();
  const lang = uiLang();
  return (await (await db()).getAll('questions'))
    .sort((a, b) => b.id! - a.id!)
    .filter((q) => {
      const key = JSON.stringify([q.feedId, q.commitmentId]);
      return !seen.has(key) && !!seen.add(key);
    })
    .map((q) => view(q, lang));
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
