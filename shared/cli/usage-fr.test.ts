import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from './test-support.ts';

let dir: string;
let remove: () => Promise<void>;
beforeAll(async () => ({ dir, remove } = await tempDir()));
afterAll(async () => remove());

/** The output with French typography's no-break spaces as plain spaces, to write lines as read. */
const plain = (text: string): string => text.replaceAll('\u00a0', ' ');

/** Runs the CLI in French and returns its stderr with plain spaces. */
async function frenchError(argv: string[]): Promise<{ code: number; stderr: string }> {
  const ran = await runCli(argv, { lang: 'fr', cwd: dir });
  return { code: ran.code, stderr: plain(ran.stderr) };
}

describe('the command line in French', () => {
  it('describes its commands in French, with no-break spaces before colons', async () => {
    const ran = await runCli(['--help'], { lang: 'fr' });
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain('Utilisation\u00a0: open-commitments [options] [commande]\n');
    expect(plain(ran.stdout).split('\n')).toEqual(
      expect.arrayContaining([
        'Vérifier, créer, importer et comparer des flux Open Commitments.',
        'Options :',
        '  -V, --version                      afficher la version',
        '  -h, --help                         afficher l’aide de la commande',
        'Commandes :',
        '  init [options]                     écrire un flux de départ, valide tel quel',
        '  help [commande]                    afficher l’aide d’une commande',
      ]),
    );
  });

  it('names the arguments and values of a command in French, with their choices and defaults', async () => {
    const ran = await runCli(['init', '--help'], { lang: 'fr' });
    expect(plain(ran.stdout)).toBe(
      [
        'Utilisation : open-commitments init [options]',
        '',
        'écrire un flux de départ, valide tel quel',
        '',
        'Options :',
        '  --kind <type>    type d’éditeur (valeurs possibles : state, region,',
        '                   department, municipality, intercommunality, university,',
        '                   agency, parliament, other ; par défaut : municipality)',
        '  --lang <langue>  langue des textes d’exemple (valeurs possibles : fr, en ; par',
        '                   défaut : fr)',
        '  --out <fichier>  écrire dans ce fichier plutôt que sur la sortie standard',
        '  --force          remplacer le fichier de --out s’il existe',
        '  -h, --help       afficher l’aide de la commande',
        '',
      ].join('\n'),
    );
    const diff = plain((await runCli(['diff', '--help'], { lang: 'fr' })).stdout);
    expect(diff).toContain('Utilisation : open-commitments diff [options] <ancien> <nouveau>\n');
    expect(diff).toContain('Arguments :\n  ancien ');
  });

  it('puts an option’s choices inside the brackets its description ends with, in both languages', async () => {
    const help = async (lang: 'fr' | 'en'): Promise<string> =>
      plain((await runCli(['export', 'csv', '--help'], { lang })).stdout).replace(/\s+/g, ' ');
    expect(await help('fr')).toContain(
      'langue des en-têtes (par défaut : celle du flux ; valeurs possibles : fr, en)',
    );
    expect(await help('en')).toContain(
      'header language (default: the feed\'s; choices: "fr", "en")',
    );
  });

  it('calls interpellations by their name in the help of --force', async () => {
    for (const command of [
      ['import', 'csv'],
      ['import', 'decidim'],
    ])
      for (const lang of ['fr', 'en'] as const) {
        const help = (await runCli([...command, '--help'], { lang })).stdout.replace(/\s+/g, ' ');
        expect(help).toMatch(/ interpellations\)/);
        expect(help).not.toContain('questions');
      }
  });

  it('says what is wrong in a command line in French, and exits 2', async () => {
    expect(await frenchError(['valider'])).toEqual({
      code: 2,
      stderr:
        'erreur : commande inconnue « valider »\n(Vouliez-vous dire validate ?)\n(ajoutez --help pour afficher l’aide)\n',
    });
    expect((await frenchError(['validate'])).stderr).toBe(
      'erreur : il manque l’argument « source »\n(ajoutez --help pour afficher l’aide)\n',
    );
    expect((await frenchError(['diff', '--jsn', 'a', 'b'])).stderr).toBe(
      'erreur : option inconnue « --jsn »\n(Vouliez-vous dire --json ?)\n(ajoutez --help pour afficher l’aide)\n',
    );
    expect((await frenchError(['validate', 'a.json', 'b.json'])).stderr).toMatch(
      /^erreur : trop d’arguments pour « validate » : 1 attendu, 2 donnés\n/,
    );
    expect((await frenchError(['init', 'flux.json'])).stderr).toMatch(
      /^erreur : trop d’arguments pour « init » : 0 attendu, 1 donné\n/,
    );
    expect((await frenchError(['init', '--out'])).stderr).toMatch(
      /^erreur : l’option « --out <fichier> » attend une valeur\n/,
    );
    expect((await frenchError(['init', '--kind', 'commune'])).stderr).toMatch(
      /^erreur : l’option « --kind <type> » n’accepte pas « commune » ; valeurs possibles : state, region, department, municipality,/,
    );
    expect((await frenchError(['validate', '--today', '31/12/2026', 'flux.json'])).stderr).toMatch(
      /^erreur : l’option « --today <date> » n’accepte pas « 31\/12\/2026 » : une date AAAA-MM-JJ est attendue\n/,
    );
    expect(
      (await frenchError(['import', 'csv', 'e.csv', '--updated', '2026-12-01T10:00:00'])).stderr,
    ).toMatch(
      /^erreur : l’option « --updated <date-heure> » n’accepte pas « 2026-12-01T10:00:00 » : il manque le décalage horaire après l’heure : ajoutez Z \(temps universel\) ou \+01:00 \(heure de Paris en hiver\), par exemple 2026-12-01T10:00:00Z ou 2026-12-01T10:00:00\+01:00\n/,
    );
    expect(
      (await frenchError(['import', 'csv', 'e.csv', '--updated', '2026-12-01T25:00:00'])).stderr,
    ).toMatch(/n’accepte pas « 2026-12-01T25:00:00 » : une date et une heure sont attendues/);
    expect(await frenchError(['import', 'engagements.csv'])).toEqual({
      code: 2,
      stderr:
        'erreur : importer quoi ? écrivez « import csv engagements.csv » (le modèle de tableur) ou « import decidim engagements.csv » (un export Decidim)\n(ajoutez --help pour afficher l’aide)\n',
    });
  });

  it('names in French a file it cannot read or must not write', async () => {
    expect(await frenchError(['validate', 'absent.json'])).toEqual({
      code: 2,
      stderr: 'erreur    absent.json : fichier introuvable\n',
    });
    expect((await frenchError(['diff', 'ftp://example.org/f.json', 'b.json'])).stderr).toBe(
      'erreur    ftp://example.org/f.json : seuls les fichiers locaux et les adresses http(s) peuvent être lus\n',
    );
    await writeFile(path.join(dir, 'existant.json'), '{}');
    expect(await frenchError(['init', '--out', 'existant.json'])).toEqual({
      code: 2,
      stderr:
        'erreur    --out existant.json : le fichier existe déjà (ajoutez --force pour le remplacer)\n',
    });
    expect((await frenchError(['init', '--out', 'dossier/flux.json'])).stderr).toBe(
      'erreur    --out dossier/flux.json : le dossier dossier n’existe pas ; créez-le d’abord\n',
    );
    expect((await frenchError(['init', '--out', '.'])).stderr).toBe(
      'erreur    --out . : c’est un dossier, pas un fichier ; donnez un nom de fichier\n',
    );
  });

  it('writes sizes in the French way and says what the server answered', async () => {
    const large = (async () =>
      new Response(new Uint8Array(16), {
        headers: { 'content-length': String(21_000_000) },
      })) as typeof fetch;
    const ran = await runCli(['validate', 'https://www.example.org/flux.json'], {
      lang: 'fr',
      fetch: large,
    });
    expect(ran.code).toBe(2);
    expect(plain(ran.stderr)).toMatch(
      /^erreur {4}https:\/\/www\.example\.org\/flux\.json : 21\u202f000\u202f000 octets, au-delà de la limite de 20 Mio \(20\u202f971\u202f520 octets\)\n$/,
    );
    const refused = (async () =>
      new Response('', { status: 404, statusText: 'Not Found' })) as typeof fetch;
    expect(
      plain(
        (
          await runCli(['diff', 'https://www.example.org/a.json', 'b.json'], {
            lang: 'fr',
            fetch: refused,
          })
        ).stderr,
      ),
    ).toBe('erreur    https://www.example.org/a.json : le serveur a répondu 404 Not Found\n');
  });
});

describe('fetching in French', () => {
  it('says in French that a server did not answer in time, with a decimal comma', async () => {
    const hanging = ((_url: string | URL | Request, init?: RequestInit) =>
      new Promise((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
      )) as typeof fetch;
    const ran = await runCli(
      ['diff', 'https://www.example.org/a.json', 'b.json', '--timeout', '0.05'],
      { lang: 'fr', fetch: hanging },
    );
    expect(ran.code).toBe(2);
    expect(plain(ran.stderr)).toBe(
      'erreur    https://www.example.org/a.json : pas de réponse complète en 0,05 s (délai modifiable avec --timeout)\n',
    );
  });

  it('says in French that an address could not be fetched, with the reason given', async () => {
    const unreachable = (async () => {
      throw new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND') });
    }) as typeof fetch;
    const ran = await runCli(['export', 'csv', 'https://flux.example/engagements.json'], {
      lang: 'fr',
      fetch: unreachable,
    });
    expect(plain(ran.stderr)).toBe(
      'erreur    https://flux.example/engagements.json : téléchargement impossible (fetch failed: getaddrinfo ENOTFOUND)\n',
    );
  });
});

describe('the real process', () => {
  /** Runs bin/open-commitments.js with `env` instead of the test runner's language settings. */
  function spawnCli(
    argv: string[],
    env: Record<string, string>,
    cwd = ROOT,
  ): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const clean = Object.fromEntries(
      Object.entries(process.env).filter(
        ([name]) => !/^(LANG|LANGUAGE|LC_.*|OPEN_COMMITMENTS_LANG)$/.test(name),
      ),
    );
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(ROOT, 'bin/open-commitments.js'), ...argv], {
        cwd,
        env: { ...clean, ...env },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  }

  it('speaks French on a French system, and English when OPEN_COMMITMENTS_LANG says so', async () => {
    const french = await spawnCli(['validate', 'absent.json'], { LANG: 'fr_FR.UTF-8' });
    expect(french.code).toBe(2);
    expect(french.stderr).toBe('erreur    absent.json\u00a0: fichier introuvable\n');
    const help = await spawnCli(['--help'], { LANG: 'fr_FR.UTF-8' });
    expect(help.stdout).toContain('Commandes\u00a0:\n');
    const english = await spawnCli(['validate', 'absent.json'], {
      LANG: 'fr_FR.UTF-8',
      OPEN_COMMITMENTS_LANG: 'en',
    });
    expect(english.stderr).toBe('error    absent.json: no such file\n');
  }, 30_000);

  it('tells to check the new feed with the command as it was run, from where it was run', async () => {
    // By its path from the repository's folder, as the guide says, then from any other folder:
    // `npx open-commitments` would look for a package online there.
    const here = await spawnCli(['init', '--out', path.join(dir, 'ici.json')], {
      LANG: 'fr_FR.UTF-8',
    });
    expect(here.code).toBe(0);
    expect(here.stderr).toContain(
      `Vérifiez\u00a0: node bin/open-commitments.js validate ${path.join(dir, 'ici.json')}\n`,
    );
    const elsewhere = await spawnCli(
      ['init', '--lang', 'en', '--out', 'feed.json'],
      { LANG: 'en' },
      dir,
    );
    expect(elsewhere.code).toBe(0);
    expect(elsewhere.stderr).toContain(
      `Check it: node ${path.join(ROOT, 'bin/open-commitments.js')} validate feed.json\n`,
    );
    expect(elsewhere.stderr).not.toContain('npx');
  }, 30_000);
});
