/**
 * WebExtension match patterns (`https://www.example.fr/marches-publics/*`, `*://*.example.fr/*`)
 * and an index from a page URL to the feeds and commitments that name it. The same patterns drive
 * where the extension overlays status, so the rules follow the browsers': the scheme is `*`, `http`
 * or `https`; the host is `*`, `*.` plus a domain (the domain and its subdomains) or exact, with a
 * port that then matches that port only (as in Chromium); a final dot in a host is ignored; the
 * path (query included, fragment excluded) matches with `*` wildcards. `<all_urls>` and other schemes are refused: a feed names its own
 * pages.
 */
import type { Feed } from '../feed/types.ts';

/** A parsed match pattern. */
export interface MatchPattern {
  /**
   * The pattern in canonical form (lower-case host in ASCII, no port, no final dot), for the
   * browser: Firefox refuses a port in a match pattern, so the extension registers the host's
   * every port and `port` narrows it down.
   */
  readonly pattern: string;
  /** The only port matched, as a number in text (`443` for `https://h:443/`); absent for any. */
  readonly port?: string;
  readonly scheme: '*' | 'http' | 'https';
  /** `any` for `*`, `domain` for `*.example.fr` (itself and subdomains), `exact` otherwise. */
  readonly hostKind: 'any' | 'domain' | 'exact';
  /** The host, or the domain after `*.`; empty for `any`. */
  readonly host: string;
  /** The path pattern, query included; `*` matches any run of characters. */
  readonly path: string;
  /** `path` split at its `*`s: the literal pieces a matching path holds in order. */
  readonly pathParts: readonly string[];
}

/** The feed, commitments and site that one page URL belongs to. */
export interface PageMatch {
  readonly feedId: string;
  /** Commitments whose `pages` match, in feed order. */
  readonly commitmentIds: string[];
  /** True when the URL matches one of the feed's `site` patterns. */
  readonly site: boolean;
}

/** Looks up which feeds and commitments a page URL belongs to. */
export interface PageIndex {
  /** The matches for `url`, in the order the feeds were given; empty for a non-http(s) URL. */
  match(url: string): PageMatch[];
  /** Every pattern in the index, canonical and deduplicated, for registering content scripts. */
  patterns(): string[];
}

/** Longest pattern accepted. */
const MAX_PATTERN = 2048;

/** A host name; IPv6 literals are not supported. */
const HOST_RE = /^[^\s@\\?#:/*[\]]+$/;

/**
 * Scheme, host, port and path of a pattern. A final dot of the host is left out (`www.example.fr.`
 * names the same site, and browsers match patterns without it). A bare `*` host is followed by
 * the path, as browsers require.
 */
const PATTERN_RE = /^(\*|https?):\/\/(\*(?=\/)|\*\.[^/*:]+?|[^/*:]+?)\.?(?::(\d{1,5}))?(\/.*)$/;

/**
 * True when `text` matches a pattern split at its `*`s. Greedy leftmost search, never a regular
 * expression: a feed's `/*a*a*a*a*b` would make a backtracking one take exponential time on every
 * page visited.
 */
function matchParts(parts: readonly string[], text: string): boolean {
  const first = parts[0] ?? '';
  if (parts.length === 1) return text === first;
  const last = parts[parts.length - 1] ?? '';
  if (!text.startsWith(first) || text.length < first.length + last.length) return false;
  let from = first.length;
  for (let i = 1; i < parts.length - 1; i += 1) {
    const part = parts[i] ?? '';
    const found = text.indexOf(part, from);
    if (found === -1) return false;
    from = found + part.length;
  }
  return text.length - last.length >= from && text.endsWith(last);
}

/** A host in the form URLs give it: lower case, IDN in punycode, no port; null if invalid. */
function normaliseHost(host: string): string | null {
  if (!HOST_RE.test(host)) return null;
  try {
    const hostname = new URL(`http://${host}/`).hostname;
    return hostname === '' ? null : hostname;
  } catch {
    return null;
  }
}

/** The path and query of a pattern as a browser would have them in a URL (percent-encoded). */
function normalisePath(path: string): string {
  if (path.includes('#')) return path;
  try {
    const url = new URL(`http://h${path}`);
    return url.pathname + url.search;
  } catch {
    return path;
  }
}

/** Parses a WebExtension match pattern; null when it is not one a feed may use. */
export function parsePattern(p: string): MatchPattern | null {
  if (p.length > MAX_PATTERN) return null;
  const m = PATTERN_RE.exec(p);
  if (m === null) return null;
  const scheme = m[1] as MatchPattern['scheme'];
  const rawHost = m[2] ?? '';
  const port = m[3] === undefined ? undefined : String(Number(m[3]));
  if (port !== undefined && Number(port) > 65535) return null;
  const path = normalisePath(m[4] ?? '/');
  let hostKind: MatchPattern['hostKind'] = 'exact';
  let host = '';
  if (rawHost !== '*') {
    hostKind = rawHost.startsWith('*.') ? 'domain' : 'exact';
    const normalised = normaliseHost(hostKind === 'domain' ? rawHost.slice(2) : rawHost);
    if (normalised === null) return null;
    host = normalised;
  } else {
    hostKind = 'any';
  }
  const shownHost = hostKind === 'any' ? '*' : hostKind === 'domain' ? `*.${host}` : host;
  const pathParts = path.split('*');
  return {
    pattern: `${scheme}://${shownHost}${path}`,
    ...(port === undefined ? {} : { port }),
    scheme,
    hostKind,
    host,
    path,
    pathParts,
  };
}

/** A URL split the way patterns look at it; null unless http(s). */
interface PageUrl {
  readonly scheme: string;
  readonly host: string;
  /** The port, the scheme's default when the URL gives none. */
  readonly port: string;
  readonly path: string;
}

function readUrl(url: string | URL): PageUrl | null {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return null;
  }
  const scheme = parsed.protocol.slice(0, -1);
  if (scheme !== 'http' && scheme !== 'https') return null;
  // Without a final dot, as patterns have their hosts.
  return {
    scheme,
    host: parsed.hostname.replace(/\.$/, ''),
    port: parsed.port || (scheme === 'https' ? '443' : '80'),
    path: parsed.pathname + parsed.search,
  };
}

function matchesPage(pattern: MatchPattern, page: PageUrl): boolean {
  if (pattern.scheme !== '*' && pattern.scheme !== page.scheme) return false;
  if (pattern.port !== undefined && pattern.port !== page.port) return false;
  if (pattern.hostKind === 'exact' && pattern.host !== page.host) return false;
  if (
    pattern.hostKind === 'domain' &&
    page.host !== pattern.host &&
    !page.host.endsWith(`.${pattern.host}`)
  ) {
    return false;
  }
  return matchParts(pattern.pathParts, page.path);
}

/** True when `url` (a string or URL) is one of the pages `pattern` names. */
export function matchesPattern(pattern: MatchPattern, url: string | URL): boolean {
  const page = readUrl(url);
  return page !== null && matchesPage(pattern, page);
}

/** One pattern in the index, with what it stands for. */
interface Entry {
  readonly pattern: MatchPattern;
  /** Position of the feed in the index's input. */
  readonly feed: number;
  /** The commitment whose `pages` hold it; undefined for a `site` pattern. */
  readonly commitment?: { readonly id: string; readonly order: number };
}

function push<K>(map: Map<K, Entry[]>, key: K, entry: Entry): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [entry]);
  else list.push(entry);
}

/** How an index reads feeds' patterns. */
export interface PageIndexOptions {
  /**
   * Which patterns to index; every one by default. A consumer that shows a feed only on its
   * publisher's own pages leaves out those naming the sites of many owners (host `*`, or `*.` and
   * a public suffix, which this module cannot tell without the Public Suffix List).
   */
  readonly keep?: (pattern: MatchPattern) => boolean;
}

/**
 * Builds the index of every `site` and `pages` pattern of some feeds. Hosts are looked up in maps
 * (exact hosts, and each parent domain for `*.` patterns), so matching a page costs about the
 * number of labels in its host, not the number of patterns.
 */
export function createPageIndex(
  entries: readonly { feedId: string; feed: Feed }[],
  options: PageIndexOptions = {},
): PageIndex {
  const exact = new Map<string, Entry[]>();
  const domains = new Map<string, Entry[]>();
  const anyHost: Entry[] = [];
  const canonical = new Set<string>();

  const add = (source: string, entry: Omit<Entry, 'pattern'>): void => {
    const pattern = parsePattern(source);
    if (pattern === null || options.keep?.(pattern) === false) return;
    canonical.add(pattern.pattern);
    const full = { ...entry, pattern };
    if (pattern.hostKind === 'any') anyHost.push(full);
    else push(pattern.hostKind === 'exact' ? exact : domains, pattern.host, full);
  };

  entries.forEach(({ feed }, feedIndex) => {
    for (const source of feed.site ?? []) add(source, { feed: feedIndex });
    feed.commitments.forEach((commitment, order) => {
      for (const source of commitment.pages ?? []) {
        add(source, { feed: feedIndex, commitment: { id: commitment.id, order } });
      }
    });
  });

  // Lists, not one array: spreading a list of 100,000 entries into `push` overflows the stack.
  const candidates = (host: string): (readonly Entry[])[] => {
    const found = [exact.get(host) ?? [], anyHost];
    for (let domain = host; domain !== '';) {
      const list = domains.get(domain);
      if (list !== undefined) found.push(list);
      const dot = domain.indexOf('.');
      domain = dot === -1 ? '' : domain.slice(dot + 1);
    }
    return found;
  };

  return {
    match(url: string): PageMatch[] {
      const page = readUrl(url);
      if (page === null) return [];
      const byFeed = new Map<number, { site: boolean; commitments: Map<string, number> }>();
      for (const list of candidates(page.host)) {
        for (const entry of list) {
          if (!matchesPage(entry.pattern, page)) continue;
          let found = byFeed.get(entry.feed);
          if (found === undefined) {
            found = { site: false, commitments: new Map() };
            byFeed.set(entry.feed, found);
          }
          if (entry.commitment === undefined) found.site = true;
          else found.commitments.set(entry.commitment.id, entry.commitment.order);
        }
      }
      return [...byFeed.entries()]
        .sort(([a], [b]) => a - b)
        .map(([feedIndex, found]) => ({
          feedId: entries[feedIndex]?.feedId ?? '',
          commitmentIds: [...found.commitments.entries()]
            .sort(([, a], [, b]) => a - b)
            .map(([id]) => id),
          site: found.site,
        }));
    },
    patterns(): string[] {
      return [...canonical];
    },
  };
}
