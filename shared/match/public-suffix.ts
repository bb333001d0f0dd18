/**
 * Patterns that name the sites of many owners: host `*`, or `*.` and a public suffix
 * (`*://*.fr/*`, `https://*.github.io/*`). A feed names its publisher's own pages; the extension
 * leaves such patterns out and `validate` warns about them. Not exported from the core's index:
 * the Public Suffix List is large, and neither the widget nor the extension's pages need it.
 */
import { parse } from 'tldts';
import type { MatchPattern } from './match-pages.ts';

/**
 * True for a host that the Public Suffix List names, in its ICANN or its private section (`fr`,
 * `gouv.fr`, `co.uk`, `github.io`): many unrelated owners have sites under it.
 */
export function isPublicSuffix(host: string): boolean {
  const parts = parse(host, { allowPrivateDomains: true, extractHostname: false });
  // `hostname` is `host` without a final dot: `*.fr.` names the same sites as `*.fr`.
  return (
    parts.publicSuffix === parts.hostname && (parts.isIcann === true || parts.isPrivate === true)
  );
}

/** Whether a parsed pattern names every site, or every site under a public suffix. */
export function namesManyOwners(pattern: MatchPattern): boolean {
  return (
    pattern.hostKind === 'any' || (pattern.hostKind === 'domain' && isPublicSuffix(pattern.host))
  );
}
