/**
 * The feed a web page announces (feed-v1 "Discovery": `<link rel="alternate"
 * type="application/vnd.open-commitments+json" href="…">`), read from the page's HTML as text: the
 * background's service worker has no `DOMParser`. A person pastes a site's page where a feed's
 * address was asked for; the feeds page then subscribes to the feed the page names.
 */

/** The media type that announces a feed. */
export const FEED_TYPE = 'application/vnd.open-commitments+json';

/** Whether a `Content-Type` names an HTML document. */
export function isHtmlType(contentType: string | null): boolean {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  return type === 'text/html' || type === 'application/xhtml+xml';
}

// A start tag, its attribute values quoted or not (a quoted `>` does not end it). No `<` inside:
// a tag left open then ends its attempt at the next one, so that a page of open tags is read in
// linear time, not in time growing with its square.
const LINK_TAG = /<(link|base)\b((?:[^<>"']|"[^"<]*"|'[^'<]*')*)>/gi;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
// What the parser never reads as tags: comments, and the text of scripts, styles and templates.
const NOT_MARKUP =
  /<!--[\s\S]*?(?:-->|$)|<(script|style|template|textarea|title|noscript)\b[\s\S]*?(?:<\/\1\s*>|$)/gi;

/** The attributes of a start tag, names lowercased, values with character references read. */
function attributes(source: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const [, name, double, single, bare] of source.matchAll(ATTRIBUTE)) {
    const key = name!.toLowerCase();
    if (!found.has(key)) found.set(key, decodeReferences(double ?? single ?? bare ?? ''));
  }
  return found;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Reads the character references an address may hold (`&amp;`, `&#47;`, `&#x2F;`). */
function decodeReferences(text: string): string {
  return text.replace(
    /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|(amp|lt|gt|quot|apos));?/gi,
    (all, dec, hex, name) => {
      if (name) return NAMED[(name as string).toLowerCase()] ?? all;
      const code = dec ? Number(dec) : parseInt(hex as string, 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
    },
  );
}

/** `href` resolved against `base`, when that gives an http(s) address. */
function httpAddress(href: string, base: string): string | undefined {
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The feed addresses `html`, found at `pageUrl`, announces, in its order, each once: resolved
 * against the page's address (or its `<base href>`, as a browser does), http(s) only.
 */
export function announcedFeeds(html: string, pageUrl: string): string[] {
  const tags = [...html.replace(NOT_MARKUP, '').matchAll(LINK_TAG)].map(([, tag, source]) => ({
    tag: tag!.toLowerCase(),
    attrs: attributes(source!),
  }));
  // The document's base address is its first base element with an href, wherever it is.
  const baseHref = tags.find(({ tag, attrs }) => tag === 'base' && attrs.has('href'));
  const base = httpAddress(baseHref?.attrs.get('href') ?? '', pageUrl) ?? pageUrl;
  const feeds = new Set<string>();
  for (const { tag, attrs } of tags) {
    const href = attrs.get('href');
    if (tag !== 'link' || href === undefined) continue;
    const rel = (attrs.get('rel') ?? '').toLowerCase().split(/\s+/);
    if (!rel.includes('alternate')) continue;
    if ((attrs.get('type') ?? '').trim().toLowerCase() !== FEED_TYPE) continue;
    const address = httpAddress(href, base);
    if (address) feeds.add(address);
  }
  return [...feeds];
}
