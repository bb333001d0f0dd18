import { readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from './test-support.ts';

const FEED = path.join(ROOT, 'shared/feeds/valfleurie.json');
const SHEET = 'id,title,status\nO1,One,limited\n';
const UPDATED = ['--updated', '2026-12-04T00:00:00Z'];

describe('files the commands write', () => {
  let dir: string;
  let remove: () => Promise<void>;
  beforeAll(async () => ({ dir, remove } = await tempDir()));
  afterAll(async () => remove());

  const read = (name: string) => readFile(path.join(dir, name), 'utf8');
  const cli = (args: string[]) => runCli(args, { cwd: dir });

  it.each([
    ['import csv', ['import', 'csv', 'sheet.csv', ...UPDATED]],
    ['import decidim', ['import', 'decidim', 'decidim.json', ...UPDATED]],
    ['export csv', ['export', 'csv', FEED]],
  ])('%s never replaces an existing file without --force', async (_name, args) => {
    await writeFile(path.join(dir, 'sheet.csv'), SHEET);
    await writeFile(path.join(dir, 'decidim.json'), '[{"id": 1, "title": {"en": "One"}}]');
    await writeFile(path.join(dir, 'mine.txt'), 'mine');
    const ran = await cli([...args, '--out', 'mine.txt']);
    expect(ran).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(
        /^error {4}--out mine\.txt: already exists \(add --force to replace it/,
      ),
    });
    expect(await read('mine.txt')).toBe('mine');
    const forced = await cli([...args, '--out', 'mine.txt', '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(await read('mine.txt')).not.toBe('mine');
  });

  it('export csv writes no sheet when one of them cannot be made', async () => {
    const ran = await cli([
      'export',
      'csv',
      FEED,
      '--out',
      'partial.csv',
      '--milestones',
      'nowhere/milestones.csv',
    ]);
    expect(ran).toMatchObject({
      code: 2,
      stderr:
        'error    --milestones nowhere/milestones.csv: the folder nowhere does not exist; create it first\n',
    });
    await expect(read('partial.csv')).rejects.toThrow();
  });

  it('export csv refuses, even with --force, to write over the feed it reads', async () => {
    await writeFile(path.join(dir, 'victim.json'), await readFile(FEED));
    for (const option of ['--out', '--milestones', '--updates', '--statuses']) {
      const ran = await cli(['export', 'csv', 'victim.json', option, 'victim.json', '--force']);
      expect(ran).toMatchObject({
        code: 2,
        stderr: `error    ${option} victim.json: is an input of this command; write to another file\n`,
      });
    }
    expect(await read('victim.json')).toBe(await readFile(FEED, 'utf8'));
  });

  it('import csv refuses, even with --force, to write over a sheet it reads, or a link to it', async () => {
    await writeFile(path.join(dir, 'own.csv'), SHEET);
    await symlink('own.csv', path.join(dir, 'link.csv'));
    const same = await cli(['import', 'csv', 'own.csv', '--out', 'own.csv', '--force']);
    expect(same.code).toBe(2);
    expect(same.stderr).toBe(
      'error    --out own.csv: is an input of this command; write to another file\n',
    );
    const linked = await cli(['import', 'csv', 'link.csv', '--out', 'own.csv', '--force']);
    expect(linked.code).toBe(2);
    expect(linked.stderr).toContain('is the input link.csv of this command');
    expect(await read('own.csv')).toBe(SHEET);
  });

  it('import decidim refuses, even with --force, to write over its export', async () => {
    await writeFile(path.join(dir, 'results.json'), '[{"id": 1, "title": {"en": "One"}}]');
    const ran = await cli([
      'import',
      'decidim',
      'results.json',
      '--out',
      'results.json',
      '--force',
    ]);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain('--out results.json: is an input of this command');
  });

  it.each([
    ['import csv', ['import', 'csv', 'erase.csv'], 'sheet'],
    ['import decidim', ['import', 'decidim', 'erase-decidim.json'], 'export'],
  ])(
    '%s refuses, even with --force, to replace a feed with a site or questions without --base',
    async (_name, args, from) => {
      await writeFile(path.join(dir, 'erase.csv'), SHEET);
      await writeFile(path.join(dir, 'erase-decidim.json'), '[{"id": 1, "title": {"en": "One"}}]');
      await writeFile(path.join(dir, 'erase.json'), await readFile(FEED));
      const ran = await cli([...args, '--out', 'erase.json', '--force', ...UPDATED]);
      expect(ran).toMatchObject({
        code: 2,
        stderr: `error    --out erase.json: is a feed with a site, an interpellation channel and 8 interpellations, which the ${from} cannot hold: add --base erase.json to keep them, or remove the file to start anew\n`,
      });
      expect(await read('erase.json')).toBe(await readFile(FEED, 'utf8'));
    },
  );

  it.each([
    ['import csv', ['import', 'csv', 'erase.csv']],
    ['import decidim', ['import', 'decidim', 'erase-decidim.json']],
  ])(
    '%s refuses, even with --force, to replace a feed it cannot read, saying where',
    async (_name, args) => {
      await writeFile(path.join(dir, 'erase.csv'), SHEET);
      await writeFile(path.join(dir, 'erase-decidim.json'), '[{"id": 1, "title": {"en": "One"}}]');
      // One comma removed: the feed's site, channel and questions are still in the file.
      const broken = (await readFile(FEED, 'utf8')).replace(/",\n/, '"\n');
      await writeFile(path.join(dir, 'broken.json'), broken);
      const ran = await cli([...args, '--out', 'broken.json', '--force', ...UPDATED]);
      expect(ran).toMatchObject({
        code: 2,
        stderr: expect.stringMatching(
          /^error {4}--out broken\.json: cannot be read \(the feed is not valid JSON: .* at line \d+, column \d+\); replacing it would lose what it holds: fix it, or remove it to start anew\n$/,
        ),
      });
      expect(await read('broken.json')).toBe(broken);
      const fr = await runCli([...args, '--out', 'broken.json', '--force', ...UPDATED], {
        cwd: dir,
        lang: 'fr',
      });
      expect(fr.stderr).toMatch(
        /--out broken\.json\u00a0: ce fichier ne peut pas être lu \(le flux n’est pas du JSON valide\u00a0: .* à la ligne \d+, colonne \d+\)/,
      );
    },
  );

  it('import csv writes the next version over its --base with --force', async () => {
    await writeFile(path.join(dir, 'based.csv'), SHEET);
    await writeFile(path.join(dir, 'based.json'), await readFile(FEED));
    const args = ['import', 'csv', 'based.csv', '--base', 'based.json', '--out', 'based.json'];
    expect((await cli([...args, ...UPDATED])).code).toBe(2);
    const ran = await cli([...args, ...UPDATED, '--force']);
    expect(ran.code, ran.stderr).toBe(0);
    expect(JSON.parse(await read('based.json'))).toMatchObject({ commitments: [{ id: 'O1' }] });
  });

  it('export csv refuses the same file for two sheets before writing any', async () => {
    const ran = await cli(['export', 'csv', FEED, '--out', 'two.csv', '--milestones', 'two.csv']);
    expect(ran).toMatchObject({
      code: 2,
      stderr: 'error    --milestones two.csv: also given to --out; give each a file of its own\n',
    });
    await expect(read('two.csv')).rejects.toThrow();
  });

  it('init --out refuses a folder, even with --force', async () => {
    for (const force of [[], ['--force']]) {
      const ran = await cli(['init', '--out', '.', ...force]);
      expect(ran).toMatchObject({
        code: 2,
        stderr: 'error    --out .: is a folder, not a file; give a file name\n',
      });
    }
  });
});
