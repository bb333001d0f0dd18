/**
 * What one commitment row shows, computed from the feed with the core's functions, in the
 * viewer's language. Pure, so the overlay, popup and dashboard show the same thing.
 */
import type {
  Category,
  Commitment,
  DateString,
  Feed,
  Lang,
  LocalText,
} from '../../shared/index.ts';
import { isHttpUrl } from '../../shared/feed/formats.ts';
import { coreMessages } from '../../shared/i18n/core-messages.ts';
import { formatDate } from '../../shared/i18n/format.ts';
import { pickText } from '../../shared/text/pick-text.ts';
import { viewCommitment } from '../../shared/status/view-commitment.ts';
import { interpellationLink, type InterpellationLink } from '../../shared/interpellation/index.ts';

/** A commitment ready to render. */
export interface CommitmentRowData {
  readonly id: string;
  readonly title: LocalText;
  readonly url?: string;
  readonly category: Category;
  readonly statusLabel: LocalText;
  readonly progress?: number;
  readonly due?: string;
  readonly late: boolean;
  readonly lastUpdate?: string;
  readonly publisher?: LocalText;
  readonly link?: InterpellationLink;
}

/**
 * `url` when it is an absolute http(s) URL without white space or user name (the parser's own
 * rule, checked again because a `Feed` may be built by other code than `parseFeed`).
 */
function safeHttp(url: string | undefined): string | undefined {
  return url && isHttpUrl(url) ? new URL(url).href : undefined;
}

/**
 * The row of `commitment`; `page` is put in the interpellation link, without its query string
 * and fragment, only if given.
 */
export function commitmentRow(
  feed: Feed,
  commitment: Commitment,
  lang: Lang,
  today: DateString,
  page?: string,
): CommitmentRowData {
  const view = viewCommitment(feed, commitment, today);
  const label = pickText(view.status.label, lang, feed.languages) ?? {
    text: coreMessages[lang].category[view.status.category],
  };
  const dates = (commitment.updates ?? []).map((u) => u.date).sort();
  const last = dates[dates.length - 1];
  const url = safeHttp(commitment.url);
  const link = interpellationLink(feed, commitment, {
    lang,
    ...(page !== undefined ? { page } : {}),
  });
  const publisher = pickText(feed.publisher.name, lang, feed.languages);
  return {
    id: commitment.id,
    title: pickText(commitment.title, lang, feed.languages) ?? { text: commitment.id },
    ...(url ? { url } : {}),
    category: view.status.category,
    statusLabel: label,
    ...(view.progress !== undefined ? { progress: view.progress } : {}),
    ...(commitment.due ? { due: formatDate(commitment.due, lang) } : {}),
    late: view.late,
    ...(last ? { lastUpdate: formatDate(last, lang) } : {}),
    ...(publisher ? { publisher } : {}),
    ...(link ? { link } : {}),
  };
}
