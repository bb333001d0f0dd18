import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../feed/parse-feed.ts';
import type { Feed } from '../feed/types.ts';
import {
  BUNDLED_SOURCES,
  FEEDS_DIR,
  OGP_DATA_DIR,
  buildBundledFeeds,
  buildOgpFeed,
  dayOf,
  type OgpRecord,
} from './build-bundled-feeds.ts';

const ALL_BUNDLED = [...BUNDLED_SOURCES.map((source) => source.file), 'valfleurie.json'];

async function readBundled(file: string): Promise<string> {
  return readFile(path.join(FEEDS_DIR, file), 'utf8');
}

function record(overrides: Partial<OgpRecord>): OgpRecord {
  return {
    id: 'FR0099',
    title_fr: null,
    title_en: 'A commitment',
    lead: 'A ministry',
    themes: ['Open Data'],
    start: null,
    end: null,
    completion: null,
    early_results: null,
    source: 'https://www.opengovpartnership.org/members/france/commitments/FR0099/',
    action_plan: 'France Action Plan 2018-2020',
    ...overrides,
  };
}

describe('bundled feeds', () => {
  it('are what the generator makes from ../shared/data/ogp', async (ctx) => {
    if (!existsSync(OGP_DATA_DIR)) {
      ctx.skip(
        `${OGP_DATA_DIR} is absent: the committed feeds cannot be compared with their source`,
      );
    }
    const built = await buildBundledFeeds();
    for (const [file, text] of built) {
      expect(await readBundled(file), `shared/feeds/${file} is stale: rerun the generator`).toBe(
        text,
      );
    }
  });

  it.each(ALL_BUNDLED)('%s is valid in strict mode', async (file) => {
    const result = parseFeed(await readBundled(file), { mode: 'strict' });
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('keep the data set counts: 18 + 19 national commitments, 8 for Paris', async () => {
    const counts = await Promise.all(
      BUNDLED_SOURCES.map(
        async (source) => (JSON.parse(await readBundled(source.file)) as Feed).commitments.length,
      ),
    );
    expect(counts).toEqual([18, 19, 8]);
  });

  it('claim no completion the data lacks: every real commitment is unknown', async () => {
    for (const source of BUNDLED_SOURCES) {
      const feed = JSON.parse(await readBundled(source.file)) as Feed;
      expect(new Set(feed.commitments.map((commitment) => commitment.status))).toEqual(
        new Set(['unknown']),
      );
    }
  });
});

describe('buildOgpFeed', () => {
  it('keeps IRM early results out of the status', () => {
    const feed = buildOgpFeed([record({ early_results: 'Marginal' })], 'france') as Feed;
    expect(feed.commitments[0]?.status).toBe('unknown');
    expect(feed.commitments[0]?.refs?.irmEarlyResults).toBe('Marginal');
  });

  it('maps an IRM completion level when the data has one', () => {
    const feed = buildOgpFeed([record({ completion: 'Substantial' })], 'france') as Feed;
    expect(feed.commitments[0]?.status).toBe('substantial');
  });

  it('refuses a completion level it does not know rather than guessing', () => {
    expect(() => buildOgpFeed([record({ completion: 'Mostly' })], 'france')).toThrow(/Mostly/);
  });

  it('gives commitment 47 of 2021-2023 a stable id and no OGP reference', () => {
    const feed = buildOgpFeed(
      [
        record({
          id: null,
          title_en: 'Cultivating the emergence of citizen-led public interest initiatives',
          action_plan: 'France Action Plan 2021-2023',
          source: 'https://opengovpartnership.org/documents/france-results-report-2021-2023',
        }),
      ],
      'france',
    ) as Feed;
    const commitment = feed.commitments[0];
    expect(commitment?.id).toBe('FR-2021-47');
    expect(commitment?.refs?.ogp).toBeUndefined();
    expect(commitment?.url).toBeUndefined();
    expect(commitment?.pages).toBeUndefined();
  });

  it('links the commitment page only when the source is that page', () => {
    const feed = buildOgpFeed(
      [record({ source: 'https://www.opengovpartnership.org/members/France/' })],
      'france',
    ) as Feed;
    expect(feed.commitments[0]?.url).toBeUndefined();
    expect(feed.commitments[0]?.refs?.source).toBe(
      'https://www.opengovpartnership.org/members/France/',
    );
  });

  it('matches the commitment page in both id casings', () => {
    const feed = buildOgpFeed([record({})], 'france') as Feed;
    expect(feed.commitments[0]?.pages).toEqual([
      '*://*.opengovpartnership.org/*members/france/commitments/FR0099*',
      '*://*.opengovpartnership.org/*members/france/commitments/fr0099*',
    ]);
  });
});

describe('dayOf', () => {
  it('widens a month to its first day for a start and its last day for an end', () => {
    expect(dayOf('2026-12', 'start')).toBe('2026-12-01');
    expect(dayOf('2026-12', 'end')).toBe('2026-12-31');
    expect(dayOf('2024-02', 'end')).toBe('2024-02-29');
    expect(dayOf('2018-01-01', 'end')).toBe('2018-01-01');
    expect(dayOf(null, 'end')).toBeUndefined();
  });
});
