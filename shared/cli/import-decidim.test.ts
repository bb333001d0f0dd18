import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFeed } from '../feed/parse-feed.ts';
import type { Feed } from '../feed/types.ts';
import { categoryFromProgress } from './decidim.ts';
import { DECIDIM_DIR, HAVE_DECIDIM, ROOT, runCli, tempDir } from './test-support.ts';

const UPDATED = ['--updated', '2026-12-04T00:00:00Z'];
const NESTED = path.join(ROOT, 'test/fixtures/csv/decidim-results.json');

function importDecidim(file: string, extra: string[] = [], cwd = ROOT) {
  return runCli(['import', 'decidim', file, ...UPDATED, ...extra], { cwd });
}

function strictlyValid(feed: Feed): void {
  const result = parseFeed(feed, { mode: 'strict' });
  expect(result.ok ? [] : result.errors).toEqual([]);
}

describe('import decidim: a JSON export with nested results and HTML', () => {
  let dir: string;
  let remove: () => Promise<void>;
  beforeAll(async () => ({ dir, remove } = await tempDir()));
  afterAll(async () => remove());

  it('makes top-level results commitments and every descendant a milestone', async () => {
    const ran = await importDecidim(NESTED, ['--publisher-name', 'Valfleurie', '--lang', 'fr']);
    expect(ran.code, ran.stderr).toBe(0);
    const feed = JSON.parse(ran.stdout) as Feed;
    strictlyValid(feed);
    expect(feed.commitments.map((c) => c.id)).toEqual(['41', '50']);
    expect(feed.commitments[0]?.milestones?.map((m) => [m.id, m.due, m.done])).toEqual([
      ['42', '2026-04-30', '2026-04-30'],
      ['43', '2026-12-15', undefined],
      ['44', '2026-11-30', undefined],
    ]);
    expect(feed.commitments[0]?.refs?.decidim).toBe(
      'https://participer.valfleurie.example/processes/commune-ouverte/f/12/results/41',
    );
    expect(feed.languages).toEqual(['fr', 'en']);
    expect(feed.commitments[0]?.themes).toEqual(['Transparence']);
  });

  it('keeps with --base what Decidim does not export: site, channel, updates, interpellations', async () => {
    const first = await importDecidim(NESTED, ['--publisher-name', 'Valfleurie', '--lang', 'fr']);
    expect(first.stderr).toContain(
      'note: the export holds no site and no interpellation channel: write them once in the feed (init shows how) and import with --base FEED to keep them\n',
    );
    const edited = JSON.parse(first.stdout) as Feed;
    const [kept, left] = edited.commitments;
    const feed: Feed = {
      ...edited,
      site: ['https://www.valfleurie.example/*'],
      interpellation: {
        url: 'https://www.valfleurie.example/interpeller?e={id}',
        responseDays: 30,
      },
      statuses: [...(edited.statuses ?? []), { key: 'vote', label: 'Voté', category: 'limited' }],
      commitments: [
        {
          ...kept!,
          updates: [{ date: '2026-11-20', status: 'vote', note: 'Voté en conseil' }],
          interpellations: [{ id: 'I-1', date: '2026-11-01', question: 'Quand ?', status: 'open' }],
        },
        left!,
      ],
    };
    await writeFile(path.join(dir, 'decidim-base.json'), JSON.stringify(feed));
    const again = await importDecidim(NESTED, ['--lang', 'fr', '--base', 'decidim-base.json'], dir);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).not.toContain('publisher name set to');
    expect(again.stderr).not.toContain('holds no site');
    expect(again.stderr).toContain(
      'note: kept from decidim-base.json: the updates of 1 commitment (the export has none)\n',
    );
    const next = JSON.parse(again.stdout) as Feed;
    strictlyValid(next);
    expect(next).toEqual(feed);
  });

  it('lists the language of --lang first over the languages of --base', async () => {
    const first = await importDecidim(NESTED, ['--publisher-name', 'Valfleurie', '--lang', 'fr']);
    await writeFile(path.join(dir, 'decidim-fr-first.json'), first.stdout);
    const again = await importDecidim(
      NESTED,
      ['--lang', 'en', '--base', 'decidim-fr-first.json'],
      dir,
    );
    expect(again.code, again.stderr).toBe(0);
    expect((JSON.parse(again.stdout) as Feed).languages).toEqual(['en', 'fr']);
  });

  it('says when --lang names a language the export has no text in, keeping its order', async () => {
    const ran = await importDecidim(NESTED, ['--publisher-name', 'Valfleurie', '--lang', 'ca']);
    expect(ran.code, ran.stderr).toBe(0);
    expect((JSON.parse(ran.stdout) as Feed).languages).toEqual(['fr', 'en']);
    expect(ran.stderr).toContain(
      'note: --lang ca: the export has no text in it, only in these languages: fr, en; the feed lists them in that order\n',
    );
    const found = await importDecidim(NESTED, ['--publisher-name', 'Valfleurie', '--lang', 'en']);
    expect(found.stderr).not.toContain('--lang');
  });

  it("turns HTML descriptions into plain text, dropping scripts, styles and attributes but a link's address", async () => {
    const feed = JSON.parse((await importDecidim(NESTED)).stdout) as Feed;
    expect(feed.commitments[0]?.description).toEqual({
      fr: 'Chaque marché publié dès 1 € HT.\n\nVoir le détail (https://participer.valfleurie.example/)\net les avenants.',
      en: 'Every contract published from €1.\n\n- awards\n- amendments & changes',
    });
    expect(JSON.stringify(feed)).not.toMatch(/alert|steal|color: red|<\w/);
  });

  it('guesses each status category from progress and says so', async () => {
    const ran = await importDecidim(NESTED);
    const feed = JSON.parse(ran.stdout) as Feed;
    expect(feed.statuses).toEqual([
      { key: 'in_progress', label: { fr: 'En cours', en: 'In progress' }, category: 'limited' },
      { key: 'done', label: { fr: 'Terminé', en: 'Done' }, category: 'complete' },
    ]);
    expect(ran.stderr).toContain('status in_progress ("En cours") mapped to limited');
  });

  it('lets --statuses override the guess', async () => {
    await writeFile(
      path.join(dir, 'map.json'),
      JSON.stringify({ in_progress: { category: 'substantial', progress: 60 } }),
    );
    const ran = await importDecidim(NESTED, ['--statuses', path.join(dir, 'map.json')]);
    expect(ran.code, ran.stderr).toBe(0);
    const feed = JSON.parse(ran.stdout) as Feed;
    expect(feed.statuses?.[0]).toEqual({
      key: 'in_progress',
      label: { fr: 'En cours', en: 'In progress' },
      category: 'substantial',
      progress: 60,
    });
  });

  it('says which keys of --statuses match no status of the export', async () => {
    await writeFile(
      path.join(dir, 'typo-map.json'),
      JSON.stringify({ in_progres: 'substantial', done: 'complete' }),
    );
    const ran = await importDecidim(NESTED, ['--statuses', path.join(dir, 'typo-map.json')]);
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stderr).toContain(
      '--statuses: "in_progres" matches no status of the export, so it was not used; the export has status keys: in_progress, done',
    );
  });

  it("maps an older export's numeric status ids with --statuses", async () => {
    await writeFile(
      path.join(dir, 'legacy.csv'),
      [
        'result_id,parent_id,start_date,end_date,decidim_accountability_status_id,progress,title_en',
        '1,,01/02/2017,30/6/2017,3,40,Basic salary',
        '2,,01/02/2017,30/6/2017,4,,Housing',
      ].join('\n'),
    );
    await writeFile(
      path.join(dir, 'legacy-map.json'),
      JSON.stringify({ '3': { label: 'Under way', category: 'substantial' }, '9': 'complete' }),
    );
    const ran = await importDecidim('legacy.csv', ['--statuses', 'legacy-map.json'], dir);
    expect(ran.code, ran.stderr).toBe(0);
    const feed = JSON.parse(ran.stdout) as Feed;
    strictlyValid(feed);
    expect(feed.statuses).toEqual([{ key: '3', label: 'Under way', category: 'substantial' }]);
    expect(feed.commitments.map((c) => c.status)).toEqual(['3', 'unknown']);
    expect(ran.stderr).toContain('"9" matches no status of the export');
    expect(ran.stderr).toContain('numeric status ids: 3, 4');
  });

  it('names the line and column of a JSON syntax error in a status map or an export', async () => {
    await writeFile(path.join(dir, 'broken-map.json'), '{\n  "in_progress": "ongoing",\n}\n');
    const map = await importDecidim(NESTED, ['--statuses', path.join(dir, 'broken-map.json')]);
    expect(map.code).toBe(2);
    expect(map.stderr).toMatch(
      /broken-map\.json: not JSON \(.* at line 3, column 1; remove the comma before it: JSON allows none after the last item\)/,
    );

    await writeFile(path.join(dir, 'broken.json'), '[\n  {"id": 1,}\n]\n');
    const data = await importDecidim(path.join(dir, 'broken.json'));
    expect(data.code).toBe(1);
    expect(data.stderr).toMatch(
      /broken\.json: not valid JSON \(.* at line 2, column 12; remove the comma/,
    );
  });

  it('refuses a status map that names no category', async () => {
    await writeFile(path.join(dir, 'bad-map.json'), JSON.stringify({ in_progress: 'ongoing' }));
    const ran = await importDecidim(NESTED, ['--statuses', path.join(dir, 'bad-map.json')]);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain('in_progress: expected a category');
  });

  it('names the result and key of a bad value in a JSON export', async () => {
    await writeFile(
      path.join(dir, 'bad.json'),
      JSON.stringify([{ id: 1, title: { en: 'One' }, end_date: '2026-02-30', progress: 150 }]),
    );
    const ran = await importDecidim('bad.json', [], dir);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toContain('[0].end_date: "2026-02-30" is not a real calendar date');
    expect(ran.stderr).toContain('[0].progress: 150 is outside 0-100');
  });
});

describe("import decidim: Decidim's own fixtures", () => {
  const fixture = (name: string): string => path.join(DECIDIM_DIR, name);
  const skipUnlessData = (ctx: { skip: (note: string) => never }): void => {
    if (!HAVE_DECIDIM)
      ctx.skip(`${DECIDIM_DIR} is absent: Decidim's fixtures are read from beside the repository`);
  };

  it('imports valid_result.csv (; and title/<locale>): one result with three children', async (ctx) => {
    skipUnlessData(ctx);
    const ran = await importDecidim(fixture('fixtures/valid_result.csv'));
    expect(ran.code, ran.stderr).toBe(0);
    const feed = JSON.parse(ran.stdout) as Feed;
    strictlyValid(feed);
    expect(feed.languages).toEqual(['ca', 'en', 'es']);
    expect(feed.commitments).toHaveLength(1);
    const [result] = feed.commitments;
    expect(result).toMatchObject({
      id: '69',
      title: { ca: 'test ca 69', en: 'test en 69', es: 'test es 69' },
      progress: 96,
      start: '2020-05-26',
      due: '2020-06-05',
    });
    expect(result?.description).toEqual({
      ca: 'Voluptas suscipit sapiente. Dolorem ut excepturi. Aliquid deserunt hic.',
      en: 'Omnis dolores sint. Voluptatum aliquid modi. Saepe aliquam et.',
      es: 'Dignissimos nisi id. Consequatur est porro. Laborum asperiores soluta.',
    });
    expect(result?.milestones?.map((m) => m.id)).toEqual(['70', '71', '72']);
    expect(feed.statuses?.map((s) => [s.key, s.category])).toEqual([
      ['status_1', 'substantial'],
      ['status_0', 'limited'],
    ]);
  });

  it('imports the earlier valid_result.csv, decoding &nbsp; in descriptions', async (ctx) => {
    skipUnlessData(ctx);
    const ran = await importDecidim(fixture('fixtures/valid_result@32f006cc.csv'));
    expect(ran.code, ran.stderr).toBe(0);
    const feed = JSON.parse(ran.stdout) as Feed;
    strictlyValid(feed);
    const result = feed.commitments.find((c) => c.id === '291');
    expect(result?.description).toMatchObject({ en: 'test2 test2 test2 test2 test2' });
  });

  it('refuses invalid_result.csv with the three errors Decidim expects, one per row', async (ctx) => {
    skipUnlessData(ctx);
    const ran = await importDecidim(fixture('fixtures/invalid_result.csv'));
    expect(ran.code).toBe(1);
    const errors = ran.stderr.split('\n').filter((line) => line.startsWith('error'));
    expect(errors).toHaveLength(3);
    expect(errors.map((line) => /row (\d+)/.exec(line)?.[1])).toEqual(['2', '3', '4']);
    expect(errors[0]).toContain('no title in any language');
  });

  it('imports the older , layout (title_<locale>, day-first dates, external ids)', async (ctx) => {
    skipUnlessData(ctx);
    const ran = await importDecidim(fixture('support/valid.csv'), ['--lang', 'en']);
    expect(ran.code, ran.stderr).toBe(0);
    const feed = JSON.parse(ran.stdout) as Feed;
    strictlyValid(feed);
    expect(feed.commitments.map((c) => [c.id, c.start, c.due])).toEqual([
      ['123', '2017-05-20', '2017-06-30'],
      ['ext_id_3', '2017-06-23', '2017-07-30'],
      ['existing_external_id', '2017-06-28', '2017-08-30'],
    ]);
    expect(feed.commitments[0]?.milestones?.map((m) => m.title)).toEqual([
      { ca: 'Child title in Catalan', en: 'Child title in English' },
    ]);
    expect(feed.commitments[1]?.milestones?.map((m) => m.id)).toEqual(['ext_id_child']);
  });

  it('refuses the older invalid.csv, naming row and column of each error', async (ctx) => {
    skipUnlessData(ctx);
    const ran = await importDecidim(fixture('support/invalid.csv'));
    expect(ran.code).toBe(1);
    expect(ran.stderr).toContain(
      'row 2, column G (start_date): "40/05/2017" is not a real calendar date',
    );
    expect(ran.stderr).toContain(
      'row 2, column H (end_date): "30/13/2017" is not a real calendar date',
    );
    expect(ran.stderr).toContain('row 10, column A (result_id): id 123 is already used by row 2');
    expect(ran.stderr).toContain('row 5, column D (parent_id): parent 234 is not in the export');
  });
});

describe('categoryFromProgress', () => {
  it('follows 0 not started, under 50 limited, under 100 substantial, 100 complete', () => {
    expect([undefined, 0, 1, 49.9, 50, 99, 100].map(categoryFromProgress)).toEqual([
      'unknown',
      'not-started',
      'limited',
      'limited',
      'substantial',
      'substantial',
      'complete',
    ]);
  });
});
