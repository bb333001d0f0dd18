/**
 * Invariants of the reader over generated feeds: it never throws, the sliced reading agrees with
 * the plain one, and what a tolerant reading keeps is itself a valid feed that reads the same
 * again.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFeed, parseFeedInSlices } from './parse-feed.ts';
import type { ParseResult } from './types.ts';

/** A `javascript:` URL, built so that the linter's script-URL rule stays on for real code. */
const SCRIPT_URL = ['javascript', 'alert(1)'].join(':');

const RUNS = { numRuns: 300, seed: 20261205 };

/** Values a field may hold in a hostile or careless feed: valid ones often, anything else too. */
const junk = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.double(),
  fc.integer({ min: -5, max: 150 }),
  fc.string({ maxLength: 8 }),
  fc.constantFrom('__proto__', 'constructor', SCRIPT_URL, '', ' '),
  fc.constant([]),
  fc.constant({}),
);

const dateArb = fc.oneof(
  fc.constantFrom('2024-02-29', '2023-02-29', '2026-12-31', '0000-01-01', '9999-12-31', '2026-1-1'),
  fc
    .date({ min: new Date('1990-01-01'), max: new Date('2040-01-01'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
);
const idArb = fc.oneof(
  fc.constantFrom('E1', 'E2', 'a.b_c-d', 'x'.repeat(64), 'x'.repeat(65), 'sp ace', '__proto__'),
  fc.stringMatching(/^[A-Za-z0-9._-]{1,6}$/),
);
const textArb = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 10 }) },
  fc.dictionary(
    fc.constantFrom('fr', 'en', 'en-GB', '__proto__', 'x y', 'constructor'),
    fc.oneof(fc.string({ maxLength: 5 }), junk),
    {
      maxKeys: 3,
    },
  ),
);
const urlArb = fc.oneof(
  fc.constantFrom(
    'https://www.exemple.fr/',
    'http://exemple.fr/a?b#c',
    SCRIPT_URL,
    'https://user@evil.example/',
    'https://exemple.fr/{id}',
    'HTTPS://EXEMPLE.FR',
    'https://exemple.fr:99999/',
    'https://xn--exmple-cua.fr/',
    'https://ex%41mple.fr/',
    'https://[::1]/',
  ),
  fc.webUrl(),
);
const patternArb = fc.oneof(
  fc.constantFrom(
    'https://www.exemple.fr/*',
    '*://*.exemple.fr/*',
    '<all_urls>',
    'https://*/*',
    'https://EXEMPLE.fr:8080/a*b',
    'https://exemple.fr',
    'https://exémple.fr/é/*',
    'https://exemple.fr./*',
  ),
  fc.string({ maxLength: 12 }),
);
/** Progress values, the edges and JSON's `-0` (a number of its own once parsed) among them. */
const percentArb = fc.oneof(fc.constantFrom(-0, 0, 100, 100.5), fc.double({ min: -10, max: 110 }));
const statusArb = fc.constantFrom(
  'limited',
  'complete',
  'withdrawn',
  'unknown',
  'voted',
  'nope',
  '__proto__',
);

/** A record whose every field is either absent, a plausible value or junk. */
function maybe(
  fields: Record<string, fc.Arbitrary<unknown>>,
  requiredKeys: string[] = [],
): fc.Arbitrary<Record<string, unknown>> {
  const entries = Object.fromEntries(
    Object.entries(fields).map(([key, arb]) => [
      key,
      fc.oneof({ weight: 9, arbitrary: arb }, { weight: 1, arbitrary: junk }),
    ]),
  );
  return fc.record(entries, { requiredKeys });
}

const milestoneArb = maybe({
  id: idArb,
  title: textArb,
  due: dateArb,
  done: dateArb,
  weight: fc.double({ min: -1, max: 1e308 }),
});
const interpellationArb = maybe(
  {
    id: idArb,
    date: dateArb,
    question: textArb,
    supporters: fc.integer({ min: -1, max: 1000 }),
    status: fc.constantFrom('open', 'answered', 'declined', 'inadmissible', 'other'),
    answer: maybe({ date: dateArb, text: textArb, url: urlArb, by: textArb }, ['date', 'text']),
  },
  ['id', 'date', 'question', 'status'],
);
const updateArb = maybe({
  date: dateArb,
  status: statusArb,
  progress: percentArb,
  note: textArb,
  evidence: fc.array(urlArb, { maxLength: 2 }),
});
const commitmentArb = maybe(
  {
    id: idArb,
    title: textArb,
    summary: textArb,
    themes: fc.array(fc.oneof(fc.string({ maxLength: 4 }), junk), { maxLength: 2 }),
    partners: fc.array(textArb, { maxLength: 2 }),
    status: statusArb,
    progress: percentArb,
    start: dateArb,
    due: dateArb,
    url: urlArb,
    pages: fc.array(patternArb, { maxLength: 3 }),
    refs: fc.dictionary(
      fc.constantFrom('ogp', 'decidim', '__proto__', 'a b', 'x'),
      fc.oneof(fc.string({ maxLength: 4 }), urlArb, junk),
      { maxKeys: 3 },
    ),
    milestones: fc.array(milestoneArb, { maxLength: 3 }),
    updates: fc.array(updateArb, { maxLength: 2 }),
    interpellations: fc.array(interpellationArb, { maxLength: 2 }),
    extra: junk,
  },
  ['id', 'title'],
);
const feedArb = fc
  .tuple(
    fc.record(
      {
        publisher: maybe(
          {
            name: textArb,
            kind: fc.constantFrom('municipality', 'state', 'moon'),
            url: urlArb,
            logo: urlArb,
            id: fc.string({ maxLength: 4 }),
          },
          ['name'],
        ),
        plan: maybe({
          id: idArb,
          title: textArb,
          period: maybe({ start: dateArb, end: dateArb }),
          url: urlArb,
        }),
        updated: fc.constantFrom(
          '2026-11-30T09:00:00Z',
          '2026-11-30T23:59:60Z',
          '2026-11-30T23:59:60+01:00',
          '2026-02-30T00:00:00Z',
          '2026-11-30',
        ),
        languages: fc.array(fc.constantFrom('fr', 'en', 'en-GB', 'x', ''), { maxLength: 3 }),
        site: fc.array(patternArb, { maxLength: 3 }),
        statuses: fc.array(
          maybe(
            {
              key: fc.constantFrom('voted', 'limited', 'x y', 'voted'),
              label: textArb,
              category: statusArb,
              progress: fc.double({ min: -1, max: 101 }),
            },
            ['key', 'label', 'category'],
          ),
          { maxLength: 3 },
        ),
        interpellation: maybe({
          url: urlArb,
          email: fc.constantFrom('mairie@exemple.fr', 'a?b@c.fr', 'x'),
          responseDays: fc.integer({ min: -1, max: 100 }),
          threshold: fc.nat(),
          rules: urlArb,
        }),
        $schema: fc.string({ maxLength: 4 }),
        other: junk,
      },
      { requiredKeys: [] },
    ),
    fc.array(commitmentArb, { maxLength: 5 }),
    fc.oneof(
      { weight: 8, arbitrary: fc.constant('open-commitments/1') },
      fc.constantFrom(
        'open-commitments/1.3',
        'open-commitments/2',
        'open-commitments/01',
        undefined,
      ),
    ),
  )
  .map(([top, commitments, format]) => ({
    ...(format === undefined ? {} : { format }),
    publisher: { name: 'P', kind: 'other' },
    updated: '2026-01-01T00:00:00Z',
    ...top,
    commitments,
  }));

function plain(result: ParseResult): ParseResult {
  return JSON.parse(JSON.stringify(result)) as ParseResult;
}

describe('parseFeed over generated feeds', () => {
  it('never throws, and reads text, bytes and a parsed value alike', () => {
    fc.assert(
      fc.property(
        feedArb,
        fc.constantFrom('tolerant', 'strict') as fc.Arbitrary<'tolerant' | 'strict'>,
        (feed, mode) => {
          const text = JSON.stringify(feed);
          parseFeed(feed, { mode });
          const fromValue = parseFeed(JSON.parse(text), { mode });
          expect(parseFeed(text, { mode })).toEqual(fromValue);
          expect(parseFeed(new TextEncoder().encode(text), { mode })).toEqual(fromValue);
        },
      ),
      RUNS,
    );
  });

  it('keeps, when tolerant, a feed that a strict reading accepts without error', () => {
    fc.assert(
      fc.property(feedArb, (feed) => {
        const tolerant = parseFeed(feed);
        if (!tolerant.ok) return;
        const strict = parseFeed(tolerant.feed, { mode: 'strict' });
        expect(strict.ok ? [] : strict.errors).toEqual([]);
        expect(strict.ok && strict.warnings).toEqual([]);
      }),
      RUNS,
    );
  });

  it('ignores unknown fields anywhere: a strict reading warns of them, both keep the same feed', () => {
    fc.assert(
      fc.property(feedArb, fc.infiniteStream(fc.boolean()), junk, (feed, choices, extra) => {
        const first = parseFeed(feed);
        if (!first.ok) return;
        const it = choices[Symbol.iterator]();
        let added = 0;
        const widen = (value: unknown): unknown => {
          if (Array.isArray(value)) return value.map(widen);
          if (typeof value !== 'object' || value === null) return value;
          const entries = Object.entries(value).map(([k, v]) => [k, widen(v)]);
          // Text objects take language tags as keys: a new one is a language, not a field.
          const isText = entries.every(([, v]) => typeof v === 'string') && !('id' in value);
          if (isText || it.next().value !== true) return Object.fromEntries(entries);
          added += 1;
          return { ...Object.fromEntries(entries), 'x-extra': extra };
        };
        const wider = widen(first.feed);
        const strict = parseFeed(wider, { mode: 'strict' });
        expect(strict.ok && strict.feed).toEqual(first.feed);
        expect(strict.warnings.length).toBe(added);
        expect(parseFeed(wider)).toEqual({ ok: true, feed: first.feed, warnings: [] });
      }),
      RUNS,
    );
  });

  it('reads its own output again as the same feed, also after a JSON round trip', () => {
    fc.assert(
      fc.property(feedArb, (feed) => {
        const first = parseFeed(feed);
        if (!first.ok) return;
        const again = parseFeed(first.feed);
        expect(again).toEqual({ ok: true, feed: first.feed, warnings: [] });
        expect(parseFeed(JSON.stringify(first.feed))).toEqual(again);
        expect(plain(first)).toEqual(first);
      }),
      RUNS,
    );
  });

  it('gives in slices exactly what it gives at once', async () => {
    await fc.assert(
      fc.asyncProperty(
        feedArb,
        fc.constantFrom('tolerant', 'strict') as fc.Arbitrary<'tolerant' | 'strict'>,
        async (feed, mode) => {
          let t = 0;
          const slicing = { yieldToMain: () => Promise.resolve(), now: () => (t += 5) };
          const text = JSON.stringify(feed);
          expect(await parseFeedInSlices(text, { mode }, slicing)).toEqual(
            parseFeed(text, { mode }),
          );
          expect(await parseFeedInSlices(feed, { mode }, slicing)).toEqual(
            parseFeed(feed, { mode }),
          );
        },
      ),
      { ...RUNS, numRuns: 100 },
    );
  });

  it('never throws on any JSON value, string or bytes', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.jsonValue(), fc.string(), fc.uint8Array(), fc.anything()),
        (input) => {
          const result = parseFeed(input);
          expect(result.ok).toBe(false);
        },
      ),
      RUNS,
    );
  });
});

/** The keys of a JSON path as issues write it (`$`, `a.b[3]["x y"]`); null when malformed. */
function pathKeys(path: string): (string | number)[] | null {
  if (path === '$') return [];
  // The one top-level key that is not a simple name, written as is.
  if (path === '$schema') return ['$schema'];
  const keys: (string | number)[] = [];
  const token = /^(?:\$?\[(\d+)\]|\$?\[("(?:[^"\\]|\\.)*")\]|\.?([A-Za-z_][A-Za-z0-9_-]*))/;
  let rest = path;
  let first = true;
  while (rest !== '') {
    const m = token.exec(rest);
    if (m === null || (first && rest.startsWith('.')) || (!first && rest.startsWith('$')))
      return null;
    if (!first && m[3] !== undefined && !rest.startsWith('.')) return null;
    keys.push(
      m[1] !== undefined
        ? Number(m[1])
        : m[2] !== undefined
          ? (JSON.parse(m[2]) as string)
          : (m[3] as string),
    );
    rest = rest.slice(m[0].length);
    first = false;
  }
  return keys;
}

/** Whether `key` names an own member of `value` (a key cut short with `…` names one it begins). */
function member(value: unknown, key: string | number): { found: boolean; value?: unknown } {
  if (typeof value !== 'object' || value === null) return { found: false };
  const record = value as Record<string, unknown>;
  if (typeof key === 'number') {
    return Array.isArray(value) && key < value.length
      ? { found: true, value: record[key] }
      : { found: false };
  }
  if (Array.isArray(value)) return { found: false };
  if (Object.hasOwn(record, key)) return { found: true, value: record[key] };
  const cut = key.endsWith('…')
    ? Object.keys(record).find((k) => k.length > 64 && k.startsWith(key.slice(0, -1)))
    : undefined;
  return cut === undefined ? { found: false } : { found: true, value: record[cut] };
}

describe('issues of a reading', () => {
  it('name a place in the input, or a missing key of a place in it', () => {
    fc.assert(
      fc.property(
        feedArb,
        fc.constantFrom('tolerant', 'strict') as fc.Arbitrary<'tolerant' | 'strict'>,
        (feed, mode) => {
          const input = JSON.parse(JSON.stringify(feed)) as unknown;
          const result = parseFeed(input, { mode });
          const issues = [...result.warnings, ...(result.ok ? [] : result.errors)];
          for (const issue of issues) {
            const keys = pathKeys(issue.path);
            expect(keys, issue.path).not.toBeNull();
            let value = input;
            for (const [i, key] of (keys ?? []).entries()) {
              const next = member(value, key);
              if (!next.found) {
                expect(
                  i === (keys ?? []).length - 1 && issue.message.startsWith('missing'),
                  `${issue.path}: ${issue.message}`,
                ).toBe(true);
                break;
              }
              value = next.value;
            }
          }
        },
      ),
      RUNS,
    );
  });
});

describe('parseFeed on hostile values', () => {
  const throwing = (): never => {
    throw new Error('boom');
  };
  const hostile = fc.constantFrom<() => unknown>(
    () => ({
      get format() {
        return throwing();
      },
    }),
    () => ({
      format: 'open-commitments/1',
      publisher: { name: 'P', kind: 'other' },
      updated: '2026-01-01T00:00:00Z',
      get commitments() {
        return throwing();
      },
    }),
    () => new Proxy({}, { ownKeys: throwing }),
    () => new Proxy({}, { getPrototypeOf: throwing }),
    () => {
      const { proxy, revoke } = Proxy.revocable({}, {});
      revoke();
      return proxy;
    },
    () => ({
      format: 'open-commitments/1',
      publisher: { name: 'P', kind: 'other' },
      updated: '2026-01-01T00:00:00Z',
      commitments: [
        {
          id: 'a',
          get title() {
            throw Object.create(null);
          },
        },
      ],
    }),
    () => ({
      format: 'open-commitments/1',
      publisher: { name: 'P', kind: 'other' },
      updated: '2026-01-01T00:00:00Z',
      commitments: new Proxy([], { get: (t, k) => (k === 'length' ? 1 : throwing()) }),
    }),
    () => ({
      format: 'open-commitments/1',
      publisher: { name: 'P', kind: 'other' },
      updated: '2026-01-01T00:00:00Z',
      commitments: [{ id: 'a', title: 't', status: { toString: throwing } }],
    }),
  );

  it('refuses them with an error instead of throwing, at once and in slices', async () => {
    await fc.assert(
      fc.asyncProperty(
        hostile,
        fc.constantFrom('tolerant', 'strict') as fc.Arbitrary<'tolerant' | 'strict'>,
        async (make, mode) => {
          const result = parseFeed(make(), { mode });
          const sliced = await parseFeedInSlices(
            make(),
            { mode },
            { yieldToMain: () => Promise.resolve() },
          );
          expect(sliced).toEqual(result);
        },
      ),
      { ...RUNS, numRuns: 40 },
    );
  });
});
