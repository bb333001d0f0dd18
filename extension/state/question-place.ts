/**
 * Where a kept question belongs, found again in its subscribed feed each time "My questions" is
 * shown rather than kept with the question (older records then gain it too): the publisher it
 * was put to and its plan, the commitment's page and the official form it is asked on.
 */
import type { LocalText } from '../../shared/index.ts';
import { isHttpUrl } from '../../shared/feed/formats.ts';
import type { QuestionView } from '../messaging/protocol.ts';

/** A kept question's publisher, plan and links, in the reader's language. */
export interface QuestionPlace {
  readonly publisher: LocalText;
  readonly plan?: LocalText;
  /** The commitment's page on the publisher's site (http or https). */
  readonly url?: string;
  /** The web form the question is asked on (http or https), when its channel is one. */
  readonly form?: string;
}

function localText(value: unknown): LocalText | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { text, lang } = value as { text?: unknown; lang?: unknown };
  if (typeof text !== 'string' || text === '') return undefined;
  return typeof lang === 'string' ? { text, lang } : { text };
}

function httpLink(value: unknown): string | undefined {
  return typeof value === 'string' && isHttpUrl(value) ? new URL(value).href : undefined;
}

/**
 * The place of a question as it came from the background, read again here: text only, and only
 * http(s) links, so that no other scheme a feed might carry becomes a link on the page.
 */
export function questionPlace(question: QuestionView): QuestionPlace | undefined {
  const place: unknown = question.place;
  if (typeof place !== 'object' || place === null) return undefined;
  const { publisher, plan, url, form } = place as Record<string, unknown>;
  const name = localText(publisher);
  if (!name) return undefined;
  const planText = localText(plan);
  const page = httpLink(url);
  const formLink = question.channel.kind === 'url' ? httpLink(form) : undefined;
  return {
    publisher: name,
    ...(planText ? { plan: planText } : {}),
    ...(page ? { url: page } : {}),
    ...(formLink ? { form: formLink } : {}),
  };
}

/**
 * The feeds whose plan is worth naming beside their publisher: those whose publisher another
 * listed feed has too (one publisher's two plans), so that their questions are told apart.
 */
export function feedsToNamePlan(
  places: readonly { feedId: string; place: QuestionPlace | undefined }[],
): Set<string> {
  const feedsOf = new Map<string, Set<string>>();
  for (const { feedId, place } of places) {
    if (!place) continue;
    const feeds = feedsOf.get(place.publisher.text) ?? new Set();
    feedsOf.set(place.publisher.text, feeds.add(feedId));
  }
  return new Set([...feedsOf.values()].filter((feeds) => feeds.size > 1).flatMap((f) => [...f]));
}
