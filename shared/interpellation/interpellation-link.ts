import { EMAIL_RE, isHttpUrl } from '../feed/formats.ts';
import type { Commitment, Feed } from '../feed/types.ts';
import { pickLang } from '../i18n/lang.ts';
import { pickText } from '../text/pick-text.ts';
import { expandTemplate, wellFormed } from './expand-template.ts';
import { mailMessages } from './messages.ts';

/**
 * Where a citizen goes to question the publisher about one commitment, with what the interface
 * should show before they leave: the publisher's promised delay, support threshold and rules.
 */
export interface InterpellationLink {
  /** An `http:`/`https:` URL, or a `mailto:` URL. */
  readonly href: string;
  readonly kind: 'url' | 'email';
  /** The form's host, or the e-mail address: tells the citizen where they are going. */
  readonly target: string;
  readonly responseDays?: number;
  readonly threshold?: number;
  /** The rules of the process, an http(s) URL. */
  readonly rules?: string;
  /** The page's address the link passes on (see `pageToSend`), when it passes one. */
  readonly page?: string;
}

/** Options of `interpellationLink`. */
export interface InterpellationLinkOptions {
  /** The viewer's language tag: picks the title's language and the e-mail's words. */
  readonly lang: string;
  /**
   * The page the citizen was reading, passed on only when they follow the link, and only as
   * `pageToSend` gives it.
   */
  readonly page?: string;
}

/**
 * The address of the page the citizen reads, as the publisher's form or e-mail gets it: without
 * its query string (at times a token, an e-mail address, a search) nor its fragment (the page's
 * own state, which its server never receives).
 */
export function pageToSend(page: string): string {
  return page.split(/[?#]/)[0]!;
}

/** Longest title put into a link, in characters: mail clients choke on very long `mailto:`. */
const MAX_TITLE = 200;

/**
 * The link to question the publisher about `commitment`: the feed's form URL template expanded
 * (only when the result is an absolute http(s) URL), else a `mailto:` with a prefilled subject
 * and body (only when the address is a plain address), else undefined. Undefined too when the
 * feed has no interpellation channel.
 */
export function interpellationLink(
  feed: Feed,
  commitment: Commitment,
  options: InterpellationLinkOptions,
): InterpellationLink | undefined {
  const channel = feed.interpellation;
  if (!channel) return undefined;
  const title = truncate(pickText(commitment.title, options.lang, feed.languages)?.text ?? '');
  const page = options.page === undefined ? undefined : pageToSend(options.page);
  const extras = {
    ...(channel.responseDays !== undefined ? { responseDays: channel.responseDays } : {}),
    ...(channel.threshold !== undefined ? { threshold: channel.threshold } : {}),
    ...(channel.rules !== undefined && isHttpUrl(channel.rules) ? { rules: channel.rules } : {}),
  };

  if (channel.url !== undefined) {
    const plan = feed.plan?.id ?? pickText(feed.plan?.title, options.lang, feed.languages)?.text;
    const expanded = expandTemplate(channel.url, {
      id: commitment.id,
      title,
      plan,
      page,
    });
    if (isHttpUrl(expanded)) {
      const url = new URL(expanded);
      const sent = page !== undefined && channel.url.includes('{page}') ? { page } : {};
      return { href: url.href, kind: 'url', target: url.host, ...extras, ...sent };
    }
  }

  if (channel.email !== undefined && isPlainAddress(channel.email)) {
    const words = mailMessages[pickLang(options.lang)];
    const ref = commitment.refs?.ogp ?? commitment.id;
    const oneLine = title.replace(/\s*[\r\n]+\s*/g, ' ');
    const body = [
      words.greeting,
      '',
      words.intro(ref, title),
      ...(page !== undefined ? [words.page(page)] : []),
      '',
      words.question,
      '',
      '',
    ].join('\n');
    const href =
      `mailto:${channel.email}` +
      `?subject=${encodeMailField(words.subject(ref, oneLine))}` +
      `&body=${encodeMailField(body)}`;
    return {
      href,
      kind: 'email',
      target: channel.email,
      ...extras,
      ...(page !== undefined ? { page } : {}),
    };
  }
  return undefined;
}

/**
 * A plain `local@domain.tld` address: nothing that could add a recipient (`,`), a header (`?`),
 * a fragment (`#`) or need encoding. Checked again here because a `Feed` may be built by other
 * code than `parseFeed`; the rule is the format's own, so that every address the validator
 * accepts gets its link. Internationalised domains must be in punycode.
 */
export function isPlainAddress(address: string): boolean {
  return EMAIL_RE.test(address);
}

/** RFC 6068 header value: UTF-8 percent-encoded, every line break as `%0D%0A`. */
function encodeMailField(value: string): string {
  return encodeURIComponent(wellFormed(value).replace(/\r\n|\r|\n/g, '\r\n'));
}

function truncate(text: string): string {
  const chars = Array.from(text);
  return chars.length <= MAX_TITLE ? text : `${chars.slice(0, MAX_TITLE - 1).join('')}…`;
}
