/**
 * Feed text picked for the viewer, and the only links ever rendered. Free of Lit, so that the
 * badge, which renders with the DOM alone, shares them with the dashboard.
 */
import { isHttpUrl } from '../../shared/feed/formats.ts';
import type { Text } from '../../shared/feed/types.ts';
import type { Lang } from '../../shared/i18n/lang.ts';
import { pickText } from '../../shared/text/pick-text.ts';

/** A Text picked for the viewer, and the `lang` to mark it with when it is another language. */
export interface Shown {
  readonly text: string;
  readonly lang?: string;
}

/** Picks `text` for a viewer of `lang`; `lang` is set only when the text is in another language. */
export function show(
  text: Text | undefined,
  lang: Lang,
  feedLanguages?: readonly string[],
): Shown | undefined {
  const local = pickText(text, lang, feedLanguages);
  if (!local) return undefined;
  const other = local.lang !== undefined && local.lang.split('-')[0]?.toLowerCase() !== lang;
  return other ? { text: local.text, lang: local.lang } : { text: local.text };
}

/**
 * `url` when it is an absolute http(s) URL without white space or user name (the parser's own
 * rule), else undefined: the only links ever rendered. Checked here too because a commitment's
 * `refs` are free strings that become links when they read as one.
 */
export function safeHref(url: string | undefined): string | undefined {
  return url !== undefined && isHttpUrl(url) ? new URL(url).href : undefined;
}
