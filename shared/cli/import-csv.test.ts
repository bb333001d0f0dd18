import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFeed } from '../feed/parse-feed.ts';
import type { Feed } from '../feed/types.ts';
import { ROOT, runCli, tempDir } from './test-support.ts';

const UPDATED = ['--updated', '2026-12-04T00:00:00Z'];

describe('import csv', () => {
  let dir: string;
  let remove: () => Promise<void>;
  beforeAll(async () => ({ dir, remove } = await tempDir()));
  afterAll(async () => remove());

  const write = (name: string, content: string | Uint8Array): Promise<void> =>
    writeFile(path.join(dir, name), content);
  const feedOf = async (name: string): Promise<Feed> =>
    JSON.parse(await readFile(path.join(dir, name), 'utf8')) as Feed;
  const importCsv = (args: string[]) =>
    runCli(['import', 'csv', ...args, '--publisher-name', 'Commune de Test', ...UPDATED], {
      cwd: dir,
    });

  it.each(['fr', 'en'])('imports the %s template into a strictly valid feed', async (lang) => {
    const ran = await runCli(
      ['import', 'csv', `docs/guide/template-${lang}.csv`, '--publisher-name', 'Test', ...UPDATED],
      { cwd: ROOT },
    );
    expect(ran.code, ran.stderr).toBe(0);
    const feed = JSON.parse(ran.stdout) as Feed;
    expect(parseFeed(feed, { mode: 'strict' }).ok).toBe(true);
    expect(feed.languages).toEqual([lang]);
    expect(feed.commitments.map((c) => [c.id, c.status, c.progress])).toEqual([
      ['E1', 'limited', 25],
      ['E2', 'complete', 100],
      ['E3', 'not-started', undefined],
    ]);
    expect(feed.commitments[0]?.themes).toEqual(
      lang === 'fr' ? ['Commande publique', 'Données ouvertes'] : ['Open Contracting', 'Open Data'],
    );
    expect(feed.commitments[1]?.description).toMatch(/\n\n/);
  });

  it('keeps none of init’s example milestones, updates and status over the template’s E1', async () => {
    const template = path.join(ROOT, 'docs/guide/template-en.csv');
    expect(
      (await runCli(['init', '--lang', 'en', '--out', 'started.json'], { cwd: dir })).code,
    ).toBe(0);
    const ran = await runCli(
      [
        'import',
        'csv',
        template,
        '--base',
        'started.json',
        '--out',
        'started.json',
        '--force',
        ...UPDATED,
      ],
      { cwd: dir },
    );
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stderr).toBe(
      'note: not kept from started.json, as they are the examples init wrote: the milestones and the updates of E1 and the status tender-under-way\nstarted.json: 3 commitments written\n',
    );
    const feed = await feedOf('started.json');
    expect(feed.statuses).toBeUndefined();
    expect(
      feed.commitments.flatMap((c) => [...(c.milestones ?? []), ...(c.updates ?? [])]),
    ).toEqual([]);
    // A commitment of the publisher's own keeps its milestones and updates, as before.
    const own = {
      ...feed,
      commitments: feed.commitments.map((c) =>
        c.id === 'E1'
          ? {
              ...c,
              milestones: [{ title: 'Ours', due: '2027-01-31' }],
              updates: [{ date: '2026-12-01', note: 'Ours' }],
            }
          : c,
      ),
    };
    await write('own.json', JSON.stringify(own));
    const again = await runCli(['import', 'csv', template, '--base', 'own.json', ...UPDATED], {
      cwd: dir,
    });
    expect(again.stderr).toContain('note: kept from own.json: the milestones of 1 commitment');
    expect((JSON.parse(again.stdout) as Feed).commitments[0]).toMatchObject({
      milestones: [{ title: 'Ours' }],
      updates: [{ note: 'Ours' }],
    });
  });

  it('reads French headers with a ; separator and French dates and numbers', async () => {
    await write(
      'fr.csv',
      'id;Titre;Statut;Avancement;Échéance\nA1;Un engagement;Limité;12,5 %;31/12/2026\n',
    );
    const ran = await importCsv(['fr.csv', '--out', 'fr.json']);
    expect(ran.code, ran.stderr).toBe(0);
    const feed = await feedOf('fr.json');
    expect(feed.commitments[0]).toMatchObject({
      id: 'A1',
      status: 'limited',
      progress: 12.5,
      due: '2026-12-31',
    });
  });

  it('reads a date kept with a time of midnight, as a date-and-time cell exports it, and no other time', async () => {
    await write(
      'midnight.csv',
      'id;titre;statut;début;échéance\nM1;Un;Limité;15/01/2026 00:00;2026-06-30 00:00:00\nM2;Deux;Limité;15/01/2026 14:30;\n',
    );
    const ran = await importCsv(['midnight.csv']);
    expect(ran.code).toBe(1);
    expect(ran.stderr.split('\n').filter((line) => line.startsWith('error'))).toEqual([
      'error    midnight.csv: row 3, column D (début): "15/01/2026 14:30" is not a date: write YYYY-MM-DD (2026-12-31) or DD/MM/YYYY',
    ]);
    await write(
      'midnight.csv',
      'id;titre;statut;début;échéance\nM1;Un;Limité;15/01/2026 00:00;2026-06-30 00:00:00\n',
    );
    expect((await importCsv(['midnight.csv', '--out', 'midnight.json'])).code).toBe(0);
    expect((await feedOf('midnight.json')).commitments[0]).toMatchObject({
      start: '2026-01-15',
      due: '2026-06-30',
    });
  });

  it('reads a UTF-8 file with a byte-order mark', async () => {
    await write('bom.csv', '\uFEFFid,title,status\nB1,Café ouvert,complete\n');
    const ran = await importCsv(['bom.csv']);
    expect(ran.code, ran.stderr).toBe(0);
    expect((JSON.parse(ran.stdout) as Feed).commitments[0]?.title).toBe('Café ouvert');
  });

  it('reads the separator from a first line sep=; and counts rows from the header, as Excel shows them', async () => {
    await write(
      'sep.csv',
      '\uFEFFsep=;\r\nid;titre;statut\r\nS1;Bancs, tables et abris;Limité\r\nS2;Deux;Lent\r\n',
    );
    const bad = await importCsv(['sep.csv']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('sep.csv: row 3, column C (statut): unknown status "Lent"');
    await write('sep.csv', 'sep=;\nid;titre;statut\nS1;Bancs, tables et abris;Limité\n');
    const ran = await importCsv(['sep.csv', '--out', 'sep.json']);
    expect(ran.code, ran.stderr).toBe(0);
    expect((await feedOf('sep.json')).commitments).toEqual([
      { id: 'S1', title: 'Bancs, tables et abris', status: 'limited' },
    ]);
  });

  it('reads a Windows-1252 file (Excel on Windows) without mangling é, and says so', async () => {
    // "id;titre;statut\nW1;Rénover l'école;Terminé\n" in Windows-1252: é is the single byte 0xE9.
    const latin = Uint8Array.from(
      [..."id;titre;statut\nW1;Rénover l'école;Terminé\n"].map((char) => char.charCodeAt(0)),
    );
    await write('cp1252.csv', latin);
    const ran = await importCsv(['cp1252.csv']);
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stderr).toContain('read as Windows-1252');
    const feed = JSON.parse(ran.stdout) as Feed;
    expect(feed.commitments[0]).toMatchObject({ title: "Rénover l'école", status: 'complete' });
  });

  it('reads a Mac Roman file (Excel\'s "CSV" on a Mac) without turning é into Ž, and says so', async () => {
    // "M1;Rénover l’école à Noël, ça;Terminé" in Mac Roman: é is 0x8E, ’ 0xD5, à 0x88, ë 0x91,
    // ç 0x8D (Windows-1252 reads 0x8E as Ž and 0x88 as ˆ, and has no 0x8D).
    const bytes = Buffer.from(
      'id;titre;statut\nM1;R\x8enover l\xd5\x8ecole \x88 No\x91l, \x8da;Termin\x8e\n',
      'latin1',
    );
    await write('macroman.csv', bytes);
    const ran = await importCsv(['macroman.csv']);
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stderr).toContain(
      'macroman.csv: not UTF-8, read as Mac Roman (Excel\'s "CSV" on a Mac); save as "CSV UTF-8" to avoid this note',
    );
    const feed = JSON.parse(ran.stdout) as Feed;
    expect(feed.commitments[0]).toMatchObject({
      title: 'Rénover l’école à Noël, ça',
      status: 'complete',
    });
    // A sheet whose only accent is " à ".
    await write(
      'macroman-a.csv',
      Buffer.from('id;titre;statut\nM2;Mise \x88 jour;limited\n', 'latin1'),
    );
    const alone = await importCsv(['macroman-a.csv']);
    expect((JSON.parse(alone.stdout) as Feed).commitments[0]?.title).toBe('Mise à jour');
  });

  it('reads a Windows-1252 file whose French no-break spaces make valid UTF-8 pairs by chance', async () => {
    // « é\u00a0» » is E9 A0 BB and « É\u00a0: » holds C9 A0, both valid UTF-8 of other scripts.
    const titles = ['La «\u00a0Cité\u00a0» ouverte', 'SANTÉ\u00a0: école'];
    const latin = Uint8Array.from(
      [...`id;titre;statut\nW1;${titles[0]};Terminé\nW2;${titles[1]};Terminé\n`].map((char) =>
        char.charCodeAt(0),
      ),
    );
    await write('cp1252-nbsp.csv', latin);
    const ran = await importCsv(['cp1252-nbsp.csv']);
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stderr).toContain('read as Windows-1252');
    const feed = JSON.parse(ran.stdout) as Feed;
    expect(feed.commitments.map((c) => c.title)).toEqual(titles);
  });

  it('refuses a UTF-8 file with a stray byte in it, naming the row and column of that byte', async () => {
    // "Café" pasted from a Windows-1252 file (é is 0xE9) into a sheet whose accents are UTF-8.
    const bytes = Buffer.concat([
      Buffer.from('id;titre;statut\nM1;Publier les marchés;Limité\nM2;Caf', 'utf8'),
      Buffer.from([0xe9]),
      Buffer.from(';Limité\n', 'utf8'),
    ]);
    await write('mixed.csv', bytes);
    const ran = await importCsv(['mixed.csv', '--out', 'mixed.json']);
    expect(ran).toMatchObject({
      code: 2,
      stderr:
        'error    mixed.csv: row 3, column B (titre): not valid UTF-8 (the byte 0xE9), while the rest of the file is UTF-8: type this character again (often an accented letter pasted from a file in another encoding)\n',
    });
    await expect(readFile(path.join(dir, 'mixed.json'))).rejects.toThrow();
  });

  it('keeps the €, the typographic apostrophe and the œ of a Windows-1252 file', async () => {
    // "W2;Vœux : l’aide à 1 € – « oui »…;Limité" where Excel writes œ as 0x9C, ’ as 0x92, € as
    // 0x80, – as 0x96 and … as 0x85 (bytes that ISO-8859-1 leaves to control characters).
    const bytes = Buffer.concat([
      Buffer.from('id;titre;statut\nW2;V', 'latin1'),
      Buffer.from([0x9c]),
      Buffer.from('ux : l', 'latin1'),
      Buffer.from([0x92]),
      Buffer.from('aide \xe0 1 ', 'latin1'),
      Buffer.from([0x80, 0x20, 0x96]),
      Buffer.from(' \xab oui \xbb', 'latin1'),
      Buffer.from([0x85]),
      Buffer.from(';Limit\xe9\n', 'latin1'),
    ]);
    await write('cp1252-high.csv', bytes);
    const ran = await importCsv(['cp1252-high.csv']);
    expect(ran.code, ran.stderr).toBe(0);
    const feed = JSON.parse(ran.stdout) as Feed;
    expect(feed.commitments[0]?.title).toBe('Vœux : l’aide à 1 € – « oui »…');
  });

  it.each([
    ['with a byte-order mark', 'utf-16le', true],
    ['without a byte-order mark', 'utf-16le', false],
    ['big-endian', 'utf-16be', true],
  ] as const)(
    'reads a UTF-16 file (Excel\'s "Unicode text") %s, and says to save as CSV UTF-8',
    async (_name, encoding, bom) => {
      const text = `${bom ? '\uFEFF' : ''}id\ttitre\tstatut\nU1\tRénover l'école\tTerminé\n`;
      const bytes = Buffer.from(text, 'utf16le');
      if (encoding === 'utf-16be') bytes.swap16();
      await write('unicode.txt', bytes);
      const ran = await importCsv(['unicode.txt']);
      expect(ran.code, ran.stderr).toBe(0);
      expect(ran.stderr).toContain('unicode.txt: UTF-16, not UTF-8');
      expect(ran.stderr).toContain('save as "CSV UTF-8"');
      const feed = JSON.parse(ran.stdout) as Feed;
      expect(feed.commitments[0]).toMatchObject({ title: "Rénover l'école", status: 'complete' });
    },
  );

  it("names the sheet, row and column of a text over the feed's limits, not a JSON path", async () => {
    const long = 'x'.repeat(25_000);
    await write(
      'long.csv',
      `id,title_fr,title_en,status,description_en\nA1,Un,One,limited,ok\nA2,Deux,Two,limited,${long}\n`,
    );
    await write(
      'long-m.csv',
      `commitment,id,title,due\nA1,A1-a,Fine,2026-01-01\nA2,A2-a,Fine,2026-01-01\nA2,A2-b,${long},2026-02-01\n`,
    );
    await write(
      'long-u.csv',
      `commitment,date,status,note\nA2,2026-03-01,limited,fine\nA2,01/02/2026,limited,${long}\n`,
    );
    const ran = await importCsv([
      'long.csv',
      '--milestones',
      'long-m.csv',
      '--updates',
      'long-u.csv',
    ]);
    expect(ran.code).toBe(1);
    const limit = 'text of 25000 characters exceeds the limit of 20000';
    expect(ran.stderr).toContain(`long.csv: row 3, column E (description_en): ${limit}`);
    expect(ran.stderr).toContain(`long-m.csv: row 4, column C (title): ${limit}`);
    expect(ran.stderr).toContain(`long-u.csv: row 3, column D (note): ${limit}`);
    expect(ran.stderr).not.toContain('commitments[');
  });

  it.each([
    ['--updated', 'yesterday'],
    ['--lang', 'f r'],
    ['--publisher-url', 'www.example.org'],
  ])('names the option of a bad %s and exits 2', async (option, value) => {
    await write('opt.csv', 'id,title,status\nO1,One,limited\n');
    const ran = await runCli(['import', 'csv', 'opt.csv', option, value], { cwd: dir });
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain(`option '${option} `);
    expect(ran.stderr).toContain(`'${value}' is invalid`);
  });

  it.each([
    ['xlsx', [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]],
    ['xls', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00, 0x00]],
  ])(
    'says that a .%s workbook is not CSV and how to save it as CSV, in either language (exit 2)',
    async (extension, bytes) => {
      await write(`engagements.${extension}`, new Uint8Array([...bytes, 0xe9, 0x00, 0x9c]));
      await write('sheet.csv', 'id,title,status\nE1,One,limited\n');
      const english = await importCsv([`engagements.${extension}`]);
      expect(english).toMatchObject({
        code: 2,
        stderr: `error    engagements.${extension}: a spreadsheet workbook, not CSV: save it from the spreadsheet as "CSV UTF-8 (comma delimited)" (File > Save As)\n`,
      });
      const french = await runCli(
        ['import', 'csv', 'sheet.csv', '--milestones', `engagements.${extension}`],
        { cwd: dir, lang: 'fr' },
      );
      expect(french).toMatchObject({
        code: 2,
        stderr: `erreur    engagements.${extension}\u00a0: c’est un classeur de tableur, pas un CSV\u00a0: enregistrez-le depuis le tableur au format «\u00a0CSV UTF-8 (délimité par des virgules)\u00a0» (Fichier > Enregistrer sous)\n`,
      });
    },
  );

  it('names the row and column of an unclosed quote', async () => {
    await write(
      'quote.csv',
      'id,title,status\nQ1,Fine,limited\nQ2,"Never closed,limited\nQ3,Other,limited\n',
    );
    const ran = await importCsv(['quote.csv']);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toContain(
      'quote.csv: row 3, column B (title): a quoted value is never closed',
    );
  });

  it('names the row and column of a misplaced quote, without the parser’s own words', async () => {
    await write('misplaced.csv', 'id,title,status\nQ1,Fine,limited\nQ2,"The "best" one",limited\n');
    const ran = await importCsv(['misplaced.csv']);
    expect(ran).toMatchObject({
      code: 1,
      stderr:
        'error    misplaced.csv: row 3, column B (title): a quote is misplaced: quote the whole value and double the quotes inside it\n',
    });
  });

  it('refuses to write a feed over the size readers accept, saying its size and the limit', async () => {
    // A sheet under the 20 MiB limit whose feed, with its indentation and field names, is over.
    const text = 'Texte long '.repeat(30);
    const rows = Array.from(
      { length: 50_000 },
      (_, i) => `E${i};Engagement numéro ${i};Limité;0;2027-06-30;${text}`,
    );
    await write('big.csv', `id;titre;statut;avancement;échéance;description\n${rows.join('\n')}\n`);
    const ran = await importCsv(['big.csv', '--out', 'big.json']);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toMatch(
      /error {4}the feed would be [\d,]+ bytes, larger than the limit of 20 MiB \(20,971,520 bytes\) that readers enforce: nothing written/,
    );
    await expect(readFile(path.join(dir, 'big.json'))).rejects.toThrow();
  });

  it('names a placeholder publisher in the sheet’s language, which validate flags', async () => {
    await write('unnamed-fr.csv', 'id;titre;statut\nP1;Un;Limité\n');
    await write('unnamed-en.csv', 'id,title,status\nP1,One,limited\n');
    for (const [sheet, name] of [
      ['unnamed-fr', 'Nom de l’éditeur (à remplacer avec --publisher-name)'],
      ['unnamed-en', 'Publisher (replace with --publisher-name)'],
    ] as const) {
      const ran = await runCli(['import', 'csv', `${sheet}.csv`, '--out', `${sheet}.json`], {
        cwd: dir,
      });
      expect(ran.code, ran.stderr).toBe(0);
      expect((await feedOf(`${sheet}.json`)).publisher.name).toBe(name);
      const checked = await runCli(['validate', `${sheet}.json`], { cwd: dir });
      expect(checked.code).toBe(0);
      expect(checked.stdout).toContain(
        `warning  publisher.name: "${name}" is a placeholder written by import: replace it with your name\n`,
      );
    }
    const french = await runCli(['validate', 'unnamed-fr.json'], { cwd: dir, lang: 'fr' });
    expect(french.stdout).toContain(
      'attention publisher.name\u00a0: «\u00a0Nom de l’éditeur (à remplacer avec --publisher-name)\u00a0» est un nom provisoire écrit par l’import\u00a0: remplacez-le par le vôtre\n',
    );
  });

  it('says that a --publisher-name given is empty', async () => {
    await write('named.csv', 'id;titre;statut\nP1;Un;Limité\n');
    const ran = await runCli(['import', 'csv', 'named.csv', '--publisher-name', ''], { cwd: dir });
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain("the name given is empty; give the publisher's");
    expect(ran.stdout).toBe('');
  });

  it('names the row and column of a value under no header', async () => {
    await write('blank-header.csv', 'id;titre;statut;;\nE1;A;Limité;;\nE2;B;Limité;;oups\n');
    const ran = await importCsv(['blank-header.csv']);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toContain(
      'error    blank-header.csv: row 3, column E: a value under no header: name this column, or move the value to a column of the template, so that no value of the sheet is left out\n',
    );
    // Empty columns after the last header, as spreadsheets often save them, are no error.
    await write('blank-empty.csv', 'id;titre;statut;;\nE1;A;Limité;;\n');
    expect((await importCsv(['blank-empty.csv'])).code).toBe(0);
  });

  it('names the row and column of an unknown status and lists the allowed ones', async () => {
    await write('status.csv', 'id,title,status\nS1,One,limited\nS2,Two,en retard\n');
    const ran = await importCsv(['status.csv']);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toContain(
      'status.csv: row 3, column C (status): unknown status "en retard": use one of not-started, limited',
    );
  });

  it('names --base beside --force when --out is there, since --force alone drops what the sheet lacks', async () => {
    await write('started.json', '{}');
    await write('start.csv', 'id;titre;statut\nS1;Un;Limité\n');
    const ran = await importCsv(['start.csv', '--out', 'started.json']);
    expect(ran).toMatchObject({
      code: 2,
      stderr:
        'error    --out started.json: already exists (add --force to replace it, and --base started.json to keep its publisher, plan, site and interpellation channel)\n',
    });
    const based = await importCsv(['start.csv', '--out', 'started.json', '--base', 'x.json']);
    expect(based.stderr).toBe(
      'error    --out started.json: already exists (add --force to replace it)\n',
    );
  });

  it('says that the sheet holds no site nor interpellation channel, until imported with --base', async () => {
    await write('alone.csv', 'id;titre;statut\nA1;Un;Limité\n');
    const alone = await importCsv(['alone.csv']);
    expect(alone.code).toBe(0);
    expect(alone.stderr).toContain(
      'note: the sheet holds no site and no interpellation channel: write them once in the feed (init shows how) and import with --base FEED to keep them\n',
    );
    const based = await importCsv([
      'alone.csv',
      '--base',
      path.join(ROOT, 'shared/feeds/valfleurie.json'),
    ]);
    expect(based.code, based.stderr).toBe(0);
    expect(based.stderr).not.toContain('interpellation channel');
  });

  it('refuses a sheet with only its header over a --base that has commitments', async () => {
    await write('header-only.csv', 'id;titre;statut;avancement;début;échéance;pilote\n');
    const base = await readFile(path.join(ROOT, 'shared/feeds/valfleurie.json'), 'utf8');
    await write('kept.json', base);
    const ran = await importCsv([
      'header-only.csv',
      '--base',
      'kept.json',
      '--out',
      'kept.json',
      '--force',
    ]);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toMatch(
      /^error {4}header-only\.csv: no commitment rows, while --base kept\.json has \d+ commitments; nothing written/,
    );
    expect(await readFile(path.join(dir, 'kept.json'), 'utf8')).toBe(base);
  });

  it('gives the link a cell probably means when it lacks only https://', async () => {
    await write(
      'links.csv',
      'id;titre;statut;lien;pages\nL1;Un;Limité;www.ville.fr/e1;www.ville.fr/marches/*\nL2;Deux;Limité;mailto:mairie@ville.fr;https//www.ville.fr/*\n',
    );
    const ran = await importCsv(['links.csv']);
    expect(ran.code).toBe(1);
    expect(ran.stderr.split('\n').filter((line) => line.startsWith('error'))).toEqual([
      'error    links.csv: row 2, column D (lien): "www.ville.fr/e1" is not an absolute http(s) URL; write "https://www.ville.fr/e1"',
      'error    links.csv: row 2, column E (pages): "www.ville.fr/marches/*" is not a match pattern such as https://www.example.fr/page/*; write "https://www.ville.fr/marches/*"',
      'error    links.csv: row 3, column D (lien): "mailto:mairie@ville.fr" is not an absolute http(s) URL',
      'error    links.csv: row 3, column E (pages): "https//www.ville.fr/*" is not a match pattern such as https://www.example.fr/page/*',
    ]);
  });

  it('accepts the statuses declared with --statuses, by key or label', async () => {
    await write(
      'statuses.json',
      JSON.stringify([
        { key: 'vote-en-conseil', label: 'Voté en conseil', category: 'limited', progress: 40 },
      ]),
    );
    await write('custom.csv', 'id;titre;statut\nC1;Un;Voté en conseil\nC2;Deux;vote-en-conseil\n');
    const ran = await importCsv(['custom.csv', '--statuses', 'statuses.json']);
    expect(ran.code, ran.stderr).toBe(0);
    const feed = JSON.parse(ran.stdout) as Feed;
    expect(feed.statuses).toEqual([
      { key: 'vote-en-conseil', label: 'Voté en conseil', category: 'limited', progress: 40 },
    ]);
    expect(feed.commitments.map((c) => c.status)).toEqual(['vote-en-conseil', 'vote-en-conseil']);
  });

  it('refuses duplicate ids, naming both rows', async () => {
    await write('dup.csv', 'id,title,status\nD1,One,limited\nD2,Two,limited\nD1,Three,limited\n');
    const ran = await importCsv(['dup.csv']);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toContain('dup.csv: row 4, column A (id): id "D1" is already used on row 2');
  });

  it('refuses impossible dates and a due date before the start', async () => {
    await write(
      'dates.csv',
      'id,title,status,start,due\nT1,One,limited,2023-02-30,2023-03-01\nT2,Two,limited,2026-05-01,2026-04-01\n',
    );
    const ran = await importCsv(['dates.csv']);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toContain(
      'row 2, column D (start): "2023-02-30" is not a real calendar date',
    );
    expect(ran.stderr).toContain(
      'row 3, column E (due): due date 2026-04-01 is before the start 2026-05-01',
    );
  });

  it('says a date written month first is in the wrong order, not that it does not exist', async () => {
    // An English-language Excel writes 6/30/2027; its 6/1/2027 would be read as 6 January.
    await write('us.csv', 'id,title,status,start,due\r\nU1,One,limited,6/1/2026,6/30/2027\r\n');
    const ran = await importCsv(['us.csv', '--out', 'us.json']);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toContain(
      'row 2, column E (due): "6/30/2027" is written month first, but dates are read day first: format the date columns as YYYY-MM-DD ("2027-06-30"), or a date such as 6/1 is read as 6 January',
    );
    expect(ran.stderr).not.toContain('not a real calendar date');
    await expect(readFile(path.join(dir, 'us.json'))).rejects.toThrow();
  });

  it('names the commitments of --base that the sheet no longer has, and their interpellations', async () => {
    const base: Feed = {
      format: 'open-commitments/1',
      publisher: { name: 'Commune de Test', kind: 'municipality' },
      updated: '2026-12-01T00:00:00Z',
      commitments: [
        { id: 'K1', title: 'Gardé', status: 'limited' },
        {
          id: 'K2',
          title: 'Ligne effacée',
          status: 'limited',
          interpellations: [
            {
              id: 'I-1',
              date: '2026-11-01',
              question: 'Quand ?',
              status: 'answered',
              answer: { date: '2026-11-15', text: 'En mars.' },
            },
          ],
        },
      ],
    };
    await write('kept-base.json', JSON.stringify(base));
    await write('kept.csv', 'id;titre;statut\nK1;Gardé;Limité\n');
    const ran = await importCsv(['kept.csv', '--base', 'kept-base.json']);
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stderr).toContain(
      'note: not in the sheet, so left out of the feed: K2 (1 interpellation); to show a commitment given up, keep its row with the status withdrawn\n',
    );
    await write('both.csv', 'id;titre;statut\nK1;Gardé;Limité\nK2;Ligne effacée;Limité\n');
    const both = await importCsv(['both.csv', '--base', 'kept-base.json']);
    expect(both.stderr).not.toContain('left out');
  });

  it("suggests the categories' names in the language of the sheet's headers", async () => {
    await write('status-en.csv', 'id,title,status\nS1,One,In progress\n');
    const english = await importCsv(['status-en.csv']);
    expect(english.code).toBe(1);
    expect(english.stderr).toContain(
      "(or a category's English name: Not started, Limited, Substantial, Complete, Withdrawn, Unknown)",
    );
    await write('status-fr.csv', 'id;titre;statut\nS1;Un;En cours\n');
    const french = await importCsv(['status-fr.csv']);
    expect(french.stderr).toContain(
      "(or a category's French name: Pas commencé, Limité, Substantiel, Terminé, Abandonné, Inconnu)",
    );
  });

  it('warns about a progress under 1 %, as a percentage cell shown as a fraction writes it', async () => {
    await write(
      'fraction.csv',
      'id;titre;statut;avancement\r\nF1;Un;Limité;0,45\r\nF2;Deux;Limité;45\r\n',
    );
    const ran = await importCsv(['fraction.csv']);
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stderr).toContain(
      'warning  fraction.csv: row 2, column D (avancement): 0,45 reads as 0.45 %, under 1 %: if it is a fraction of 1, write 45 for 45 %\n',
    );
    expect(ran.stderr).not.toContain('row 3');
  });

  it('stops at a known column under another name, rather than leave its values out', async () => {
    await write(
      'renamed.csv',
      "id;titre;statut;Date d'échéance;Commentaires internes\nR1;Un;Limité;31/12/2027;à revoir\n",
    );
    const ran = await importCsv(['renamed.csv', '--out', 'renamed.json']);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toContain(
      `renamed.csv: row 1, column D (Date d'échéance): unknown column: name it "échéance" if it holds that, or remove it, so that no value of the sheet is left out\n`,
    );
    // A column that names none of the template's stays a warning.
    expect(ran.stderr).toContain(
      'warning  renamed.csv: row 1, column E (Commentaires internes): unknown column, ignored',
    );
    await expect(readFile(path.join(dir, 'renamed.json'))).rejects.toThrow();
    // Empty, it loses nothing: a warning only.
    await write('renamed-empty.csv', "id;titre;statut;Date d'échéance\nR1;Un;Limité;\n");
    const empty = await importCsv(['renamed-empty.csv']);
    expect(empty.code, empty.stderr).toBe(0);
  });

  it("says to write a status's words as its label, with a key the feed can hold", async () => {
    await write('own.csv', 'id;titre;statut\nO1;Un;Voté en conseil\n');
    await write('own-list.json', '[{"key": "Voté en conseil", "category": "limited"}]');
    await write('own-object.json', '{"Voté en conseil": "limited"}');
    await write('own-nokey.json', '[{"label": "Voté en conseil", "category": "limited"}]');
    for (const file of ['own-list.json', 'own-object.json']) {
      const ran = await importCsv(['own.csv', '--statuses', file]);
      expect(ran.code).toBe(2);
      expect(ran.stderr).toBe(
        `error    ${file}: "Voté en conseil" is not a status key (1–64 characters of A-Z a-z 0-9 . _ -): write "key": "vote-en-conseil" and "label": "Voté en conseil", and the sheet may still say "Voté en conseil"\n`,
      );
    }
    const nokey = await importCsv(['own.csv', '--statuses', 'own-nokey.json']);
    expect(nokey.stderr).toBe(
      'error    own-nokey.json: [0]: a status needs a "key", such as "vote-en-conseil"\n',
    );
    await write(
      'own-fixed.json',
      '[{"key": "vote-en-conseil", "label": "Voté en conseil", "category": "limited"}]',
    );
    const fixed = await importCsv(['own.csv', '--statuses', 'own-fixed.json']);
    expect(fixed.code, fixed.stderr).toBe(0);
    expect((JSON.parse(fixed.stdout) as Feed).commitments[0]?.status).toBe('vote-en-conseil');
  });

  it('keeps a line break in a cell as a line break, whichever way the spreadsheet wrote it', async () => {
    // Excel for Mac ends lines with \r, which a page shows as a space; Windows tools with \r\n.
    await write(
      'breaks.csv',
      'id;titre;statut;description\rB1;Un;Limité;"l1\rl2"\rB2;Deux;Limité;"l1\r\nl2"\r',
    );
    const ran = await importCsv(['breaks.csv']);
    expect(ran.code, ran.stderr).toBe(0);
    expect((JSON.parse(ran.stdout) as Feed).commitments.map((c) => c.description)).toEqual([
      'l1\nl2',
      'l1\nl2',
    ]);
  });

  it('warns at the cell about text misread before it reached the sheet', async () => {
    await write('garbled.csv', 'id;titre;statut\nG1;Publier les marchÃ©s;Limité\n');
    const ran = await importCsv(['garbled.csv']);
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stderr).toContain(
      'warning  garbled.csv: row 2, column B (titre): "er les marchÃ©s" looks decoded with the wrong encoding',
    );
  });

  it('refuses a sheet without the required columns', async () => {
    await write('cols.csv', 'id,name\nX,Y\n');
    const ran = await importCsv(['cols.csv']);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toContain('missing column "titre" (French) or "title" (English)');
    expect(ran.stderr).toContain(
      'warning  cols.csv: row 1, column B (name): unknown column, ignored',
    );
  });

  it('lists every bad cell of a large sheet read with the wrong columns', async () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => `E${i},T,bientôt,beaucoup,demain`);
    await write('wrong.csv', ['id,title,status,progress,due', ...rows].join('\n'));
    const ran = await importCsv(['wrong.csv']);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toMatch(/row 50001, column D \(progress\): "beaucoup" is not a number/);
    expect(ran.stderr).toMatch(/wrong\.csv: not imported \(150000 errors\)\n$/);
  });

  it('attaches milestones and updates, and names a row that points to no commitment', async () => {
    await write('c.csv', 'id,title,status\nM1,One,limited\n');
    await write(
      'm.csv',
      'commitment,id,title,due,done,weight\nM1,M1-a,Tender,2026-03-01,2026-02-20,2\nM9,M9-a,Lost,,,\n',
    );
    await write(
      'u.csv',
      'commitment,date,status,progress,note,evidence\nM1,2026-02-20,limited,30,Tender out,https://www.example.org/a | https://www.example.org/b\n',
    );
    const bad = await importCsv(['c.csv', '--milestones', 'm.csv', '--updates', 'u.csv']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(
      'm.csv: row 3, column A (commitment): no commitment has the id "M9"',
    );
    await write(
      'm.csv',
      'commitment,id,title,due,done,weight\nM1,M1-a,Tender,2026-03-01,2026-02-20,2\n',
    );
    const ran = await importCsv(['c.csv', '--milestones', 'm.csv', '--updates', 'u.csv']);
    expect(ran.code, ran.stderr).toBe(0);
    const commitment = (JSON.parse(ran.stdout) as Feed).commitments[0];
    expect(commitment?.milestones).toEqual([
      { id: 'M1-a', title: 'Tender', due: '2026-03-01', done: '2026-02-20', weight: 2 },
    ]);
    expect(commitment?.updates).toEqual([
      {
        date: '2026-02-20',
        status: 'limited',
        progress: 30,
        note: 'Tender out',
        evidence: ['https://www.example.org/a', 'https://www.example.org/b'],
      },
    ]);
  });

  it('reads one column per language into a Text object', async () => {
    await write('langs.csv', 'id;titre_fr;titre_en;statut\nL1;Bonjour;Hello;inconnu\n');
    const ran = await importCsv(['langs.csv']);
    expect(ran.code, ran.stderr).toBe(0);
    const feed = JSON.parse(ran.stdout) as Feed;
    expect(feed.languages).toEqual(['fr', 'en']);
    expect(feed.commitments[0]?.title).toEqual({ fr: 'Bonjour', en: 'Hello' });
  });
});

describe('export csv', () => {
  let dir: string;
  let remove: () => Promise<void>;
  beforeAll(async () => ({ dir, remove } = await tempDir()));
  afterAll(async () => remove());

  it.each(['fr', 'en'])(
    'round-trips the %s template: csv -> feed -> csv is the same file',
    async (lang) => {
      const template = path.join(ROOT, `docs/guide/template-${lang}.csv`);
      const imported = await runCli(
        [
          'import',
          'csv',
          template,
          '--out',
          `feed-${lang}.json`,
          '--publisher-name',
          'Test',
          ...UPDATED,
        ],
        { cwd: dir },
      );
      expect(imported.code, imported.stderr).toBe(0);
      const exported = await runCli(
        ['export', 'csv', `feed-${lang}.json`, '--out', `again-${lang}.csv`],
        {
          cwd: dir,
        },
      );
      expect(exported.code, exported.stderr).toBe(0);
      expect(await readFile(path.join(dir, `again-${lang}.csv`), 'utf8')).toBe(
        await readFile(template, 'utf8'),
      );
    },
  );

  it('replaces only the publisher fields given as options on --base, keeping its logo and id', async () => {
    const base = path.join(ROOT, 'shared/feeds/valfleurie.json');
    const renamed = await runCli(
      [
        'import',
        'csv',
        'docs/guide/template-en.csv',
        '--base',
        base,
        '--publisher-name',
        'Valfleurie',
        ...UPDATED,
      ],
      { cwd: ROOT },
    );
    expect(renamed.code, renamed.stderr).toBe(0);
    expect((JSON.parse(renamed.stdout) as Feed).publisher).toEqual({
      name: 'Valfleurie',
      kind: 'municipality',
      url: 'https://www.valfleurie.example/',
      logo: 'https://www.valfleurie.example/images/logo-valfleurie.svg',
      id: '000000000',
    });

    const moved = await runCli(
      [
        'import',
        'csv',
        'docs/guide/template-en.csv',
        '--base',
        base,
        '--publisher-url',
        'https://mairie.valfleurie.example/',
        '--kind',
        'intercommunality',
        ...UPDATED,
      ],
      { cwd: ROOT },
    );
    expect(moved.code, moved.stderr).toBe(0);
    const publisher = (JSON.parse(moved.stdout) as Feed).publisher;
    expect(publisher.name).toEqual({
      fr: 'Commune de Valfleurie (fictive)',
      en: 'Valfleurie (fictional town)',
    });
    expect([publisher.url, publisher.kind, publisher.id]).toEqual([
      'https://mairie.valfleurie.example/',
      'intercommunality',
      '000000000',
    ]);
  });

  it('changes only the title of the plan of --base, in the language of the sheet, with --plan-title', async () => {
    const base = path.join(ROOT, 'shared/feeds/valfleurie.json');
    const original = JSON.parse(await readFile(base, 'utf8')) as Feed;
    const retitle = async (lang: string, title: string) => {
      const ran = await runCli(
        [
          'import',
          'csv',
          `docs/guide/template-${lang}.csv`,
          '--base',
          base,
          '--plan-title',
          title,
          ...UPDATED,
        ],
        { cwd: ROOT },
      );
      expect(ran.code, ran.stderr).toBe(0);
      return (JSON.parse(ran.stdout) as Feed).plan;
    };
    expect(await retitle('fr', 'Nouveau titre')).toEqual({
      ...original.plan,
      title: { fr: 'Nouveau titre', en: 'Open town action plan 2026-2028 (fictional example)' },
    });
    expect(await retitle('en', 'New title')).toEqual({
      ...original.plan,
      title: {
        fr: "Plan d'action pour une commune ouverte 2026-2028 (exemple fictif)",
        en: 'New title',
      },
    });
  });

  it('lists the languages of --lang over those of --base', async () => {
    const ran = await runCli(
      [
        'import',
        'csv',
        'docs/guide/template-fr.csv',
        '--base',
        path.join(ROOT, 'shared/feeds/valfleurie.json'),
        '--lang',
        'en,fr',
        ...UPDATED,
      ],
      { cwd: ROOT },
    );
    expect(ran.code, ran.stderr).toBe(0);
    expect((JSON.parse(ran.stdout) as Feed).languages).toEqual(['en', 'fr']);
  });

  it('round-trips Valfleurie through the sheets and --base: feed -> csv -> feed is the same feed', async () => {
    const source = path.join(ROOT, 'shared/feeds/valfleurie.json');
    const exported = await runCli(
      [
        'export',
        'csv',
        source,
        '--out',
        'vf.csv',
        '--milestones',
        'vf-m.csv',
        '--updates',
        'vf-u.csv',
        '--statuses',
        'vf-s.json',
      ],
      { cwd: dir },
    );
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stderr).toContain('no room for: site; interpellation');
    const header = (await readFile(path.join(dir, 'vf.csv'), 'utf8')).split('\n')[0];
    expect(header).toBe(
      '\uFEFFid;titre_fr;titre_en;statut;avancement;début;échéance;pilote_fr;pilote_en;partenaires_fr;partenaires_en;thèmes;résumé;résumé_fr;résumé_en;description_fr;description_en;lien;pages;ogp;decidim',
    );
    const imported = await runCli(
      [
        'import',
        'csv',
        'vf.csv',
        '--milestones',
        'vf-m.csv',
        '--updates',
        'vf-u.csv',
        '--statuses',
        'vf-s.json',
        '--base',
        source,
        '--updated',
        '2026-11-30T09:00:00+01:00',
      ],
      { cwd: dir },
    );
    expect(imported.code, imported.stderr).toBe(0);
    const original = JSON.parse(await readFile(source, 'utf8')) as Feed;
    const back = JSON.parse(imported.stdout) as Feed;
    // What a sheet cannot keep apart: partners in a second language, and a plain-string text in a
    // column that has one cell per language (it comes back in the feed's first language).
    const normalise = (feed: Feed) => ({
      ...feed,
      commitments: feed.commitments.map(({ partners: _p, ...rest }) => ({
        ...rest,
        ...(typeof rest.summary === 'string' ? { summary: { fr: rest.summary } } : {}),
      })),
    });
    expect(normalise(back)).toEqual(normalise(original));
  });
});
