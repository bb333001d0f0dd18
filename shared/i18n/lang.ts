/** The languages the interfaces are written in. */
export const LANGS = ['fr', 'en'] as const;

/** One interface language. */
export type Lang = (typeof LANGS)[number];

/** The language used when none of the requested ones is available: the project's home language. */
export const DEFAULT_LANG: Lang = 'fr';

function fromTag(tag: string): Lang | undefined {
  const base = tag.trim().toLowerCase().split(/[-_]/)[0];
  return LANGS.find((lang) => lang === base);
}

/**
 * The interface language for a request: a tag such as `fr-FR` or `en`, or a list in preference
 * order (`navigator.languages`); the first one available wins, else French.
 */
export function pickLang(requested?: string | readonly string[] | null): Lang {
  if (requested === undefined || requested === null) return DEFAULT_LANG;
  const tags = typeof requested === 'string' ? requested.split(',') : requested;
  for (const tag of tags) {
    const lang = fromTag(tag.split(';')[0] ?? '');
    if (lang !== undefined) return lang;
  }
  return DEFAULT_LANG;
}
