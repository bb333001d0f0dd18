import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFeed, parseFeedInSlices } from './parse-feed.ts';
import { STEPPED_ABOVE } from './parse-json-in-steps.ts';
import type { ParseMode } from './types.ts';

const root = new URL('../../', import.meta.url);

function jsonFiles(folder: string): [string, string][] {
  const url = new URL(folder, root);
  return readdirSync(url)
    .filter((name) => name.endsWith('.json'))
    .map((name) => [`${folder}${name}`, readFileSync(new URL(name, url), 'utf8')]);
}

const documents = [
  ...jsonFiles('test/fixtures/feeds/valid/'),
  ...jsonFiles('test/fixtures/feeds/invalid/'),
  ...jsonFiles('test/fixtures/feeds/parser-only/'),
  ...jsonFiles('shared/feeds/'),
];

/** A clock that moves 5 ms per reading, so that every slice of 8 ms holds one or two steps. */
function fakeClock(): () => number {
  let t = 0;
  return () => (t += 5);
}

describe('parseFeedInSlices', () => {
  it('finds documents to compare', () => {
    expect(documents.length).toBeGreaterThan(30);
  });

  for (const mode of ['tolerant', 'strict'] as ParseMode[]) {
    it(`gives what parseFeed gives on every fixture and bundled feed (${mode})`, async () => {
      for (const [name, text] of documents) {
        const sliced = await parseFeedInSlices(
          text,
          { mode },
          { yieldToMain: () => Promise.resolve(), now: fakeClock() },
        );
        expect(sliced, name).toEqual(parseFeed(text, { mode }));
      }
    });
  }

  it('refuses a feed nested millions of levels deep, as parseFeed does', async () => {
    // 19 MB, within the size limit: one JSON.parse of it would hold the thread for seconds.
    const levels = 9_500_000;
    const text = `{"format":"open-commitments/1","x":${'['.repeat(levels)}${']'.repeat(levels)},"commitments":[]}`;
    const refused = {
      ok: false,
      errors: [
        {
          path: '$',
          message: `the feed is nested deeper than the limit of 64 levels, at position ${text.indexOf('[') + 63}`,
          code: 'too-large',
        },
      ],
      warnings: [],
    };
    for (const mode of ['tolerant', 'strict'] as ParseMode[]) {
      const slicing = { yieldToMain: () => Promise.resolve(), now: fakeClock() };
      expect(await parseFeedInSlices(text, { mode }, slicing)).toEqual(refused);
      expect(parseFeed(text, { mode })).toEqual(refused);
    }
  });

  it('reads every bundled feed, with no error', () => {
    for (const [name, text] of jsonFiles('shared/feeds/')) {
      expect(parseFeed(text, { mode: 'strict' }), name).toMatchObject({ ok: true });
    }
  });

  it('gives the thread back between slices of a long feed', async () => {
    const text = readFileSync(new URL('shared/feeds/fr-2021-2023.json', root), 'utf8');
    let yields = 0;
    const result = await parseFeedInSlices(
      text,
      {},
      {
        yieldToMain: async () => {
          yields += 1;
        },
        now: fakeClock(),
      },
    );
    expect(result.ok).toBe(true);
    const count = result.ok ? result.feed.commitments.length : 0;
    expect(count).toBeGreaterThan(10);
    expect(yields).toBeGreaterThan(count / 3);
  });

  it('gives the thread back around JSON.parse of a text, and nowhere else in one short slice', async () => {
    const count = async (input: unknown): Promise<number> => {
      let yields = 0;
      await parseFeedInSlices(
        input,
        {},
        {
          yieldToMain: async () => {
            yields += 1;
          },
          now: () => 0,
        },
      );
      return yields;
    };
    const text = documents[0]?.[1] ?? '';
    expect(await count(text)).toBe(2);
    expect(await count(JSON.parse(text))).toBe(0);
  });

  it('parses a large JSON text in slices too, to the same result as parseFeed', async () => {
    const small = JSON.parse(
      readFileSync(new URL('shared/feeds/valfleurie.json', root), 'utf8'),
    ) as { commitments: { id: string }[] };
    // Enough copies of the demo's commitments to pass the size parsed in one call.
    const commitments = Array.from({ length: 600 }, (_, i) =>
      small.commitments.map((c) => ({ ...c, id: `${c.id}-${i}` })),
    ).flat();
    const text = JSON.stringify({ ...small, commitments });
    expect(text.length).toBeGreaterThan(STEPPED_ABOVE);
    // The validation of the commitments alone would yield about 6,000 times with this clock;
    // the parsing of the JSON in steps adds a yield per step of it.
    let yields = 0;
    const sliced = await parseFeedInSlices(
      text,
      {},
      {
        yieldToMain: async () => {
          yields += 1;
        },
        now: fakeClock(),
        sliceMs: 4,
      },
    );
    const whole = parseFeed(text);
    expect(whole.ok).toBe(true);
    expect(sliced).toEqual(whole);
    expect(yields).toBeGreaterThan(2 * commitments.length);
  });

  it('refuses a hostile value instead of rejecting, as parseFeed does', async () => {
    const hostile = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('no keys');
        },
      },
    );
    const sliced = await parseFeedInSlices(hostile, {}, { yieldToMain: () => Promise.resolve() });
    expect(sliced).toEqual(parseFeed(hostile));
    expect(sliced.ok).toBe(false);
  });

  it('applies the byte limit like parseFeed', async () => {
    const text = documents[0]?.[1] ?? '';
    const options = { maxBytes: 10 };
    const sliced = await parseFeedInSlices(text, options, {
      yieldToMain: () => Promise.resolve(),
    });
    expect(sliced.ok).toBe(false);
    expect(sliced).toEqual(parseFeed(text, options));
  });
});
