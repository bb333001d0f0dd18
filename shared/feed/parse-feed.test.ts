import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from './limits.ts';
import { formatPercent } from '../i18n/format.ts';
import { MAX_ISSUES, parseFeed } from './parse-feed.ts';
import type { Feed, FeedIssue, ParseResult } from './types.ts';

const fixtures = new URL('../../test/fixtures/feeds/', import.meta.url);
const everyField = readFileSync(new URL('valid/every-field.json', fixtures), 'utf8');

type Json = Record<string, unknown>;

/** A `javascript:` URL, built so that the linter's script-URL rule stays on for real code. */
const SCRIPT_URL = ['javascript', 'alert(1)'].join(':');

/** A small valid feed, as a fresh object each time so that a test can break it. */
function feed(commitment: Json = {}, top: Json = {}): Json {
  return {
    format: 'open-commitments/1',
    publisher: { name: 'Ville', kind: 'municipality' },
    updated: '2026-11-30T09:00:00Z',
    ...top,
    commitments: [{ id: 'E1', title: 'Un engagement', status: 'limited', ...commitment }],
  };
}

function ok(result: ParseResult): Feed {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.errors)}`);
  return result.feed;
}

function paths(issues: readonly FeedIssue[]): string[] {
  return issues.map((issue) => issue.path);
}

function errors(result: ParseResult): readonly FeedIssue[] {
  return result.ok ? [] : result.errors;
}

describe('parseFeed input', () => {
  it('reads JSON text, UTF-8 bytes, an ArrayBuffer and a parsed value alike', () => {
    const bytes = new TextEncoder().encode(everyField);
    const fromText = ok(parseFeed(everyField));
    expect(ok(parseFeed(bytes))).toEqual(fromText);
    expect(ok(parseFeed(bytes.buffer))).toEqual(fromText);
    expect(ok(parseFeed(JSON.parse(everyField)))).toEqual(fromText);
    expect(fromText.commitments.map((c) => c.id)).toEqual(['E1', 'E2', 'E3']);
  });

  it('skips a byte order mark', () => {
    expect(parseFeed(`\uFEFF${JSON.stringify(feed())}`).ok).toBe(true);
  });

  it('refuses unparseable JSON at $, saying it is not JSON', () => {
    const result = parseFeed('{"format": "open-commitments/1",');
    expect(errors(result)).toEqual([
      { path: '$', message: expect.stringMatching(/not valid JSON/), code: 'not-json' },
    ]);
  });

  it('refuses bytes that are not UTF-8', () => {
    const result = parseFeed(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]));
    expect(errors(result)[0]?.message).toMatch(/not valid UTF-8/);
  });

  it('refuses what is not an object', () => {
    for (const input of [null, 42, 'null', '[]', true, undefined]) {
      expect(paths(errors(parseFeed(input)))).toEqual(['$']);
    }
  });

  it('does not change a parsed value it is given', () => {
    const input = feed({ url: SCRIPT_URL }, { extra: 1 });
    const copy = structuredClone(input);
    parseFeed(input);
    expect(input).toEqual(copy);
  });
});

describe('parseFeed format', () => {
  it('refuses another major version, saying which versions it reads', () => {
    const result = parseFeed(feed({}, { format: 'open-commitments/2' }));
    expect(errors(result)).toEqual([
      {
        path: 'format',
        message: expect.stringMatching(/version 2 .*reads "open-commitments\/1"/),
        code: 'newer-version',
      },
    ]);
  });

  it('reads a minor version as 1 when tolerant, and reports it when strict', () => {
    const input = feed({}, { format: 'open-commitments/1.2' });
    const tolerant = parseFeed(input);
    expect(ok(tolerant).format).toBe('open-commitments/1');
    expect(tolerant.warnings).toEqual([
      {
        path: 'format',
        message:
          'minor version "open-commitments/1.2" read as "open-commitments/1"; fields it adds are ignored',
      },
    ]);
    expect(paths(errors(parseFeed(input, { mode: 'strict' })))).toEqual(['format']);
  });

  it('refuses a missing format', () => {
    const { format: _format, ...input } = feed();
    expect(errors(parseFeed(input))).toEqual([
      { path: 'format', message: 'missing; expected "open-commitments/1"' },
    ]);
  });
});

describe('parseFeed limits', () => {
  it('counts the size in bytes of UTF-8, not characters', () => {
    const text = JSON.stringify(feed({ summary: 'é'.repeat(100) }));
    const bytes = new TextEncoder().encode(text).length;
    expect(bytes).toBe(text.length + 100);
    expect(parseFeed(text, { maxBytes: bytes }).ok).toBe(true);
    const refused = parseFeed(text, { maxBytes: bytes - 1 });
    expect(errors(refused)).toEqual([
      {
        path: '$',
        message: `the feed is larger than the limit of ${bytes - 1} bytes`,
        code: 'too-large',
      },
    ]);
    expect(parseFeed(new TextEncoder().encode(text), { maxBytes: bytes - 1 }).ok).toBe(false);
  });

  it('defaults to 20 MiB', () => {
    expect(DEFAULT_LIMITS.maxBytes).toBe(20 * 1024 * 1024);
    const padding = ' '.repeat(DEFAULT_LIMITS.maxBytes);
    expect(paths(errors(parseFeed(`${JSON.stringify(feed())}${padding}`)))).toEqual(['$']);
  });

  it('refuses a text longer than 20,000 characters, even when tolerant', () => {
    expect(parseFeed(feed({ description: 'x'.repeat(20_000) })).ok).toBe(true);
    const result = parseFeed(feed({ description: { fr: 'x'.repeat(20_001) } }));
    expect(errors(result)).toEqual([
      {
        path: 'commitments[0].description.fr',
        message: 'text of 20001 characters exceeds the limit of 20000',
        code: 'too-large',
      },
    ]);
  });

  it('counts a character outside the Basic Multilingual Plane once, as the JSON Schema does', () => {
    // 20,000 emoji are 40,000 UTF-16 code units.
    expect(
      parseFeed(feed({ description: '\u{1F333}'.repeat(20_000) }), { mode: 'strict' }).ok,
    ).toBe(true);
    expect(errors(parseFeed(feed({ description: `${'\u{1F333}'.repeat(20_000)}é` })))).toEqual([
      {
        path: 'commitments[0].description',
        message: 'text of 20001 characters exceeds the limit of 20000',
        code: 'too-large',
      },
    ]);
  });

  it('refuses more than 50,000 commitments, even when tolerant', () => {
    const many = (n: number): Json => ({
      ...feed(),
      commitments: Array.from({ length: n }, (_, i) => ({
        id: `C${i}`,
        title: 't',
        status: 'unknown',
      })),
    });
    expect(ok(parseFeed(many(50_000))).commitments).toHaveLength(50_000);
    expect(errors(parseFeed(many(50_001)))).toEqual([
      {
        path: 'commitments',
        message: '50001 commitments exceed the limit of 50000',
        code: 'too-large',
      },
    ]);
  });

  it('refuses any other array of more than 50,000 items, even when tolerant', () => {
    const pages = (n: number): string[] => Array.from({ length: n }, () => 'https://a.example/*');
    expect(ok(parseFeed(feed({ pages: pages(50_000) }))).commitments[0]?.pages).toHaveLength(
      50_000,
    );
    expect(errors(parseFeed(feed({ pages: pages(50_001) })))).toEqual([
      {
        path: 'commitments[0].pages',
        message: '50001 items exceed the limit of 50000',
        code: 'too-large',
      },
    ]);
  });

  it.each([
    ['a URL', { url: `https://a.example/${'x'.repeat(20_000)}` }, 'commitments[0].url'],
    ['a theme', { themes: ['x'.repeat(20_001)] }, 'commitments[0].themes[0]'],
    ['a reference', { refs: { ogp: 'x'.repeat(20_001) } }, 'commitments[0].refs.ogp'],
  ])('refuses %s longer than 20,000 characters, as it does a text', (_name, commitment, path) => {
    expect(paths(errors(parseFeed(feed(commitment))))).toEqual([path]);
  });

  it('refuses a text nested deeper than 64 levels, even when tolerant, and says where', () => {
    // The feed object is level 1: `x` holds the other 63 (read and ignored), or 64.
    const text = (levels: number): string =>
      JSON.stringify(feed({}, { x: 0 })).replace(
        '"x":0',
        `"x":${'['.repeat(levels)}${']'.repeat(levels)}`,
      );
    for (const mode of ['tolerant', 'strict'] as const) {
      expect(ok(parseFeed(text(63), { mode })).commitments).toHaveLength(1);
      expect(errors(parseFeed(text(64), { mode }))).toEqual([
        {
          path: '$',
          message: `the feed is nested deeper than the limit of 64 levels, at position ${text(64).indexOf('[[') + 63}`,
          code: 'too-large',
        },
      ]);
    }
  });

  it('lists at most a thousand issues, and says so', () => {
    const junk = Array.from({ length: 3000 }, () => SCRIPT_URL);
    const result = parseFeed(feed({ pages: junk }), { mode: 'strict' });
    expect(errors(result)).toHaveLength(MAX_ISSUES + 1);
    expect(errors(result).at(-1)?.message).toMatch(/only the first 1000 are listed/);
  });
});

describe('parseFeed tolerant drops', () => {
  const cases: [string, Json, Json, (feed: Feed) => unknown, unknown][] = [
    ['a javascript: URL', { url: SCRIPT_URL }, {}, (f) => f.commitments[0]?.url, undefined],
    ['an impossible date', { due: '2023-02-30' }, {}, (f) => f.commitments[0]?.due, undefined],
    ['a progress over 100', { progress: 120 }, {}, (f) => f.commitments[0]?.progress, undefined],
    [
      'a milestone without title, and a bad weight',
      { milestones: [{ title: 'bon' }, { title: 'mauvais', weight: -1 }, { due: '2027-01-01' }] },
      {},
      (f) => f.commitments[0]?.milestones?.map((m) => [m.title, m.weight]),
      [
        ['bon', undefined],
        ['mauvais', undefined],
      ],
    ],
    [
      'a javascript: evidence URL',
      {
        updates: [{ date: '2026-01-01', evidence: [SCRIPT_URL, 'https://a.example/p.pdf'] }],
      },
      {},
      (f) => f.commitments[0]?.updates?.[0]?.evidence,
      ['https://a.example/p.pdf'],
    ],
    [
      'an answered interpellation without its answer',
      {
        interpellations: [
          { id: 'I1', date: '2026-01-01', question: '?', status: 'answered' },
          { id: 'I2', date: '2026-01-01', question: '?', status: 'open' },
        ],
      },
      {},
      (f) => f.commitments[0]?.interpellations?.map((i) => i.id),
      ['I2'],
    ],
    [
      'a language of a Text that is not a string',
      { title: { fr: 'Titre', en: 7 } },
      {},
      (f) => f.commitments[0]?.title,
      { fr: 'Titre' },
    ],
    [
      'a reference to __proto__',
      { refs: JSON.parse('{"ogp":"FR1","__proto__":"x"}') },
      {},
      (f) => f.commitments[0]?.refs,
      { ogp: 'FR1' },
    ],
    [
      'a page pattern for every URL',
      { pages: ['<all_urls>'] },
      {},
      (f) => f.commitments[0]?.pages,
      [],
    ],
    [
      'a channel with neither url nor email',
      {},
      { interpellation: { responseDays: 3 } },
      (f) => f.interpellation,
      undefined,
    ],
    [
      'an unknown publisher kind',
      {},
      { publisher: { name: 'X', kind: 'city' } },
      (f) => f.publisher.kind,
      'other',
    ],
    ['an unknown status', { status: 'en-cour' }, {}, (f) => f.commitments[0]?.status, 'unknown'],
    [
      'a plan with a bad URL',
      {},
      { plan: { id: 'p', url: 'data:,x' } },
      (f) => f.plan,
      { id: 'p' },
    ],
  ];

  it.each(cases)(
    'drops %s with a warning at its path',
    (_name, commitment, top, pick, expected) => {
      const result = parseFeed(feed(commitment, top));
      expect(pick(ok(result))).toEqual(expected);
      expect(result.warnings.length).toBeGreaterThan(0);
      expect(
        result.warnings.every((w) =>
          /^(commitments\[0\]|interpellation|publisher|plan)/.test(w.path),
        ),
      ).toBe(true);
      expect(parseFeed(feed(commitment, top), { mode: 'strict' }).ok).toBe(false);
    },
  );

  it('drops an invalid commitment and keeps the others', () => {
    const input = feed();
    input['commitments'] = [
      { id: 'A', title: 'a', status: 'limited' },
      { id: 'B b', title: 'b', status: 'limited' },
      { title: 'c', status: 'limited' },
      { id: 'A', title: 'again', status: 'complete' },
      'not a commitment',
      { id: 'D', title: 'd', status: 'complete' },
    ];
    const result = parseFeed(input);
    expect(ok(result).commitments.map((c) => [c.id, c.title])).toEqual([
      ['A', 'a'],
      ['D', 'd'],
    ]);
    expect(result.warnings).toEqual([
      {
        path: 'commitments[1].id',
        message: expect.stringMatching(/expected an identifier .*got "B b" \(ignored\)/),
      },
      { path: 'commitments[1]', message: 'a commitment dropped: id missing or invalid' },
      {
        path: 'commitments[2].id',
        message: expect.stringMatching(/^missing; expected an identifier/),
      },
      { path: 'commitments[2]', message: 'a commitment dropped: id missing or invalid' },
      {
        path: 'commitments[3].id',
        message: 'duplicate id "A", first used at commitments[0] (this one is dropped)',
      },
      {
        path: 'commitments[4]',
        message: 'expected a commitment (an object), got "not a commitment" (ignored)',
      },
    ]);
  });

  it("names the known statuses, the feed's own included, when one is unknown", () => {
    const input = feed(
      { status: 'en-cour' },
      { statuses: [{ key: 'en-cours', label: 'En cours', category: 'limited' }] },
    );
    expect(errors(parseFeed(input, { mode: 'strict' }))).toEqual([
      {
        path: 'commitments[0].status',
        message:
          'unknown status "en-cour"; known: not-started, limited, substantial, complete, withdrawn, unknown, en-cours',
      },
    ]);
  });

  it('names a few of many known statuses, so that each message stays short', () => {
    const statuses = Array.from({ length: 5000 }, (_, i) => ({
      key: `statut-${i}`,
      label: `Statut ${i}`,
      category: 'limited',
    }));
    const input = feed({ status: 'en-cour' }, { statuses });
    const [issue] = errors(parseFeed(input, { mode: 'strict' }));
    expect(issue?.path).toBe('commitments[0].status');
    expect(issue?.message).toMatch(
      /^unknown status "en-cour"; known: not-started, .* and 4986 more$/,
    );
    expect(issue?.message.length).toBeLessThan(500);
  });

  it('refuses the feed when the publisher is unusable', () => {
    const result = parseFeed(feed({}, { publisher: { kind: 'state' } }));
    expect(paths(errors(result))).toEqual(['publisher']);
    expect(paths(result.warnings)).toContain('publisher.name');
  });

  it('refuses the feed when commitments are missing, saying that an empty list will do', () => {
    const { commitments: _commitments, ...input } = feed();
    expect(errors(parseFeed(input))).toEqual([
      {
        path: 'commitments',
        message: 'missing; expected an array of commitments (it may be empty)',
      },
    ]);
    expect(ok(parseFeed({ ...input, commitments: [] })).commitments).toEqual([]);
  });

  it('refuses the feed when updated is unusable, since freshness cannot be told', () => {
    expect(paths(errors(parseFeed(feed({}, { updated: '30/11/2026' }))))).toEqual(['updated']);
  });
});

describe('parseFeed repeated identifiers', () => {
  const untitledThenRepeated = (): Json => ({
    ...feed(),
    commitments: [
      { id: 'A', status: 'limited' },
      { id: 'B', title: 'b', status: 'limited' },
      { id: 'A', title: 'a', status: 'complete' },
    ],
  });

  it('reports an id repeated after an invalid commitment in the same strict reading', () => {
    expect(errors(parseFeed(untitledThenRepeated(), { mode: 'strict' }))).toEqual([
      {
        path: 'commitments[0].title',
        message: expect.stringMatching(/^missing; expected a text/),
      },
      {
        path: 'commitments[2].id',
        message: 'duplicate id "A", first used at commitments[0]',
      },
    ]);
  });

  it('warns about both when tolerant, and shows neither', () => {
    const result = parseFeed(untitledThenRepeated());
    expect(ok(result).commitments.map((c) => c.id)).toEqual(['B']);
    expect(paths(result.warnings)).toEqual([
      'commitments[0].title',
      'commitments[0]',
      'commitments[2].id',
    ]);
    expect(result.warnings[2]?.message).toBe(
      'duplicate id "A", first used at commitments[0] (this one is dropped)',
    );
  });

  it('reports a repeat of an invalid item in statuses, milestones and interpellations too', () => {
    const asked = { date: '2026-01-01', question: '?', status: 'open' };
    const input = feed(
      {
        milestones: [
          { id: 'm1', title: 'a', weight: 0 },
          { id: 'm1', title: 'b' },
        ],
        interpellations: [
          { ...asked, id: 'i1', status: 'answered' },
          { ...asked, id: 'i1' },
        ],
      },
      {
        statuses: [
          { key: 'vote', label: 'Voté' },
          { key: 'vote', label: 'Voté', category: 'complete' },
        ],
      },
    );
    expect(paths(errors(parseFeed(input, { mode: 'strict' })))).toEqual([
      'statuses[0].category',
      'statuses[1].key',
      'commitments[0].milestones[0].weight',
      'commitments[0].milestones[1].id',
      'commitments[0].interpellations[0].answer',
      'commitments[0].interpellations[1].id',
    ]);
  });

  it('reports a repeated id when both commitments are invalid', () => {
    const input = {
      ...feed(),
      commitments: [
        { id: 'A', status: 'limited' },
        { id: 'A', status: 'limited' },
      ],
    };
    expect(paths(errors(parseFeed(input, { mode: 'strict' })))).toEqual([
      'commitments[0].title',
      'commitments[1].title',
      'commitments[1].id',
    ]);
  });
});

describe('parseFeed unknown fields', () => {
  const input = feed({ budget: 12 }, { generator: 'x' });

  it('warns about them when strict, and still accepts the feed', () => {
    const result = parseFeed(input, { mode: 'strict' });
    expect(result.ok).toBe(true);
    expect(paths(result.warnings)).toEqual(['generator', 'commitments[0].budget']);
    expect(result.warnings[0]?.message).toMatch(
      /unknown field of the feed, ignored; known: format, publisher/,
    );
  });

  it('ignores them silently when tolerant, and never copies them', () => {
    const result = parseFeed(input);
    expect(result.warnings).toEqual([]);
    expect(JSON.stringify(ok(result))).not.toMatch(/budget|generator/);
  });
});

describe('parseFeed paths', () => {
  it('quotes keys that are not plain names, and shortens long ones', () => {
    const long = 'k'.repeat(5000);
    const result = parseFeed(feed({ title: { 'fr CA': 'x', [long]: 'y', fr: 'z' } }), {
      mode: 'strict',
    });
    expect(paths(errors(result))).toEqual([
      'commitments[0].title["fr CA"]',
      `commitments[0].title["${'k'.repeat(60)}…"]`,
    ]);
  });
});

describe('parseFeed prototype safety', () => {
  const hostile = `{
    "__proto__": {"polluted": "top"},
    "constructor": {"prototype": {"polluted": "ctor"}},
    "format": "open-commitments/1",
    "publisher": {"__proto__": {"polluted": "pub"}, "name": {"fr": "V", "__proto__": "x", "constructor": "y", "prototype": "z"}, "kind": "state"},
    "updated": "2026-11-30T09:00:00Z",
    "commitments": [{"__proto__": {"status": "complete"}, "id": "E1", "title": "t", "status": "limited",
      "refs": {"__proto__": {"polluted": "refs"}, "prototype": "p", "constructor": "c", "ogp": "FR1"}}]
  }`;

  it('never turns a __proto__ key into a prototype nor copies it', () => {
    for (const mode of ['tolerant', 'strict'] as const) {
      const result = parseFeed(hostile, { mode });
      const objects = result.ok
        ? [
            result.feed,
            result.feed.publisher,
            result.feed.publisher.name,
            result.feed.commitments[0],
            result.feed.commitments[0]?.refs,
          ]
        : [];
      for (const object of objects) {
        expect(Object.getPrototypeOf(object)).toBe(Object.prototype);
        expect(Object.getOwnPropertyNames(object)).not.toContain('__proto__');
        expect(Object.getOwnPropertyNames(object)).not.toContain('constructor');
        expect(Object.getOwnPropertyNames(object)).not.toContain('prototype');
      }
      expect(({} as Json)['polluted']).toBeUndefined();
    }
    const feedOut = ok(parseFeed(hostile));
    expect(feedOut.publisher.name).toEqual({ fr: 'V' });
    expect(feedOut.commitments[0]?.refs).toEqual({ ogp: 'FR1' });
    expect(feedOut.commitments[0]?.status).toBe('limited');
  });

  it('reports such keys in Text and refs as errors when strict', () => {
    expect(paths(errors(parseFeed(hostile, { mode: 'strict' })))).toEqual([
      'publisher.name.__proto__',
      'publisher.name.constructor',
      'publisher.name.prototype',
      'commitments[0].refs.__proto__',
      'commitments[0].refs.prototype',
      'commitments[0].refs.constructor',
    ]);
  });
});

describe('parseFeed output', () => {
  it('writes fields in the order of the format, whatever the input order', () => {
    const input = {
      commitments: [{ status: 'limited', title: 't', id: 'E1' }],
      updated: '2026-11-30T09:00:00Z',
      publisher: { kind: 'state', name: 'n' },
      format: 'open-commitments/1',
    };
    const out = ok(parseFeed(input));
    expect(Object.keys(out)).toEqual(['format', 'publisher', 'updated', 'commitments']);
    expect(Object.keys(out.commitments[0] ?? {})).toEqual(['id', 'title', 'status']);
  });

  it('gives plain data that IndexedDB can store and JSON can write', () => {
    const out = ok(parseFeed(everyField));
    expect(structuredClone(out)).toEqual(out);
    expect(JSON.parse(JSON.stringify(out))).toEqual(out);
  });

  it('gives a feed that strict mode accepts, read again', () => {
    const out = ok(parseFeed(everyField));
    expect(parseFeed(out, { mode: 'strict' })).toEqual({ ok: true, feed: out, warnings: [] });
  });
});

describe('the format reference, docs/format.md', () => {
  const reference = readFileSync(new URL('../../docs/format.md', import.meta.url), 'utf8');

  it('shows example feeds that are valid', () => {
    const examples = [...reference.matchAll(/```json\n([^`]*)```/g)].map((m) => m[1] ?? '');
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) {
      expect(parseFeed(example, { mode: 'strict' })).toMatchObject({ ok: true, warnings: [] });
    }
  });

  it('quotes the messages the reader writes', () => {
    const quoted = /for example:\n\n```\n([^`]*)```/.exec(reference)?.[1] ?? '';
    const statuses = { statuses: [{ key: 'en-cours', label: 'En cours', category: 'limited' }] };
    const unknownStatus = feed({}, statuses);
    unknownStatus['commitments'] = ['A', 'B', 'C', 'D'].map((id) => ({
      id,
      title: id,
      status: id === 'D' ? 'en-cour' : 'limited',
    }));
    const written = [
      unknownStatus,
      feed({ url: SCRIPT_URL }),
      feed({}, { format: 'open-commitments/2' }),
    ].flatMap((input) => errors(parseFeed(input, { mode: 'strict' })));
    expect(quoted).toBe(written.map((issue) => `${issue.path}: ${issue.message}\n`).join(''));
  });
});

/** A seeded generator of numbers in [0, 1), so that a failure can be replayed. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYS = [
  'format',
  'publisher',
  'updated',
  'commitments',
  'plan',
  'statuses',
  'interpellation',
  'site',
  'languages',
  'id',
  'title',
  'status',
  'name',
  'kind',
  'url',
  'due',
  'done',
  'milestones',
  'updates',
  'evidence',
  'interpellations',
  'answer',
  'refs',
  'pages',
  'key',
  'label',
  'category',
  'progress',
  'weight',
  'email',
  'fr',
  'en',
  '__proto__',
  'constructor',
  'prototype',
  '',
];
const STRINGS = [
  'open-commitments/1',
  'open-commitments/2',
  'state',
  'limited',
  'answered',
  'E1',
  '2023-02-30',
  '2026-01-01',
  '2026-11-30T09:00:00Z',
  'https://a.example/',
  SCRIPT_URL,
  '*://*.a.example/*',
  '<all_urls>',
  '__proto__',
  '',
  'é',
  '\u0000',
  '\uD800',
  '{id}',
];

function randomValue(random: () => number, depth: number): unknown {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const roll = random();
  if (depth <= 0 || roll < 0.35) {
    return pick<unknown>([
      null,
      true,
      false,
      0,
      -1,
      1.5,
      101,
      1e308,
      -0,
      pick(STRINGS),
      pick(STRINGS),
    ]);
  }
  if (roll < 0.6)
    return Array.from({ length: Math.floor(random() * 5) }, () => randomValue(random, depth - 1));
  const object: Json = {};
  for (let i = Math.floor(random() * 6); i > 0; i -= 1) {
    Object.defineProperty(object, pick(KEYS), {
      value: randomValue(random, depth - 1),
      enumerable: true,
      configurable: true,
      writable: true,
    });
  }
  return object;
}

/** Replaces or deletes a random node of a JSON value. */
function mutate(value: unknown, random: () => number): unknown {
  if (typeof value !== 'object' || value === null) return randomValue(random, 3);
  const copy: Json | unknown[] = Array.isArray(value) ? [...value] : { ...(value as Json) };
  const keys = Object.keys(copy);
  const key = keys[Math.floor(random() * keys.length)];
  if (key === undefined) return randomValue(random, 3);
  const target = copy as Json;
  const roll = random();
  if (roll < 0.2) delete target[key];
  else if (roll < 0.5) target[key] = randomValue(random, 3);
  else target[key] = mutate(target[key], random);
  return copy;
}

describe('parseFeed never throws', () => {
  function check(input: unknown): ParseResult {
    let result: ParseResult | undefined;
    expect(() => {
      result = parseFeed(input);
      parseFeed(input, { mode: 'strict' });
    }).not.toThrow();
    if (result?.ok) {
      // Whatever a tolerant reader keeps is a valid feed.
      expect(errors(parseFeed(result.feed, { mode: 'strict' }))).toEqual([]);
    }
    return result as ParseResult;
  }

  it('on random JSON values', () => {
    const random = mulberry32(20261204);
    for (let i = 0; i < 2000; i += 1) {
      const value = randomValue(random, 6);
      check(value);
      check(JSON.stringify(value));
    }
  });

  it('on mutations of a valid feed, keeping it when only optional parts break', () => {
    const random = mulberry32(7);
    const base: unknown = JSON.parse(everyField);
    let kept = 0;
    for (let i = 0; i < 2000; i += 1) {
      let value = base;
      for (let n = 1 + Math.floor(random() * 4); n > 0; n -= 1) value = mutate(value, random);
      if (check(value).ok) kept += 1;
    }
    // Most mutations hit optional parts: a tolerant reader keeps the feed.
    expect(kept).toBeGreaterThan(500);
  });

  it('on truncated and corrupted JSON text', () => {
    const random = mulberry32(99);
    for (let i = 0; i < 500; i += 1) {
      const cut = everyField.slice(0, Math.floor(random() * everyField.length));
      const at = Math.floor(random() * everyField.length);
      const flipped = `${everyField.slice(0, at)}${String.fromCharCode(Math.floor(random() * 128))}${everyField.slice(at + 1)}`;
      check(cut);
      check(flipped);
      check(new TextEncoder().encode(flipped));
    }
  });

  it('on deep nesting and huge strings', () => {
    expect(check(`${'['.repeat(200_000)}${']'.repeat(200_000)}`).ok).toBe(false);
    expect(check(`{"format":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}`).ok).toBe(false);
    let deep: unknown = feed();
    for (let i = 0; i < 100_000; i += 1) deep = { commitments: [deep], title: deep };
    check(feed({ title: deep, refs: deep, milestones: [deep] }));
    expect(check(feed({ summary: 'x'.repeat(5_000_000) })).ok).toBe(false);
    check(`"${'x'.repeat(1_000_000)}"`);
  });

  it('on wrong types in every field', () => {
    const wrong: unknown[] = [null, 0, -5, NaN, Infinity, '', 'x', true, [], {}, [[]], { fr: 1 }];
    const base = JSON.parse(everyField) as Json;
    const commitment = (base['commitments'] as Json[])[0] ?? {};
    for (const value of wrong) {
      for (const key of Object.keys(base)) check({ ...base, [key]: value });
      for (const key of Object.keys(commitment))
        check({ ...base, commitments: [{ ...commitment, [key]: value }] });
    }
  });

  it('on values no JSON text can produce', () => {
    const throwing = Object.defineProperty({ ...feed() }, 'publisher', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    const cyclic = feed();
    (cyclic['commitments'] as Json[]).push(cyclic);
    const sparse = feed();
    sparse['commitments'] = new Array(10);
    const hostileProxy = new Proxy(feed(), {
      ownKeys() {
        throw new Error('no keys');
      },
    });
    for (const input of [
      throwing,
      proxy,
      cyclic,
      sparse,
      hostileProxy,
      Symbol('s'),
      10n,
      () => 1,
      new Date(),
      new Map(),
      new DataView(new ArrayBuffer(2)),
    ]) {
      check(input);
    }
    expect(errors(check(throwing))).toEqual([
      { path: '$', message: 'the feed could not be read: boom' },
    ]);
  });
});

describe('parseFeed numbers', () => {
  it('reads a number given as -0 as 0, so that it is never shown as "-0 %"', () => {
    const interpellation = { id: 'Q1', date: '2026-01-01', question: 'q', status: 'open' };
    const text = JSON.stringify(
      feed({
        progress: 0,
        updates: [{ date: '2026-01-01', progress: 0 }],
        interpellations: [{ ...interpellation, supporters: 0 }],
      }),
    );
    const read = ok(parseFeed(text.replace(/"(progress|supporters)":0/g, '"$1":-0')));
    const commitment = read.commitments[0];
    expect(Object.is(commitment?.progress, 0)).toBe(true);
    expect(Object.is(commitment?.updates?.[0]?.progress, 0)).toBe(true);
    expect(Object.is(commitment?.interpellations?.[0]?.supporters, 0)).toBe(true);
    expect(formatPercent(commitment?.progress ?? 1, 'en')).toBe('0%');
  });
});
