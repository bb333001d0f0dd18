/**
 * The person's own questions (interpellations they sent through a feed's channel), kept only in
 * this browser: which commitment, when, through which channel, and when an answer is due.
 */
import { addDays, pickText, todayString, type Commitment, type Feed } from '../../shared/index.ts';
import { interpellationLink } from '../../shared/interpellation/index.ts';
import type { QuestionView } from '../messaging/protocol.ts';
import { uiLang } from '../i18n/messages.ts';
import { db, type Question } from './db.ts';

function view(q: Question): QuestionView {
  return { ...q, id: q.id! };
}

/** Keeps a question asked today about `commitment` through the feed's channel. */
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
    title: pickText(commitment.title, lang, feed.languages)?.text ?? commitment.id,
    askedOn,
    channel: { kind: link.kind, target: link.target },
    ...(link.responseDays !== undefined ? { dueOn: addDays(askedOn, link.responseDays) } : {}),
  };
  const id = await (await db()).add('questions', question);
  return view({ ...question, id });
}

/** Every kept question, newest first. */
export async function listQuestions(): Promise<QuestionView[]> {
  const all = await (await db()).getAll('questions');
  return all.map(view).sort((a, b) => b.id - a.id);
}

/** Forgets one question. */
export async function deleteQuestion(id: number): Promise<void> {
  await (await db()).delete('questions', id);
}
