import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFeed } from '../feed/parse-feed.ts';
import type { Feed } from '../feed/types.ts';
import { ROOT, runCli, tempDir } from './test-support.ts';

type Mutable<T> = T extends readonly (infer U)[]
  ? Mutable<U>[]
  : T extends object
    ? { -readonly [K in keyof T]: Mutable<T[K]> }
    : T;

let dir: string;
let remove: () => Promise<void>;
beforeAll(async () => ({ dir, remove } = await tempDir()));
afterAll(async () => remove());

/** The output with French typography's no-break spaces as plain spaces, to write lines as read. */
const plain = (text: string): string => text.replaceAll('\u00a0', ' ').replaceAll(dir, 'DIR');

const VALFLEURIE = path.join(ROOT, 'shared/feeds/valfleurie.json');

describe('diff in French', () => {
  /** Valfleurie with a commitment added, one removed, and changes a publisher reviews. */
  async function changedCopy(): Promise<string> {
    const feed = JSON.parse(await readFile(VALFLEURIE, 'utf8')) as Mutable<Feed>;
    const byId = (id: string) => feed.commitments.find((c) => c.id === id)!;
    byId('VF-01').status = 'en-travaux';
    byId('VF-01').progress = 60;
    byId('VF-02').summary = 'Un résumé revu';
    const vf03 = byId('VF-03');
    vf03.due = '2027-03-31';
    vf03.updates = [...(vf03.updates ?? []), { date: '2026-12-03', note: 'Nouvelle date.' }];
    vf03.interpellations![0]!.status = 'answered';
    vf03.interpellations![0]!.answer = { date: '2026-12-03', text: 'Livraison en mars 2027.' };
    vf03.interpellations!.push({
      id: 'I-2026-009',
      date: '2026-12-04',
      question: { fr: 'Où lire le cahier des charges ?', en: 'Where are the specifications?' },
      status: 'open',
    });
    byId('VF-04').progress = 33.333;
    byId('VF-06').due = '2028-06-30';
    byId('VF-06').status = 'limited';
    feed.commitments = feed.commitments.filter((c) => c.id !== 'VF-08');
    feed.commitments.push({ id: 'VF-11', title: 'Nouvel engagement', status: 'not-started' });
    const file = path.join(dir, 'valfleurie-suivant.json');
    await writeFile(file, JSON.stringify(feed));
    return file;
  }

  it('reports each change in French, numbers the French way, and exits 1', async () => {
    const ran = await runCli(['diff', VALFLEURIE, await changedCopy()], { lang: 'fr' });
    expect(ran.code).toBe(1);
    expect(ran.stderr).toBe('');
    expect(plain(ran.stdout)).toBe(
      [
        '+ VF-11  ajouté : Nouvel engagement',
        '- VF-08  retiré : Registre des algorithmes utilisés par la commune',
        '~ VF-01  Publier tous les marchés publics en données ouvertes',
        '    statut : en-cours-de-marche (limited) -> en-travaux (substantial)',
        '    avancement : 30 % -> 60 %',
        '~ VF-02  Budget participatif ouvert dès 11 ans',
        '    modifié : résumé',
        `      avant : "Abaisser l'âge du vote au budget participatif et réserver 5 % de l'investissement aux projets votés."`,
        '      après : "Un résumé revu"',
        '~ VF-03  Rénovation énergétique des trois écoles',
        '    échéance : 2026-09-30 -> 2027-03-31',
        '    mise à jour ajoutée, datée du 2026-12-03',
        '    interpellation ajoutée : I-2026-009, posée le 2026-12-04 : "Où lire le cahier des charges ?"',
        '    réponse publiée le 2026-12-03 à l’interpellation I-2026-004',
        '~ VF-04  Assemblée citoyenne du climat tirée au sort',
        '    avancement : 40 % -> 33,3 %',
        '~ VF-06  Inventaire ouvert des arbres de la commune',
        '    statut : not-started -> limited',
        '    échéance : 2027-12-31 -> 2028-06-30  [déplacée sans mise à jour qui l’explique]',
        '1 engagement ajouté, 1 retiré, 5 modifiés ; échéances déplacées sans explication : VF-06',
        '',
      ].join('\n'),
    );
    expect(ran.stdout).toContain('avancement\u00a0: 40\u00a0% -> 33,3\u00a0%');
  });

  it('shows in French the language a text changed in, when the first reads the same', async () => {
    const feed = JSON.parse(await readFile(VALFLEURIE, 'utf8')) as Mutable<Feed>;
    const vf02 = feed.commitments.find((c) => c.id === 'VF-02')!;
    vf02.title = { ...(vf02.title as Record<string, string>), en: 'Participatory budget (edited)' };
    await writeFile(path.join(dir, 'titre-en.json'), JSON.stringify(feed));
    const ran = await runCli(['diff', VALFLEURIE, 'titre-en.json'], { cwd: dir, lang: 'fr' });
    expect(plain(ran.stdout)).toBe(
      [
        '~ VF-02  Budget participatif ouvert dès 11 ans',
        '    modifié : titre',
        '      avant : en : "Participatory budget open from age 11"',
        '      après : en : "Participatory budget (edited)"',
        '0 engagement ajouté, 0 retiré, 1 modifié',
        '',
      ].join('\n'),
    );
  });

  it('warns in French of a new version dated earlier than the old', async () => {
    const feed = JSON.parse(await readFile(VALFLEURIE, 'utf8')) as Mutable<Feed>;
    const before = feed.updated;
    feed.updated = '2026-11-01T09:00:00Z';
    feed.commitments[0]!.status = 'complete';
    await writeFile(path.join(dir, 'anterieur.json'), JSON.stringify(feed));
    const ran = await runCli(['diff', VALFLEURIE, 'anterieur.json'], { cwd: dir, lang: 'fr' });
    expect(plain(ran.stdout)).toContain(
      `attention la date « updated » du nouveau flux, 2026-11-01T09:00:00Z, est antérieure à celle de l’ancien, ${before} : les tableaux de bord et l’extension qui ont l’ancien le gardent pendant un jour ; avancez-la.\n`,
    );
  });

  it('says "aucun changement" for the same feed, and keeps --json as it is', async () => {
    const same = await runCli(['diff', VALFLEURIE, VALFLEURIE], { lang: 'fr' });
    expect(same).toMatchObject({ code: 0, stdout: 'aucun changement\n' });
    const next = await changedCopy();
    const french = await runCli(['diff', VALFLEURIE, next, '--json'], { lang: 'fr' });
    const english = await runCli(['diff', VALFLEURIE, next, '--json']);
    expect(french.stdout).toBe(english.stdout);
  });

  it("names in French the parts of the feed that changed, and a feed's errors", async () => {
    const feed = JSON.parse(await readFile(VALFLEURIE, 'utf8')) as Feed;
    await writeFile(
      path.join(dir, 'editeur.json'),
      JSON.stringify({ ...feed, publisher: { ...feed.publisher, name: 'Autre commune' } }),
    );
    await writeFile(path.join(dir, 'casse.json'), '{"format": "open-commitments/1",}');
    const renamed = await runCli(['diff', VALFLEURIE, 'editeur.json'], { cwd: dir, lang: 'fr' });
    expect(plain(renamed.stdout)).toBe(
      '~ flux  modifié : éditeur (name)\n' +
        '    name\n' +
        '      avant : "Commune de Valfleurie (fictive)"\n' +
        '      après : "Autre commune"\n' +
        '0 engagement ajouté, 0 retiré, 0 modifié, flux : éditeur\n',
    );
    const broken = await runCli(['diff', 'casse.json', VALFLEURIE], { cwd: dir, lang: 'fr' });
    expect(broken.code).toBe(2);
    expect(plain(broken.stderr)).toMatch(
      /^erreur {4}casse\.json : \$ : le flux n’est pas du JSON valide : /,
    );
  });
});

describe('export csv in French', () => {
  it('says in French what the spreadsheet has no room for', async () => {
    const ran = await runCli(['export', 'csv', VALFLEURIE, '--out', path.join(dir, 'v.csv')], {
      lang: 'fr',
    });
    expect(ran.code).toBe(0);
    expect(plain(ran.stderr)).toBe(
      'note : le tableur n’a pas de place pour : site ; canal d’interpellation ; plan (au-delà d’un titre en une seule langue) ; interpellations des engagements ; références (refs) des engagements autres que ogp et decidim ; jalons (ajoutez --milestones FICHIER) ; mises à jour (ajoutez --updates FICHIER) ; statuts (ajoutez --statuses FICHIER). Gardez le flux et réimportez avec --base pour les conserver.\n',
    );
    // The sheet itself does not depend on the language of the messages.
    const english = await runCli(['export', 'csv', VALFLEURIE]);
    expect(await readFile(path.join(dir, 'v.csv'), 'utf8')).toBe(english.stdout);
  });

  it('says in French what the spreadsheet cannot give back', async () => {
    const feed: Feed = {
      format: 'open-commitments/1',
      publisher: { name: 'Commune de Test', kind: 'municipality' },
      updated: '2026-12-04T00:00:00Z',
      languages: ['fr', 'en'],
      commitments: [
        {
          id: 'E1',
          title: 'Un engagement',
          status: 'limited',
          themes: [' Budget'],
          partners: [{ fr: 'Région', en: 'Region' }, { fr: 'Ville' }],
        },
      ],
    };
    await writeFile(path.join(dir, 'perte.json'), JSON.stringify(feed));
    const ran = await runCli(['export', 'csv', 'perte.json'], { cwd: dir, lang: 'fr' });
    expect(ran.code).toBe(0);
    expect(plain(ran.stderr)).toBe(
      'note : le tableur ne peut pas restituer : des partenaires qui ne sont pas donnés dans toutes les langues des autres (E1), que l’import ne peut pas apparier : donnez chacun en fr, en ; des valeurs de liste avec un saut de ligne ou des espaces au début ou à la fin (E1), que l’import retire. Modifiez-les dans le flux avant l’export, ou vérifiez-les après l’import.\n',
    );
  });

  it('says in French that it wrote an empty list of statuses', async () => {
    const ran = await runCli(
      [
        'export',
        'csv',
        'shared/feeds/paris.json',
        '--out',
        path.join(dir, 'p.csv'),
        '--statuses',
        path.join(dir, 'statuts.json'),
      ],
      { lang: 'fr', cwd: ROOT },
    );
    expect(plain(ran.stderr).split('\n')[0]).toBe(
      'note : DIR/statuts.json : le flux ne déclare aucun statut ; une liste vide y est écrite',
    );
  });
});

describe('init in French', () => {
  it('gives its next steps in French, whatever the language of the example texts', async () => {
    const ran = await runCli(['init', '--lang', 'en'], {
      lang: 'fr',
      invocation: 'npx open-commitments',
    });
    expect(ran.code).toBe(0);
    expect(parseFeed(ran.stdout, { mode: 'strict' }).ok).toBe(true);
    expect((JSON.parse(ran.stdout) as Feed).languages).toEqual(['en']);
    expect(plain(ran.stderr)).toBe(
      [
        'Flux de départ créé. Étapes suivantes :',
        '  1. Remplacez les valeurs d’exemple (nom, adresses www.example.org, engagements).',
        '  2. Décrivez vos engagements ; le format est expliqué dans docs/format.md.',
        '  3. Vérifiez : npx open-commitments validate engagements.json',
        '  4. Publiez le fichier sur votre site avec l’en-tête Access-Control-Allow-Origin: *',
        '     (voir docs/guide/publier.md).',
        '',
      ].join('\n'),
    );
  });
});
