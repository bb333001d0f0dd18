/**
 * Which of a feed's patterns the extension uses. A feed names its publisher's own pages, so a
 * pattern for the sites of many owners is left out, from the host permissions asked for and from
 * the page index alike. Apart from `origins.ts` because the Public Suffix List is large: only the
 * background needs it, not the popup nor the options page.
 */
import { parsePattern, type MatchPattern } from '../../shared/index.ts';
import { namesManyOwners } from '../../shared/match/public-suffix.ts';

/**
 * Whether the extension uses a parsed pattern: not one whose host is `*`, nor `*.` and a public
 * suffix (`*://*.fr/*`, `https://*.github.io/*`), which name the sites of many owners. A feed names
 * its publisher's own pages; such a pattern would put the panel on all those pages, and ask the
 * person for access to all those sites.
 */
export function usesPattern(pattern: MatchPattern): boolean {
  return !namesManyOwners(pattern);
}

/** Whether the extension uses a feed's pattern (see `usesPattern`); never one it cannot read. */
export function namesOwnPages(pattern: string): boolean {
  const parsed = parsePattern(pattern);
  return parsed !== null && usesPattern(parsed);
}
