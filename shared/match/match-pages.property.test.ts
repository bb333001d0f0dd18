/**
 * The page index against a plain reading of the format's rule (WebExtension match patterns, as
 * browsers apply them): scheme `*` or equal; host `*`, `*.` plus a domain (itself and its
 * subdomains) or equal, compared in lower-case ASCII without a final dot; a port, when the pattern
 * gives one, equal to the page's (its scheme's default when it gives none); path and query matched
 * with `*` wildcards.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Feed } from '../feed/types.ts';
import { createPageIndex, matchesPattern, parsePattern } from './match-pages.ts';

const RUNS = { numRuns: 500, seed: 20261205 };

/** A host as a browser compares it: ASCII, lower case, no final dot. */
function hostOf(host: string): string {
  return new URL(`http://${host}/`).hostname.replace(/\.$/, '');
}

function globMatches(glob: string, text: string): boolean {
  const source = glob
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^]*');
  return new RegExp(`^${source}$`).test(text);
}

/** The rule, written out for patterns whose path is already in the form URLs give it. */
function reference(pattern: string, url: string): boolean {
  const m = /^(\*|https?):\/\/([^/]+)(\/.*)$/.exec(pattern);
  if (m === null) throw new Error(`not a pattern: ${pattern}`);
  const [, scheme = '', rawHost = '', path = ''] = m;
  const page = new URL(url);
  if (scheme !== '*' && `${scheme}:` !== page.protocol) return false;
  const host = page.hostname.replace(/\.$/, '');
  const patternHost = rawHost.replace(/:\d+$/, '');
  const patternPort = /:(\d+)$/.exec(rawHost)?.[1];
  const pagePort = page.port || (page.protocol === 'https:' ? '443' : '80');
  if (patternPort !== undefined && Number(patternPort) !== Number(pagePort)) return false;
  if (patternHost !== '*') {
    const domain = patternHost.startsWith('*.') ? hostOf(patternHost.slice(2)) : undefined;
    if (
      domain === undefined
        ? host !== hostOf(patternHost)
        : host !== domain && !host.endsWith(`.${domain}`)
    ) {
      return false;
    }
  }
  return globMatches(path, page.pathname + page.search);
}

const label = fc.constantFrom(
  'www',
  'ville',
  'VILLE',
  'exemple',
  'bücher',
  'xn--bcher-kva',
  'fr',
  'a',
  'gouv',
);
const host = fc.array(label, { minLength: 1, maxLength: 4 }).map((labels) => labels.join('.'));
const dot = fc.constantFrom('', '', '.');
const port = fc.constantFrom('', '', ':8443', ':80');
const segment = fc.constantFrom(
  '',
  'a',
  'b',
  'ab',
  'marches-publics',
  'A',
  '%C3%A9',
  '?q=1',
  'a?b',
  '&x',
);
const pathOf = (parts: string[]): string => `/${parts.join('/')}`;

const patternArb = fc
  .tuple(
    fc.constantFrom('*', 'http', 'https'),
    fc.oneof(
      host,
      host.map((h) => `*.${h}`),
      fc.constant('*'),
    ),
    dot,
    port,
    fc.array(
      fc.oneof(
        segment,
        fc.constant('*'),
        segment.map((s) => `${s}*`),
      ),
      { maxLength: 3 },
    ),
  )
  .map(
    ([scheme, h, d, p, parts]) =>
      `${scheme}://${h}${h === '*' ? '' : d}${h === '*' ? '' : p}${pathOf(parts)}`,
  );

const urlArb = fc
  .tuple(fc.constantFrom('http', 'https'), host, dot, port, fc.array(segment, { maxLength: 3 }))
  .map(([scheme, h, d, p, parts]) => `${scheme}://${h}${d}${p}${pathOf(parts)}`);

function feedOf(site: string[], pages: string[][]): Feed {
  return {
    format: 'open-commitments/1',
    publisher: { name: 'P', kind: 'municipality' },
    updated: '2026-01-01T00:00:00Z',
    site,
    commitments: pages.map((p, i) => ({ id: `C${i}`, title: 't', status: 'limited', pages: p })),
  };
}

describe('page matching over generated patterns and URLs', () => {
  it('matches a URL exactly when the rule says so', () => {
    fc.assert(
      fc.property(patternArb, urlArb, (pattern, url) => {
        const parsed = parsePattern(pattern);
        expect(parsed, pattern).not.toBeNull();
        if (parsed === null) return;
        expect(matchesPattern(parsed, url)).toBe(reference(pattern, url));
        // The canonical form names the same pages.
        const canonical = parsePattern(parsed.pattern);
        expect(canonical?.pattern).toBe(parsed.pattern);
        expect(canonical !== null && matchesPattern(canonical, url)).toBe(reference(pattern, url));
      }),
      RUNS,
    );
  });

  it('finds in an index exactly the feeds and commitments whose patterns match', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.array(patternArb, { maxLength: 2 }),
            fc.array(fc.array(patternArb, { maxLength: 2 }), { maxLength: 3 }),
          ),
          { minLength: 1, maxLength: 3 },
        ),
        urlArb,
        (feeds, url) => {
          const index = createPageIndex(
            feeds.map(([site, pages], i) => ({ feedId: `f${i}`, feed: feedOf(site, pages) })),
          );
          const expected = feeds.flatMap(([site, pages], i) => {
            const commitmentIds = pages.flatMap((p, c) =>
              p.some((pattern) => reference(pattern, url)) ? [`C${c}`] : [],
            );
            const inSite = site.some((pattern) => reference(pattern, url));
            return inSite || commitmentIds.length > 0
              ? [{ feedId: `f${i}`, commitmentIds, site: inSite }]
              : [];
          });
          expect(index.match(url)).toEqual(expected);
        },
      ),
      RUNS,
    );
  });
});
