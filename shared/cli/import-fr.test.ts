import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Feed } from '../feed/types.ts';
import { DECIDIM_DIR, HAVE_DECIDIM, ROOT, runCli, tempDir } from './test-support.ts';

const UPDATED = ['--updated', '2026-12-04T00:00:00Z'];

let dir: string;
let remove: () => Promise<void>;
beforeAll(async () => ({ dir, remove } = await tempDir()));
afterAll(async () => remove());

/** The output with French typography's no-break spaces as plain spaces, to write lines as read. */
const plain = (text: string): string => text.replaceAll('\u00a0', ' ');

/** The lines a French run printed on stderr, with `dir` written as `DIR`. */
const lines = (stderr: string): string[] =>
  plain(stderr).replaceAll(dir, 'DIR').split('\n').slice(0, -1);

const write = (name: string, content: string | Uint8Array): Promise<void> =>
  writeFile(path.join(dir, name), content);

const importCsv = (args: string[]) =>
  runCli(['import', 'csv', ...args, ...UPDATED], { cwd: dir, lang: 'fr' });

describe('import csv in French', () => {
  it('says in French what it wrote, and what the sheet cannot hold', async () => {
    const ran = await runCli(
      ['import', 'csv', 'docs/guide/template-fr.csv', '--out', path.join(dir, 'flux.json')],
      { cwd: ROOT, lang: 'fr' },
    );
    expect(ran.code).toBe(0);
    expect(lines(ran.stderr)).toEqual([
      'note : pas de --publisher-name : le flux nomme un éditeur provisoire',
      'note : le tableur ne contient ni site ni canal d’interpellation : écrivez-les une fois dans le flux (init montre comment) et importez avec --base FLUX pour les garder',
      'DIR/flux.json : 3 engagements écrits',
    ]);
    expect(ran.stderr).toContain('DIR/flux.json\u00a0: 3'.replace('DIR', dir));
    const again = await runCli(
      ['import', 'csv', 'docs/guide/template-fr.csv', '--out', path.join(dir, 'flux.json')],
      { cwd: ROOT, lang: 'fr' },
    );
    expect(again.code).toBe(2);
    expect(lines(again.stderr)).toEqual([
      'erreur    --out DIR/flux.json : le fichier existe déjà (ajoutez --force pour le remplacer, et --base DIR/flux.json pour garder son éditeur, son plan, son site et son canal d’interpellation)',
    ]);
  });

  it('names every bad cell by its row and column, in French', async () => {
    await write(
      'cellules.csv',
      [
        'id;titre;statut;avancement;début;échéance;lien',
        'E1;Un;En cours;0,45;2027-12-01;31/06/2027;www.ville.fr/x',
        'E1;;;;;6/30/2027;',
        ';Trois;limité;120;2027-01-01;2026-01-01;',
        '',
      ].join('\n'),
    );
    const ran = await importCsv(['cellules.csv']);
    expect(ran.code).toBe(1);
    expect(ran.stdout).toBe('');
    expect(lines(ran.stderr)).toEqual([
      'attention cellules.csv : ligne 2, colonne D « avancement » : 0,45 se lit 0,45 %, moins de 1 % : s’il s’agit d’une fraction de 1, écrivez 45 pour 45 %',
      'erreur    cellules.csv : ligne 2, colonne C « statut » : statut inconnu « En cours » : utilisez l’un de ces statuts : not-started, limited, substantial, complete, withdrawn, unknown (ou le nom français d’une catégorie : Pas commencé, Limité, Substantiel, Terminé, Abandonné, Inconnu) ; déclarez vos propres statuts avec --statuses',
      'erreur    cellules.csv : ligne 2, colonne F « échéance » : « 31/06/2027 » n’est pas un jour qui existe',
      'erreur    cellules.csv : ligne 2, colonne G « lien » : « www.ville.fr/x » n’est pas une adresse http(s) complète ; écrivez « https://www.ville.fr/x »',
      'erreur    cellules.csv : ligne 3, colonne A « id » : l’identifiant « E1 » est déjà celui de la ligne 2',
      'erreur    cellules.csv : ligne 3, colonne B « titre » : vide : chaque engagement doit avoir un titre',
      'erreur    cellules.csv : ligne 3, colonne C « statut » : vide : écrivez un statut (inconnu / unknown si personne ne le sait)',
      'erreur    cellules.csv : ligne 3, colonne F « échéance » : la date « 6/30/2027 » est écrite le mois en premier, alors que les dates sont lues le jour en premier : mettez les colonnes de dates au format AAAA-MM-JJ (« 2027-06-30 »), sinon une date comme 6/1 se lit 6 janvier',
      'erreur    cellules.csv : ligne 4, colonne A « id » : vide : chaque ligne doit avoir un identifiant',
      'erreur    cellules.csv : ligne 4, colonne F « échéance » : l’échéance 2026-01-01 précède le début 2027-01-01',
      'erreur    cellules.csv : ligne 4, colonne D « avancement » : 120 n’est pas compris entre 0 et 100',
      'cellules.csv : non importé (10 erreurs)',
    ]);
  });

  it('says in French what is wrong with the columns and the file itself', async () => {
    await write('colonnes.csv', 'titre;Service pilote\nUn;DSI\n');
    expect(lines((await importCsv(['colonnes.csv'])).stderr)).toEqual([
      'erreur    colonnes.csv : ligne 1, colonne B « Service pilote » : colonne inconnue : nommez-la « pilote » si c’est ce qu’elle contient, ou retirez-la, pour qu’aucune valeur du tableur ne soit laissée de côté',
      'erreur    colonnes.csv : ligne 1 : il manque la colonne « id »',
      'erreur    colonnes.csv : ligne 1 : il manque la colonne « statut » (en-tête en français) ou « status » (en anglais)',
      'colonnes.csv : non importé (3 erreurs)',
    ]);
    await write('guillemet.csv', 'id;titre;statut\nE1;"Un;limité\n');
    expect(lines((await importCsv(['guillemet.csv'])).stderr)).toEqual([
      'erreur    guillemet.csv : ligne 2, colonne B « titre » : une valeur entre guillemets n’est jamais fermée : un « " » ouvre une valeur sur cette ligne et aucun « " » ne la termine (écrivez « "" » pour un guillemet à l’intérieur d’une valeur)',
    ]);
    // A line of its own left empty is not a row of the sheet, as in the other messages.
    await write(
      'mal-place.csv',
      'id;titre;statut\r\nE1;Un;Limité\r\n\r\nE2;Le "projet" phare;Limité\r\n',
    );
    expect(lines((await importCsv(['mal-place.csv'])).stderr)).toEqual([
      'erreur    mal-place.csv : ligne 3, colonne B « titre » : un guillemet est mal placé : mettez toute la valeur entre guillemets et doublez ceux qu’elle contient',
    ]);
    await write(
      'windows.csv',
      Uint8Array.from([
        ...Buffer.from('id;titre;statut\nE1;March'),
        0xe9,
        ...Buffer.from('s;limit'),
        0xe9,
        0x0a,
      ]),
    );
    const windows = await importCsv(['windows.csv', '--publisher-name', 'Ville']);
    expect(windows.code).toBe(0);
    expect(lines(windows.stderr)[0]).toBe(
      'note : windows.csv : pas en UTF-8, lu en Windows-1252 (le « CSV » d’Excel sous Windows) ; enregistrez au format « CSV UTF-8 » pour ne plus voir cette remarque',
    );
  });

  it('says in French what is wrong in a --statuses file', async () => {
    await write('modele.csv', 'id;titre;statut\nE1;Un;limité\n');
    await write('virgule.json', '{"vote": "complete",}');
    expect(await importCsv(['modele.csv', '--statuses', 'virgule.json'])).toMatchObject({
      code: 2,
      stderr:
        'erreur    virgule.json\u00a0: ce n’est pas du JSON (nom de propriété entre guillemets doubles attendu à la ligne 1, colonne 21\u00a0; supprimez la virgule qui le précède\u00a0: JSON n’en admet aucune après le dernier élément)\n',
    });
    await write('libelle.json', '{"Voté en conseil": "complete"}');
    expect(lines((await importCsv(['modele.csv', '--statuses', 'libelle.json'])).stderr)).toEqual([
      'erreur    libelle.json : « Voté en conseil » n’est pas une clé de statut (1 à 64 caractères parmi A-Z a-z 0-9 . _ -) : écrivez « "key": "vote-en-conseil" » et « "label": "Voté en conseil" », et le tableur pourra continuer à écrire « Voté en conseil »',
    ]);
  });

  it('says in French what it kept from --base and which commitments the sheet leaves out', async () => {
    const ran = await runCli(
      [
        'import',
        'csv',
        'docs/guide/template-fr.csv',
        '--base',
        'shared/feeds/valfleurie.json',
        ...UPDATED,
      ],
      { cwd: ROOT, lang: 'fr' },
    );
    expect(ran.code).toBe(0);
    expect(lines(ran.stderr)).toEqual([
      'note : absents du tableur, donc laissés hors du flux : VF-01 (1 interpellation), VF-02 (1 interpellation), VF-03 (2 interpellations), VF-04, VF-05 (1 interpellation), VF-06, VF-07 (1 interpellation), VF-08 (1 interpellation), VF-09, VF-10 (1 interpellation) ; pour montrer un engagement abandonné, gardez sa ligne avec le statut withdrawn (Abandonné)',
    ]);
    const feed = JSON.parse(ran.stdout) as Feed;
    expect(feed.commitments.map((c) => c.id)).toEqual(['E1', 'E2', 'E3']);
  });
});

describe('import csv in French, over a feed', () => {
  const VALFLEURIE = path.join(ROOT, 'shared/feeds/valfleurie.json');

  it('refuses in French to replace a feed holding what the sheet cannot hold', async () => {
    await writeFile(path.join(dir, 'valfleurie.json'), await readFile(VALFLEURIE));
    const ran = await runCli(
      [
        'import',
        'csv',
        path.join(ROOT, 'docs/guide/template-fr.csv'),
        '--out',
        'valfleurie.json',
        '--force',
      ],
      { cwd: dir, lang: 'fr' },
    );
    expect(ran.code).toBe(2);
    expect(lines(ran.stderr)).toEqual([
      'erreur    --out valfleurie.json : ce flux contient un site, un canal d’interpellation et 8 interpellations, que le tableur ne peut pas contenir : ajoutez --base valfleurie.json pour les garder, ou supprimez le fichier pour repartir de zéro',
    ]);
  });

  it('says in French what it kept from --base', async () => {
    const exported = await runCli(['export', 'csv', VALFLEURIE, '--out', path.join(dir, 'vf.csv')]);
    expect(exported.code).toBe(0);
    const ran = await runCli(['import', 'csv', 'vf.csv', '--base', VALFLEURIE, ...UPDATED], {
      cwd: dir,
      lang: 'fr',
    });
    expect(ran.code).toBe(0);
    expect(lines(ran.stderr)).toEqual([
      `note : repris de ${VALFLEURIE} : les jalons de 5 engagements (pas de feuille --milestones) et les mises à jour de 8 engagements (pas de feuille --updates)`,
    ]);
  });
});

describe('the guide in French, step by step', () => {
  it('makes a feed of the template over init’s feed with none of init’s examples', async () => {
    // The guide's section 1 (init), then section 2 (import csv --base … --force), literally.
    await writeFile(
      path.join(dir, 'engagements.csv'),
      await readFile(path.join(ROOT, 'docs/guide/template-fr.csv')),
    );
    const init = await runCli(['init', '--out', 'engagements.json'], { cwd: dir, lang: 'fr' });
    expect(init.code).toBe(0);
    const ran = await runCli(
      [
        'import',
        'csv',
        'engagements.csv',
        '--base',
        'engagements.json',
        '--out',
        'engagements.json',
        '--force',
        ...UPDATED,
      ],
      { cwd: dir, lang: 'fr' },
    );
    expect(ran.code).toBe(0);
    expect(lines(ran.stderr)).toEqual([
      'note : non repris de engagements.json, car ce sont les exemples écrits par init : les jalons et les mises à jour de E1 et le statut en-cours-de-marche',
      'engagements.json : 3 engagements écrits',
    ]);
    const feed = JSON.parse(await readFile(path.join(dir, 'engagements.json'), 'utf8')) as Feed;
    expect(feed.statuses).toBeUndefined();
    expect(feed.commitments[0]).toMatchObject({ id: 'E1', status: 'limited', progress: 25 });
    expect(feed.commitments[0]?.milestones).toBeUndefined();
    expect(feed.commitments[0]?.updates).toBeUndefined();
    // What validate still asks to replace is what the sheet cannot hold: the publisher, the plan.
    const checked = await runCli(['validate', 'engagements.json', '--today', '2026-12-04'], {
      cwd: dir,
      lang: 'fr',
    });
    expect(checked.code).toBe(0);
    expect(plain(checked.stdout)).not.toMatch(/en-cours-de-marche|Cahier des charges|Flux créé/);
    expect(plain(checked.stdout)).toContain(
      'attention publisher.name : « Nom de votre collectivité',
    );
  });
});

describe.skipIf(!HAVE_DECIDIM)('import decidim in French', () => {
  it("says in French how it read Decidim's statuses and what it wrote", async () => {
    const ran = await runCli(
      [
        'import',
        'decidim',
        path.join(DECIDIM_DIR, 'fixtures/valid_result.csv'),
        '--lang',
        'fr',
        '--out',
        path.join(dir, 'decidim.json'),
        ...UPDATED,
      ],
      { lang: 'fr' },
    );
    expect(ran.code).toBe(0);
    expect(lines(ran.stderr.replaceAll(DECIDIM_DIR, 'DECIDIM'))).toEqual([
      'note : statut status_1 (« dolore ») rattaché à substantial (Substantiel) d’après l’avancement de ses résultats ; à corriger avec --statuses si besoin',
      'note : statut status_0 (« quos ») rattaché à limited (Limité) d’après l’avancement de ses résultats ; à corriger avec --statuses si besoin',
      'note : --lang fr : l’export n’a aucun texte dans cette langue, seulement dans ces langues : ca, en, es ; le flux les liste dans cet ordre',
      'note : éditeur nommé par défaut « localhost:3000 » : donnez son vrai nom avec --publisher-name',
      'note : l’export ne contient ni site ni canal d’interpellation : écrivez-les une fois dans le flux (init montre comment) et importez avec --base FLUX pour les garder',
      'DECIDIM/fixtures/valid_result.csv : 1 engagement, 3 jalons, écrits dans DIR/decidim.json',
    ]);
  });

  it('names the row and column of each bad result, in French', async () => {
    const ran = await runCli(
      ['import', 'decidim', path.join(DECIDIM_DIR, 'support/invalid.csv'), ...UPDATED],
      { lang: 'fr' },
    );
    expect(ran.code).toBe(1);
    expect(lines(ran.stderr.replaceAll(DECIDIM_DIR, 'DECIDIM'))).toEqual([
      'erreur    DECIDIM/support/invalid.csv : ligne 2, colonne G « start_date » : « 40/05/2017 » n’est pas un jour qui existe',
      'erreur    DECIDIM/support/invalid.csv : ligne 2, colonne H « end_date » : « 30/13/2017 » n’est pas un jour qui existe',
      'erreur    DECIDIM/support/invalid.csv : ligne 3, colonne H « end_date » : « 1 » n’est pas une date : écrivez AAAA-MM-JJ (2026-12-31) ou JJ/MM/AAAA',
      'erreur    DECIDIM/support/invalid.csv : ligne 3, colonne J « progress » : « Child title in Catalan » n’est pas un nombre de 0 à 100',
      'erreur    DECIDIM/support/invalid.csv : ligne 10, colonne A « result_id » : l’identifiant 123 est déjà pris (ligne 2)',
      'erreur    DECIDIM/support/invalid.csv : ligne 5, colonne D « parent_id » : le résultat parent 234 est absent de l’export',
      'DECIDIM/support/invalid.csv : non importé (6 erreurs)',
    ]);
  });

  it('says in French what is wrong with a JSON export', async () => {
    await write('objet.json', '{"id": "1"}');
    await write('doublon.json', '[{"id": "1", "title": {"fr": "Un"}}, {"id": "1"}]');
    await write('virgule.json', '[{"id": "1",}]');
    const run = async (file: string) =>
      lines(
        (await runCli(['import', 'decidim', file, ...UPDATED], { cwd: dir, lang: 'fr' })).stderr,
      );
    expect(await run('objet.json')).toEqual([
      'erreur    objet.json : $ : une liste JSON de résultats Decidim est attendue',
    ]);
    expect(await run('doublon.json')).toEqual([
      'erreur    doublon.json : [1].id : l’identifiant 1 est déjà pris ([0])',
      'doublon.json : non importé (1 erreur)',
    ]);
    expect(await run('virgule.json')).toEqual([
      'erreur    virgule.json : ce n’est pas du JSON valide (nom de propriété entre guillemets doubles attendu à la ligne 1, colonne 13 ; supprimez la virgule qui le précède : JSON n’en admet aucune après le dernier élément)',
    ]);
  });
});
