import { describe, expect, it } from 'vitest';
import type { Commitment, Feed } from '../feed/types.ts';
import { createPageIndex, matchesPattern, parsePattern } from './match-pages.ts';

function matches(pattern: string, url: string): boolean {
  const parsed = parsePattern(pattern);
  if (parsed === null) throw new Error(`not a pattern: ${pattern}`);
  return matchesPattern(parsed, url);
}

describe('parsePattern', () => {
  it.each([
    ['<all_urls>'],
    ['file:///home/*'],
    ['ftp://example.fr/*'],
    ['https://example.fr'],
    ['https://www.*.fr/*'],
    ['https://*example.fr/*'],
    ['https://exa mple.fr/*'],
    ['https://user@example.fr/*'],
    ['https://[::1]/*'],
    ['https://example.fr:port/*'],
    ['*://*/'.padEnd(3000, '*')],
    [''],
  ])('refuses %s', (pattern) => {
    expect(parsePattern(pattern)).toBeNull();
  });

  it('writes patterns in canonical form: host in lower-case ASCII, no port', () => {
    expect(parsePattern('https://WWW.Example.FR:8443/Marchés/*')?.pattern).toBe(
      'https://www.example.fr/March%C3%A9s/*',
    );
    expect(parsePattern('*://*.Bücher.example/*')?.pattern).toBe('*://*.xn--bcher-kva.example/*');
    expect(parsePattern('http://*/a?b=*')?.pattern).toBe('http://*/a?b=*');
  });
});

describe('matchesPattern', () => {
  it('matches *.example.fr on the domain and its subdomains, not on look-alikes', () => {
    const pattern = '*://*.example.fr/*';
    expect(matches(pattern, 'https://example.fr/')).toBe(true);
    expect(matches(pattern, 'https://www.example.fr/page')).toBe(true);
    expect(matches(pattern, 'http://a.b.example.fr/x?y=1')).toBe(true);
    expect(matches(pattern, 'https://badexample.fr/')).toBe(false);
    expect(matches(pattern, 'https://example.fr.evil.example/')).toBe(false);
    expect(matches(pattern, 'https://example.com/')).toBe(false);
  });

  it('tells http from https, and * from both', () => {
    expect(matches('https://example.fr/*', 'http://example.fr/')).toBe(false);
    expect(matches('http://example.fr/*', 'https://example.fr/')).toBe(false);
    expect(matches('*://example.fr/*', 'http://example.fr/')).toBe(true);
    expect(matches('*://example.fr/*', 'https://example.fr/')).toBe(true);
    expect(matches('*://*/*', 'ftp://example.fr/')).toBe(false);
    expect(matches('*://*/*', 'file:///etc/passwd')).toBe(false);
  });

  it('matches path wildcards anywhere, the query being part of the path', () => {
    const pattern = 'https://example.fr/marches-publics/*';
    expect(matches(pattern, 'https://example.fr/marches-publics/')).toBe(true);
    expect(matches(pattern, 'https://example.fr/marches-publics/2026/avis.html')).toBe(true);
    expect(matches(pattern, 'https://example.fr/marches-publics')).toBe(false);
    expect(matches(pattern, 'https://example.fr/autres/marches-publics/')).toBe(false);
    expect(matches('https://example.fr/a*b', 'https://example.fr/a-long-b')).toBe(true);
    expect(matches('https://example.fr/a*b', 'https://example.fr/a-long-bc')).toBe(false);
    expect(matches('https://example.fr/page?id=*', 'https://example.fr/page?id=12')).toBe(true);
    expect(matches('https://example.fr/page', 'https://example.fr/page?id=12')).toBe(false);
    expect(matches('https://example.fr/page', 'https://example.fr/page#section')).toBe(true);
    expect(matches('https://example.fr/a.b', 'https://example.fr/aXb')).toBe(false);
  });

  it('matches runs of wildcards, and stays fast on patterns built to backtrack', () => {
    expect(matches('https://example.fr/a**b', 'https://example.fr/ab')).toBe(true);
    expect(matches('https://example.fr/*a*a*', 'https://example.fr/xaya')).toBe(true);
    expect(matches('https://example.fr/*a*a*', 'https://example.fr/xay')).toBe(false);
    expect(matches('https://example.fr/*ab*ab', 'https://example.fr/abab')).toBe(true);
    expect(matches('https://example.fr/*aba', 'https://example.fr/aba')).toBe(true);
    expect(matches('https://example.fr/a*a', 'https://example.fr/a')).toBe(false);
    const hostile = `https://example.fr/${'*a'.repeat(40)}*b`;
    expect(matches(hostile, `https://example.fr/${'a'.repeat(20_000)}`)).toBe(false);
  });

  it('agrees with a regular expression on every small path and pattern', () => {
    const words = ['', 'a', 'b'];
    for (let n = 0; n < 4; n += 1) {
      for (const w of [...words]) words.push(`${w}a`, `${w}b`, `${w}*`);
    }
    const paths = words.filter((w) => !w.includes('*') && w.length <= 5);
    for (const glob of words) {
      const reference = new RegExp(`^/${glob.replaceAll('*', '.*')}$`);
      const pattern = parsePattern(`https://example.fr/${glob}`);
      for (const path of paths) {
        const url = `https://example.fr/${path}`;
        if (pattern === null || matchesPattern(pattern, url) !== reference.test(`/${path}`)) {
          throw new Error(`${glob} on ${path}`);
        }
      }
    }
  });

  it('matches every port when a pattern gives none, and only its port when it gives one', () => {
    expect(matches('https://example.fr/*', 'https://example.fr:8443/x')).toBe(true);
    expect(matches('https://example.fr:8443/*', 'https://example.fr:8443/x')).toBe(true);
    expect(matches('https://example.fr:8443/*', 'https://example.fr/x')).toBe(false);
    // A scheme's default port is the port of a URL that gives none.
    expect(matches('https://example.fr:443/*', 'https://example.fr/x')).toBe(true);
    expect(matches('*://example.fr:80/*', 'https://example.fr/x')).toBe(false);
    expect(matches('*://example.fr:80/*', 'http://example.fr/x')).toBe(true);
    expect(matches('https://*.example.fr:8443/*', 'https://www.example.fr:8443/x')).toBe(true);
    // Registered without it: Firefox refuses a port in a match pattern.
    expect(parsePattern('https://example.fr:8443/*')?.pattern).toBe('https://example.fr/*');
    expect(parsePattern('https://example.fr:65536/*')).toBeNull();
  });

  it('refuses a bare * host followed by anything but the path, as browsers do', () => {
    for (const pattern of ['https://*./*', 'http://*:8080/*', 'https://*.:443/*'])
      expect(parsePattern(pattern)).toBeNull();
  });

  it('compares hosts as URLs write them: lower case, IDN in punycode', () => {
    expect(matches('https://example.fr/*', 'https://EXAMPLE.FR/x')).toBe(true);
    expect(matches('https://WWW.EXAMPLE.FR/*', 'https://www.example.fr/x')).toBe(true);
    expect(matches('https://bücher.example/*', 'https://xn--bcher-kva.example/')).toBe(true);
    expect(matches('https://*.xn--bcher-kva.example/*', 'https://www.bücher.example/')).toBe(true);
    expect(matches('https://example.fr/marchés/*', 'https://example.fr/march%C3%A9s/1')).toBe(true);
  });

  it('ignores a final dot in a host, as browsers do, so that www.example.fr. has its badges', () => {
    expect(matches('https://www.example.fr/*', 'https://www.example.fr./x')).toBe(true);
    expect(matches('*://*.example.fr/*', 'https://www.example.fr./x')).toBe(true);
    expect(matches('https://www.example.fr./*', 'https://www.example.fr/x')).toBe(true);
    expect(parsePattern('*://*.Example.FR./*')?.pattern).toBe('*://*.example.fr/*');
    expect(parsePattern('https://www.example.fr.:8443/*')?.pattern).toBe(
      'https://www.example.fr/*',
    );
    const index = createPageIndex([
      {
        feedId: 'f',
        feed: feed(['https://www.example.fr/*'], [{ id: 'E1', pages: ['*://*.example.fr/a'] }]),
      },
    ]);
    expect(index.match('https://WWW.example.fr./a')).toEqual([
      { feedId: 'f', commitmentIds: ['E1'], site: true },
    ]);
  });

  it('is case-sensitive in the path, as browsers are', () => {
    expect(matches('https://example.fr/Page', 'https://example.fr/page')).toBe(false);
  });

  it('never matches what is not a URL', () => {
    expect(matches('*://*/*', 'not a url')).toBe(false);
    expect(matches('*://*/*', '')).toBe(false);
  });
});

function feed(site: string[], commitments: Partial<Commitment>[]): Feed {
  return {
    format: 'open-commitments/1',
    publisher: { name: 'P', kind: 'municipality' },
    updated: '2026-01-01T00:00:00Z',
    site,
    commitments: commitments.map((c, i) => ({ id: `C${i}`, title: 't', status: 'limited', ...c })),
  };
}

describe('createPageIndex', () => {
  const ville = feed(
    ['https://www.ville.example/*'],
    [
      { id: 'E1', pages: ['https://www.ville.example/marches-publics/*'] },
      {
        id: 'E2',
        pages: ['*://*.ville.example/budget*', 'https://www.ville.example/marches-publics/avis'],
      },
      { id: 'E3' },
    ],
  );
  const etat = feed(['*://*.gouv.example/*'], [{ id: 'FR1', pages: ['https://*/open-data/*'] }]);
  const index = createPageIndex([
    { feedId: 'ville', feed: ville },
    { feedId: 'etat', feed: etat },
  ]);

  it('finds the commitments whose pages match, in feed order, and whether the site matches', () => {
    expect(index.match('https://www.ville.example/marches-publics/avis')).toEqual([
      { feedId: 'ville', commitmentIds: ['E1', 'E2'], site: true },
    ]);
    expect(index.match('http://budget.ville.example/budget-2026')).toEqual([
      { feedId: 'ville', commitmentIds: ['E2'], site: false },
    ]);
    expect(index.match('https://www.ville.example/contact')).toEqual([
      { feedId: 'ville', commitmentIds: [], site: true },
    ]);
  });

  it('looks in every feed, in the order given, through any-host patterns too', () => {
    expect(index.match('https://www.ville.example/open-data/x')).toEqual([
      { feedId: 'ville', commitmentIds: [], site: true },
      { feedId: 'etat', commitmentIds: ['FR1'], site: false },
    ]);
    expect(index.match('https://data.gouv.example/open-data/')).toEqual([
      { feedId: 'etat', commitmentIds: ['FR1'], site: true },
    ]);
  });

  it('leaves out the patterns its caller does not keep, in matching and in the patterns it lists', () => {
    const region = feed(
      ['*://*.example/*', 'https://*.region.example/*'],
      [{ id: 'R1', pages: ['https://*/open-data/*', 'https://www.region.example/budget/*'] }],
    );
    const wide = new Set(['example']);
    const own = createPageIndex([{ feedId: 'region', feed: region }], {
      keep: (pattern) =>
        pattern.hostKind !== 'any' && !(pattern.hostKind === 'domain' && wide.has(pattern.host)),
    });
    expect(own.match('https://www.ville.example/open-data/x')).toEqual([]);
    expect(own.match('https://www.ville.example/')).toEqual([]);
    expect(own.match('https://www.region.example/budget/2027')).toEqual([
      { feedId: 'region', commitmentIds: ['R1'], site: true },
    ]);
    expect(own.patterns().sort()).toEqual([
      'https://*.region.example/*',
      'https://www.region.example/budget/*',
    ]);
  });

  it('finds nothing for other pages and other schemes', () => {
    expect(index.match('https://www.ailleurs.example/marches-publics/')).toEqual([]);
    expect(index.match('https://ville.example.evil.example/budget')).toEqual([]);
    expect(index.match('file:///www.ville.example/marches-publics/x')).toEqual([]);
    expect(index.match('garbage')).toEqual([]);
  });

  it('lists every pattern once, canonical, for registering content scripts', () => {
    const twice = createPageIndex([
      { feedId: 'a', feed: ville },
      { feedId: 'b', feed: ville },
    ]);
    expect(twice.patterns().sort()).toEqual([
      '*://*.ville.example/budget*',
      'https://www.ville.example/*',
      'https://www.ville.example/marches-publics/*',
      'https://www.ville.example/marches-publics/avis',
    ]);
  });

  it('finds the right feed among thousands', () => {
    const feeds = Array.from({ length: 5000 }, (_, i) => ({
      feedId: `f${i}`,
      feed: feed([`https://www.ville${i}.example/*`], [{ pages: [`*://*.ville${i}.example/x/*`] }]),
    }));
    const big = createPageIndex(feeds);
    expect(big.match('https://a.www.ville4321.example/x/1')).toEqual([
      { feedId: 'f4321', commitmentIds: ['C0'], site: false },
    ]);
    expect(big.match('https://www.ville17.example/x/1')).toEqual([
      { feedId: 'f17', commitmentIds: ['C0'], site: true },
    ]);
  });

  it('matches a feed with the most commitments, each naming pages of one domain', () => {
    const commitments = Array.from({ length: 50_000 }, (_, i) => ({
      pages: [
        `https://*.ville.example/a${i}/*`,
        `https://*.ville.example/b${i}/*`,
        `https://*.ville.example/c${i}/*`,
      ],
    }));
    const big = createPageIndex([{ feedId: 'ville', feed: feed([], commitments) }]);
    expect(big.match('https://www.ville.example/b49999/x')).toEqual([
      { feedId: 'ville', commitmentIds: ['C49999'], site: false },
    ]);
  });
});
