import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Feed } from '../feed/types.ts';
import { runCli, tempDir } from './test-support.ts';

describe('export csv --statuses', () => {
  let dir: string;
  let remove: () => Promise<void>;
  beforeAll(async () => ({ dir, remove } = await tempDir()));
  afterAll(async () => remove());

  it('writes an empty list for a feed without statuses, so an old file is not re-imported', async () => {
    const feed: Feed = {
      format: 'open-commitments/1',
      publisher: { name: 'Commune de Test', kind: 'municipality' },
      updated: '2026-12-04T00:00:00Z',
      languages: ['fr'],
      commitments: [{ id: 'N1', title: 'Un engagement', status: 'limited' }],
    };
    await writeFile(path.join(dir, 'plain.json'), JSON.stringify(feed));
    await writeFile(
      path.join(dir, 'statuses.json'),
      JSON.stringify([{ key: 'old', label: 'Old', category: 'limited' }]),
    );
    const exported = await runCli(
      [
        'export',
        'csv',
        'plain.json',
        '--out',
        'plain.csv',
        '--statuses',
        'statuses.json',
        '--force',
      ],
      { cwd: dir },
    );
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stderr).toContain(
      'note: statuses.json: the feed declares no statuses; wrote an empty list',
    );
    expect(JSON.parse(await readFile(path.join(dir, 'statuses.json'), 'utf8'))).toEqual([]);

    const imported = await runCli(
      [
        'import',
        'csv',
        'plain.csv',
        '--statuses',
        'statuses.json',
        '--publisher-name',
        'Commune de Test',
        '--updated',
        '2026-12-04T00:00:00Z',
      ],
      { cwd: dir },
    );
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toEqual(feed);
  });

  it('writes decimals with a comma in a French sheet, which French Excel would read as dates', async () => {
    const feed: Feed = {
      format: 'open-commitments/1',
      publisher: { name: 'Commune de Test', kind: 'municipality' },
      updated: '2026-12-04T00:00:00Z',
      languages: ['fr'],
      commitments: [
        {
          id: 'D1',
          title: 'Un engagement',
          status: 'limited',
          progress: 12.5,
          milestones: [{ title: 'Lot', weight: 1.5 }],
        },
      ],
    };
    await writeFile(path.join(dir, 'decimal.json'), JSON.stringify(feed));
    const exported = await runCli(
      ['export', 'csv', 'decimal.json', '--out', 'decimal.csv', '--milestones', 'decimal-m.csv'],
      { cwd: dir },
    );
    expect(exported.code, exported.stderr).toBe(0);
    const sheet = await readFile(path.join(dir, 'decimal.csv'), 'utf8');
    expect(sheet.split('\n')[1]).toBe('D1;Un engagement;Limité;12,5;;;;;;;;;;;');
    const milestones = await readFile(path.join(dir, 'decimal-m.csv'), 'utf8');
    expect(milestones.split('\n')[1]).toBe('D1;;Lot;;;1,5');

    const english = await runCli(['export', 'csv', 'decimal.json', '--lang', 'en'], { cwd: dir });
    expect(english.stdout.split('\n')[1]).toBe('D1,Un engagement,limited,12.5,,,,,,,,,,,');

    const imported = await runCli(
      [
        'import',
        'csv',
        'decimal.csv',
        '--milestones',
        'decimal-m.csv',
        '--publisher-name',
        'Commune de Test',
        '--updated',
        '2026-12-04T00:00:00Z',
      ],
      { cwd: dir },
    );
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toEqual(feed);
  });

  it('writes the values a reader would drop as the feed writes them, for the import to report', async () => {
    const feed = {
      format: 'open-commitments/1',
      publisher: { name: 'Commune de Test', kind: 'municipality' },
      updated: '2026-12-04T00:00:00Z',
      languages: ['en'],
      commitments: [
        { id: 'E1', title: 'One', status: 'limited', due: '30/06/2027' },
        { id: 'E2', title: 'Two', status: 'in-progress' },
        { id: 'E2', title: 'Two again', status: 'complete' },
      ],
    };
    await writeFile(path.join(dir, 'loose.json'), JSON.stringify(feed));
    const exported = await runCli(['export', 'csv', 'loose.json', '--out', 'loose.csv'], {
      cwd: dir,
    });
    expect(exported.code, exported.stderr).toBe(0);
    const rows = (await readFile(path.join(dir, 'loose.csv'), 'utf8')).split('\n');
    expect(rows.slice(1, 4)).toEqual([
      'E1,One,limited,,,30/06/2027,,,,,,,,,',
      'E2,Two,in-progress,,,,,,,,,,,,',
      'E2,Two again,complete,,,,,,,,,,,,',
    ]);
    const imported = await runCli(
      ['import', 'csv', 'loose.csv', '--publisher-name', 'Commune de Test'],
      { cwd: dir },
    );
    expect(imported.code).toBe(1);
    expect(imported.stderr).toContain('loose.csv: row 3, column C (status): unknown status');
    expect(imported.stderr).toMatch(/loose\.csv: row 4, column A \(id\): .*E2.*row 3/);
  });

  it('refuses to write a sheet without a value no cell can hold, naming its path', async () => {
    const feed = {
      format: 'open-commitments/1',
      publisher: { name: 'Commune de Test', kind: 'municipality' },
      updated: '2026-12-04T00:00:00Z',
      commitments: [{ id: 'E1', title: 'One', status: 'limited', due: { year: 2027 } }],
    };
    await writeFile(path.join(dir, 'nested.json'), JSON.stringify(feed));
    const exported = await runCli(['export', 'csv', 'nested.json', '--out', 'nested.csv'], {
      cwd: dir,
    });
    expect(exported.code).toBe(1);
    expect(exported.stderr).toContain(
      'error    nested.json: commitments[0].due: an object cannot go in a cell of the sheet; correct this value in the feed, then export again\n',
    );
    await expect(readFile(path.join(dir, 'nested.csv'), 'utf8')).rejects.toThrow();
  });
});
