import { readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Feed } from '../feed/types.ts';
import { readList, readPercent, readPositive } from './cells.ts';
import { ROOT, runCli, tempDir } from './test-support.ts';

let dir: string;
let remove: () => Promise<void>;
beforeAll(async () => ({ dir, remove } = await tempDir()));
afterAll(async () => remove());

/** A valid feed with what a spreadsheet round trip used to lose. */
const edge: Feed = {
  format: 'open-commitments/1',
  publisher: { name: 'Ville', kind: 'municipality' },
  updated: '2026-12-01T00:00:00Z',
  languages: ['fr', 'en'],
  commitments: [
    {
      id: 'E1',
      title: { fr: 'Marchés publics', en: 'Public contracts' },
      summary: '  résumé en retrait',
      description: 'Se termine par un saut de ligne.\n',
      lead: 'Service ; finances, "DAF"',
      themes: ['Open Data | Transparency', 'Budget'],
      partners: ['Ville|Métropole', { fr: 'Région', en: 'Region' }],
      status: 'limited',
      progress: 12.5,
      milestones: [{ title: 'Lot 1', weight: 2 }],
      updates: [
        { date: '2026-11-01', note: 'Plus récente, écrite en premier.' },
        { date: '2026-10-01', note: { fr: 'Ancienne', en: 'Older' } },
      ],
    },
    {
      id: 'E2',
      title: 'Titre simple',
      summary: { fr: 'Résumé', en: 'Summary' },
      partners: [{ fr: 'Association' }],
      status: 'not-started',
    },
  ],
};

async function roundTrip(source: string, name: string, lang?: 'fr' | 'en') {
  const options = lang ? { lang } : {};
  const sheet = (kind: string) => path.join(dir, `${name}-${kind}`);
  const exported = await runCli(
    [
      'export',
      'csv',
      source,
      '--out',
      sheet('c.csv'),
      '--milestones',
      sheet('m.csv'),
      '--updates',
      sheet('u.csv'),
      '--statuses',
      sheet('s.json'),
    ],
    options,
  );
  expect(exported.code).toBe(0);
  const imported = await runCli(
    [
      'import',
      'csv',
      sheet('c.csv'),
      '--milestones',
      sheet('m.csv'),
      '--updates',
      sheet('u.csv'),
      '--statuses',
      sheet('s.json'),
      '--base',
      source,
      '--out',
      sheet('back.json'),
    ],
    options,
  );
  expect(imported.stderr).not.toMatch(/error|erreur/);
  expect(imported.code).toBe(0);
  const diff = await runCli(['diff', source, sheet('back.json')]);
  return {
    exported,
    before: JSON.parse(await readFile(source, 'utf8')) as Feed,
    after: JSON.parse(await readFile(sheet('back.json'), 'utf8')) as Feed,
    diff,
  };
}

describe('export csv then import csv', () => {
  const bundled = readdirSync(path.join(ROOT, 'shared/feeds')).filter((f) => f.endsWith('.json'));

  it.each(bundled)('gives back the same feed for %s', async (file) => {
    const { before, after, diff } = await roundTrip(path.join(ROOT, 'shared/feeds', file), file);
    expect({ ...after, updated: before.updated }).toEqual(before);
    expect(diff).toMatchObject({ code: 0, stdout: 'no change\n' });
  });

  /** A feed in French that lists no languages, as the format allows. */
  const french: Feed = {
    format: 'open-commitments/1',
    publisher: { name: 'Commune de Valfleurie', kind: 'municipality' },
    updated: '2026-12-01T00:00:00Z',
    statuses: [{ key: 'vote', label: 'Voté en conseil', category: 'limited' }],
    commitments: [
      {
        id: 'E1',
        title: 'Ouvrir les données des marchés publics',
        themes: ['Commande publique'],
        status: 'vote',
        progress: 12.5,
        milestones: [{ title: 'Premier lot', weight: 1.5 }],
        updates: [{ date: '2026-11-01', note: 'Délibération votée.' }],
      },
      { id: 'E2', title: 'Publier le budget', status: 'complete' },
    ],
  };

  it.each([
    ['without languages', french, 'fr'],
    ['in regional French', { ...french, languages: ['fr-FR'] }, 'en'],
    [
      'without languages, with texts per language',
      { ...french, commitments: edge.commitments },
      'en',
    ],
  ] as const)(
    'gives back a French feed %s, through sheets with French headers',
    async (name, feed, lang) => {
      const source = path.join(dir, `${name}.json`);
      await writeFile(source, JSON.stringify(feed));
      // A feed that lists no languages and has no text per language is exported in the language
      // of the command line, the publisher's.
      const { before, after, diff } = await roundTrip(source, name, lang);
      const header = (await readFile(path.join(dir, `${name}-c.csv`), 'utf8')).split('\n')[0];
      expect(header).toMatch(/^\uFEFFid;titre[;_]/);
      expect({ ...after, updated: before.updated }).toEqual(before);
      expect(diff).toMatchObject({ code: 0, stdout: 'no change\n' });
    },
  );

  it('lists the languages of a feed that lists none once its sheet brings a new one', async () => {
    await writeFile(path.join(dir, 'no-languages-base.json'), JSON.stringify(french));
    await writeFile(
      path.join(dir, 'new-language.csv'),
      'id;titre_fr;titre_de;statut\nE1;Ouvrir les données;Daten öffnen;Limité\nE2;Publier le budget;Haushalt veröffentlichen;Terminé\n',
    );
    const ran = await runCli(
      ['import', 'csv', 'new-language.csv', '--base', 'no-languages-base.json'],
      { cwd: dir },
    );
    expect(ran.code, ran.stderr).toBe(0);
    expect((JSON.parse(ran.stdout) as Feed).languages).toEqual(['fr', 'de']);
  });

  it('writes the headers in the first language of the texts of a feed that lists none', async () => {
    const source = path.join(dir, 'no-languages.json');
    const { languages: _none, ...feed } = edge;
    await writeFile(source, JSON.stringify(feed));
    const ran = await runCli([
      'export',
      'csv',
      source,
      '--out',
      path.join(dir, 'no-languages.csv'),
    ]);
    expect(ran.code, ran.stderr).toBe(0);
    const header = (await readFile(path.join(dir, 'no-languages.csv'), 'utf8')).split('\n')[0];
    expect(header).toMatch(/^\uFEFFid;titre;titre_fr;titre_en;/);
  });

  it('keeps lists holding "|", partners in several languages, spaces, and the order of updates', async () => {
    const source = path.join(dir, 'edge.json');
    await writeFile(source, JSON.stringify(edge));
    const { exported, after, diff } = await roundTrip(source, 'edge');
    expect(exported.stderr).not.toContain('no room');
    expect(after.commitments).toEqual(edge.commitments);
    expect(diff.code).toBe(0);
  });

  it('writes no cell a spreadsheet would run as a formula, and imports the same feed back', async () => {
    const hostile: Feed = {
      ...edge,
      languages: ['en'],
      commitments: [
        {
          id: 'F1',
          title: "=cmd|' /C calc'!A0",
          lead: '@SUM(1,2)',
          summary: '+SUM(1+1)',
          description: "'=a value that starts with a quote mark",
          themes: ['-2+3', "'quoted"],
          status: 'limited',
          progress: 0,
          milestones: [{ title: '=HYPERLINK("http://example.com")', weight: 2.5 }],
          updates: [{ date: '2026-11-01', note: '-1' }],
        },
      ],
    };
    const source = path.join(dir, 'hostile.json');
    await writeFile(source, JSON.stringify(hostile));
    const { after, diff } = await roundTrip(source, 'hostile');
    const sheets = await Promise.all(
      ['c', 'm', 'u'].map((kind) => readFile(path.join(dir, `hostile-${kind}.csv`), 'utf8')),
    );
    for (const sheet of sheets) {
      const cells = (parse(sheet, { bom: true, relax_column_count: true }) as string[][]).flat();
      expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
    }
    expect(sheets[0]).toContain(`'=cmd|' /C calc'!A0,limited,0,`);
    expect(sheets[1]).toContain(',2.5\n');
    expect(after.commitments).toEqual(hostile.commitments);
    expect(diff).toMatchObject({ code: 0, stdout: 'no change\n' });
  });

  it('keeps the milestones and updates of --base when only the commitments sheet is given', async () => {
    // What export's note promises: milestones and updates left out of the sheets come back with
    // --base, rather than vanishing from the next version of the feed.
    const source = path.join(dir, 'kept.json');
    await writeFile(source, JSON.stringify(edge));
    const exported = await runCli(['export', 'csv', source, '--out', path.join(dir, 'kept.csv')]);
    expect(exported.stderr).toContain('re-import with --base to keep them');
    const imported = await runCli(['import', 'csv', 'kept.csv', '--base', 'kept.json'], {
      cwd: dir,
    });
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr).toContain(
      'note: kept from kept.json: the milestones of 1 commitment (no --milestones sheet) and the updates of 1 commitment (no --updates sheet)',
    );
    expect((JSON.parse(imported.stdout) as Feed).commitments).toEqual(edge.commitments);
  });

  it('keeps the status definitions that the kept updates use, when --statuses no longer has them', async () => {
    const source = path.join(dir, 'kept-status.json');
    const feed: Feed = {
      ...edge,
      statuses: [{ key: 'vote', label: 'Voté', category: 'limited' }],
      commitments: [
        {
          id: 'E1',
          title: 'Un',
          status: 'limited',
          updates: [{ date: '2026-11-01', status: 'vote', note: 'Voté' }],
        },
      ],
    };
    await writeFile(source, JSON.stringify(feed));
    await writeFile(path.join(dir, 'kept-status.csv'), 'id;titre;statut\nE1;Un;En cours\n');
    await writeFile(
      path.join(dir, 'kept-status-defs.json'),
      JSON.stringify([{ key: 'en-cours', label: 'En cours', category: 'limited' }]),
    );
    const imported = await runCli(
      [
        'import',
        'csv',
        'kept-status.csv',
        '--base',
        'kept-status.json',
        '--statuses',
        'kept-status-defs.json',
      ],
      { cwd: dir },
    );
    expect(imported.code, imported.stderr).toBe(0);
    const back = JSON.parse(imported.stdout) as Feed;
    expect(back.statuses?.map((status) => status.key)).toEqual(['en-cours', 'vote']);
    expect(back.commitments[0]?.updates).toEqual(feed.commitments[0]?.updates);
  });

  it('says at export which values the spreadsheet cannot give back', async () => {
    const lossy: Feed = {
      ...edge,
      commitments: [
        {
          id: 'E1',
          title: 'Un',
          status: 'limited',
          themes: ['deux\nlignes'],
          partners: [{ fr: 'Région', en: 'Region' }, { fr: 'Ville' }],
        },
      ],
    };
    const source = path.join(dir, 'lossy.json');
    await writeFile(source, JSON.stringify(lossy));
    const ran = await runCli(['export', 'csv', source, '--out', path.join(dir, 'lossy.csv')]);
    expect(ran.stderr).toContain(
      'partners not given in every language of the others (E1), which import cannot pair up',
    );
    expect(ran.stderr).toContain(
      'list values with a line break or spaces at either end (E1), which import trims',
    );
    // --base does not bring those back: the note must not say it does.
    expect(ran.stderr).toContain('note: the spreadsheet cannot give back: partners');
    expect(ran.stderr).not.toMatch(/no room for:[^\n]*partners/);
  });
});

describe('spreadsheet cells', () => {
  it('reads "\\|" as a "|" inside a list value', () => {
    expect(readList('Ville\\|Métropole | Région')).toEqual(['Ville|Métropole', 'Région']);
  });

  it('refuses numbers that are not decimal, such as 0x10', () => {
    expect(readPercent('0x10').ok).toBe(false);
    expect(readPercent('1e2').ok).toBe(false);
    expect(readPositive('0x10').ok).toBe(false);
    expect(readPercent('45,5 %')).toEqual({ ok: true, value: 45.5 });
  });
});
