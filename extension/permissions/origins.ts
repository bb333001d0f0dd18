/**
 * Match patterns and host permissions. A feed names pages with match patterns
 * (`https://www.exemple.fr/marches/*`); the browser grants hosts (`https://www.exemple.fr/*`).
 * These pure functions turn one into the other so that the extension asks for, and registers
 * its content script on, exactly what the person allowed.
 */
import { parsePattern, type MatchPattern } from '../../shared/index.ts';

/** The host part of a parsed pattern as a match pattern writes it. */
function hostOf(p: MatchPattern): string {
  return p.hostKind === 'any' ? '*' : p.hostKind === 'domain' ? `*.${p.host}` : p.host;
}

/** The host permission that covers a pattern: `https://a.fr/x/*` -> `https://a.fr/*`. */
export function originPattern(pattern: string): string | undefined {
  const parts = parsePattern(pattern);
  return parts ? `${parts.scheme}://${hostOf(parts)}/*` : undefined;
}

/** The distinct host permissions covering `patterns`, in first-seen order; unusable ones dropped. */
export function originPatterns(patterns: Iterable<string>): string[] {
  const seen = new Set<string>();
  for (const pattern of patterns) {
    const origin = originPattern(pattern);
    if (origin) seen.add(origin);
  }
  return [...seen];
}

/** The host permission for one URL (a feed URL): `https://a.fr/feed.json` -> `https://a.fr/*`. */
export function originOfUrl(url: string): string | undefined {
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
    return `${u.protocol}//${u.hostname}/*`;
  } catch {
    return undefined;
  }
}

function hostCovers(grant: MatchPattern, pattern: MatchPattern): boolean {
  if (grant.hostKind === 'any') return true;
  if (pattern.hostKind === 'any') return false;
  if (grant.hostKind === 'exact')
    return pattern.hostKind === 'exact' && pattern.host === grant.host;
  return pattern.host === grant.host || pattern.host.endsWith('.' + grant.host);
}

/** Whether a granted host permission (`permissions.getAll().origins` entry) covers `pattern`. */
export function grantCovers(grant: string, pattern: string): boolean {
  const p = parsePattern(pattern);
  if (!p) return false;
  if (grant === '<all_urls>') return true;
  const g = parsePattern(grant);
  if (!g) return false;
  const schemeOk = g.scheme === '*' || p.scheme === g.scheme;
  return schemeOk && hostCovers(g, p);
}

/**
 * The patterns the content script may be registered for: those of `patterns` that some granted
 * host permission covers, without duplicates, sorted so that equal sets compare equal.
 */
export function grantedPatterns(patterns: Iterable<string>, grants: readonly string[]): string[] {
  const out = new Set<string>();
  for (const pattern of patterns) {
    if (grants.some((grant) => grantCovers(grant, pattern))) out.add(pattern);
  }
  return [...out].sort();
}

/** The host permissions among `needed` that no grant covers yet: what to ask the person for. */
export function missingOrigins(needed: Iterable<string>, grants: readonly string[]): string[] {
  return originPatterns(needed).filter(
    (origin) => !grants.some((grant) => grantCovers(grant, origin)),
  );
}
