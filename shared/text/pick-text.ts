import type { Text } from '../feed/types.ts';

/** A Text resolved for one viewer: the string to show and, when known, its language. */
export interface LocalText {
  readonly text: string;
  /** Set when the text came from a language-keyed object; put it in a `lang` attribute. */
  readonly lang?: string;
}

/** The primary subtag of a language tag, lower-cased: `fr-FR` -> `fr`. */
function primary(tag: string): string {
  const dash = tag.indexOf('-');
  return (dash === -1 ? tag : tag.slice(0, dash)).toLowerCase();
}

/**
 * The key of `text` that best serves `lang`: the exact tag (any case), else one with the same
 * primary subtag (`fr` for `fr-FR`, `fr-CA` for `fr`).
 */
function findKey(keys: readonly string[], lang: string): string | undefined {
  if (lang === '') return undefined;
  const wanted = lang.toLowerCase();
  const exact = keys.find((key) => key.toLowerCase() === wanted);
  if (exact !== undefined) return exact;
  const base = primary(lang);
  return keys.find((key) => primary(key) === base);
}

/**
 * Picks the string of a Text for a viewer: the viewer's language, then the feed's first
 * `languages` entry, then any language present. A language whose string is empty (or blank) is
 * passed over, as a translation not written yet: `{fr: "", en: "Open data"}` shows a French viewer
 * the English rather than nothing. A plain string is returned as is, without `lang`.
 */
export function pickText(
  text: Text | undefined,
  lang: string,
  feedLanguages?: readonly string[],
): LocalText | undefined {
  if (text === undefined) return undefined;
  if (typeof text === 'string') return { text };
  const keys = Object.keys(text).filter((key) => text[key]?.trim());
  const first = feedLanguages?.[0];
  const key =
    findKey(keys, lang) ?? (first === undefined ? undefined : findKey(keys, first)) ?? keys[0];
  if (key === undefined) return undefined;
  const value = text[key];
  return value === undefined ? undefined : { text: value, lang: key };
}
