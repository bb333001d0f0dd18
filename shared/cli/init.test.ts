import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../feed/parse-feed.ts';
import type { Feed } from '../feed/types.ts';
import { invocation } from './io.ts';
import { runCli, tempDir } from './test-support.ts';

describe('init --lang', () => {
  it('writes English example addresses and status key in English', async () => {
    const ran = await runCli(['init', '--lang', 'en']);
    expect(ran.code).toBe(0);
    expect(parseFeed(ran.stdout, { mode: 'strict' }).ok).toBe(true);
    expect(ran.stdout).not.toMatch(/interpeller|engagement=|reglement|marches|en-cours/);
    expect(JSON.parse(ran.stdout)).toMatchObject({
      statuses: [{ key: 'tender-under-way', label: 'Tender under way' }],
      interpellation: {
        url: 'https://www.example.org/interpellate?commitment={id}&page={page}',
        rules: 'https://www.example.org/interpellation-rules',
      },
      commitments: [
        {
          status: 'tender-under-way',
          pages: ['https://www.example.org/public-contracts/*'],
          updates: [{ status: 'tender-under-way' }],
        },
      ],
    });
  });

  it('keeps French ones in French', async () => {
    const ran = await runCli(['init', '--lang', 'fr']);
    expect(JSON.parse(ran.stdout)).toMatchObject({
      statuses: [{ key: 'en-cours-de-marche' }],
      interpellation: { url: 'https://www.example.org/interpeller?engagement={id}&page={page}' },
      commitments: [{ themes: ['Commande publique'] }],
    });
  });

  it('writes its French texts with French typography', async () => {
    const ran = await runCli(['init', '--lang', 'fr']);
    for (const text of [ran.stdout, ran.stderr]) {
      expect(text).not.toMatch(/[a-zé]'[a-zé]/);
      expect(text).not.toMatch(/ [:;!?»]|« |\\"/);
    }
  });

  it('has validate name each example value still in the feed, and none once replaced', async () => {
    const dir = await tempDir();
    try {
      const file = path.join(dir.dir, 'engagements.json');
      expect((await runCli(['init', '--lang', 'fr', '--out', file])).code).toBe(0);
      const before = await runCli(['validate', file]);
      expect(before.code).toBe(0);
      for (const line of [
        'warning  publisher.name: "Nom de votre collectivité (à remplacer)" is an example written by init: replace it with yours',
        'warning  plan.period: "2026-12-04" to "2028-12-03" is an example period written by init: replace it with your plan\'s',
        'warning  site[0]: "https://www.example.org/*" is an example address (www.example.org): replace it with your site\'s',
        'warning  interpellation.url: "https://www.example.org/interpeller?engagement={id}&page={page}" is an example address (www.example.org): replace it with your site\'s',
        'warning  commitments[0].title: "Publier les marchés publics en données ouvertes (exemple à remplacer)" is an example written by init: replace it with yours',
        'warning  commitments[0].milestones[0].title: "Cahier des charges adopté" is an example written by init: replace it with yours',
        'warning  commitments[0].updates[0].note: "Flux créé\u00a0: chaque mise à jour datée apparaît dans l’historique de l’engagement." is an example written by init: replace it with yours',
      ])
        expect(before.stdout).toContain(line);

      const feed = JSON.parse(await readFile(file, 'utf8')) as Feed;
      const own = JSON.parse(
        JSON.stringify(feed)
          .replaceAll('www.example.org', 'www.ville-de-test.fr')
          .replaceAll(' (à remplacer)', '')
          .replaceAll(' (titre à remplacer)', '')
          .replaceAll(' (exemple à remplacer)', ''),
      ) as Feed;
      await writeFile(
        file,
        JSON.stringify({
          ...own,
          plan: { ...own.plan, period: { start: '2026-01-01', end: '2028-12-31' } },
          commitments: own.commitments.map((c) => ({
            ...c,
            summary: 'Chaque marché publié.',
            milestones: [{ id: 'E1-1', title: 'Marché attribué' }],
            updates: [{ date: c.start, status: c.status, note: 'Marché lancé.' }],
          })),
        }),
      );
      const after = await runCli(['validate', file]);
      expect(after.stdout).not.toContain('example');
      expect(after.stdout).toContain('(0 errors, 0 warnings)');
    } finally {
      await dir.remove();
    }
  });
});

describe('the check command init suggests', () => {
  it('is the command line as the person ran it, with the file it wrote', async () => {
    const ran = await runCli(['init', '--lang', 'en', '--out', '-'], {
      invocation: 'node bin/open-commitments.js',
    });
    expect(ran.stderr).toContain('Check it: node bin/open-commitments.js validate -\n');
  });

  it('is npx under npx, the command on the PATH, or node and the script elsewhere', () => {
    const repo = '/home/ana/open-commitments';
    const script = `${repo}/bin/open-commitments.js`;
    expect(invocation('/home/ana/.npm/_npx/5eec/node_modules/.bin/open-commitments', repo)).toBe(
      'npx open-commitments',
    );
    expect(invocation(`${repo}/node_modules/.bin/open-commitments`, repo)).toBe(
      'npx open-commitments',
    );
    expect(invocation('/usr/local/bin/open-commitments', '/tmp')).toBe('open-commitments');
    expect(invocation(script, repo)).toBe('node bin/open-commitments.js');
    expect(invocation(script, '/home/ana/mairie')).toBe(`node ${script}`);
    expect(invocation('/home/ana/mes documents/oc/bin/open-commitments.js', '/tmp')).toBe(
      'node "/home/ana/mes documents/oc/bin/open-commitments.js"',
    );
  });
});
