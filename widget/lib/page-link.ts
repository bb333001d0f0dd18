import { safeHref } from './show.ts';

/** A link a person can follow, made from a commitment's `pages` match pattern. */
export interface PageLink {
  readonly href: string;
  /** Host and path, without the scheme. */
  readonly label: string;
}

/**
 * The link for a `pages` match pattern, when the pattern names one place a person can open: an
 * http(s) scheme, a host without wildcard, and a path whose only wildcard is one trailing `*`
 * (`https://www.exemple.fr/marches-publics/*` -> `https://www.exemple.fr/marches-publics/`).
 * Undefined for any other pattern (`*://…`, `*.host`, `/a*b*`), which describes many pages rather
 * than one, and for a loopback host without port, which matches every port and so names none.
 */
export function pageLink(pattern: string): PageLink | undefined {
  const match = /^https?:\/\/([^/*]+)(\/[^*]*)\*?$/.exec(pattern);
  if (!match || /^(localhost|127\.[\d.]+|\[::1\])$/i.test(match[1]!)) return undefined;
  const href = safeHref(pattern.replace(/\*$/, ''));
  return href ? { href, label: match[1]! + match[2]! } : undefined;
}
