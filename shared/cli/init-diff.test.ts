import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFeed } from '../feed/parse-feed.ts';
import type { Feed, FeedIssue } from '../feed/types.ts';
import { describeChange } from './diff.ts';
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

describe('init', () => {
  it.each(['fr', 'en'])(
    'writes a starter feed in %s that passes strict validation',
    async (lang) => {
      const ran = await runCli(['init', '--lang', lang, '--kind', 'university']);
      expect(ran.code).toBe(0);
      const result = parseFeed(ran.stdout, { mode: 'strict' });
      expect(result.ok ? [] : result.errors).toEqual([]);
      expect(result.ok && result.feed.publisher.kind).toBe('university');
      expect(ran.stderr).toContain('validate');
    },
  );

  it('explains itself on stderr, not inside the feed', async () => {
    const ran = await runCli(['init', '--lang', 'fr']);
    expect(ran.stderr).toContain('Étapes suivantes');
    expect(ran.stdout).not.toContain('$comment');
  });

  it('never replaces an existing file without --force', async () => {
    await writeFile(path.join(dir, 'existing.json'), 'mine');
    const ran = await runCli(['init', '--out', 'existing.json'], { cwd: dir });
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain('already exists');
    expect(await readFile(path.join(dir, 'existing.json'), 'utf8')).toBe('mine');
    expect((await runCli(['init', '--out', 'existing.json', '--force'], { cwd: dir })).code).toBe(
      0,
    );
  });

  it('never replaces a feed of real commitments, even with --force', async () => {
    const real = await readFile(path.join(ROOT, 'shared/feeds/valfleurie.json'), 'utf8');
    await writeFile(path.join(dir, 'real.json'), real);
    const ran = await runCli(['init', '--out', 'real.json', '--force'], { cwd: dir });
    expect(ran.code).toBe(2);
    expect(ran.stderr).toMatch(
      /real\.json: is a feed of \d+ commitments that are not init's examples/,
    );
    expect(ran.stderr).toContain('remove it first');
    expect(await readFile(path.join(dir, 'real.json'), 'utf8')).toBe(real);
  });

  it('never replaces a JSON object it cannot read, even with --force', async () => {
    const broken =
      '{ "format": "open-commitments/1", "publisher": { "name": "Valfleurie" } "plan": {} }';
    await writeFile(path.join(dir, 'broken.json'), broken);
    const ran = await runCli(['init', '--out', 'broken.json', '--force'], { cwd: dir });
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain('cannot be read');
    expect(await readFile(path.join(dir, 'broken.json'), 'utf8')).toBe(broken);
  });

  it('replaces its own starter feed with --force, as a second init in the other language', async () => {
    expect(
      (await runCli(['init', '--lang', 'fr', '--out', 'starter.json'], { cwd: dir })).code,
    ).toBe(0);
    const again = await runCli(['init', '--lang', 'en', '--out', 'starter.json', '--force'], {
      cwd: dir,
    });
    expect(again.code).toBe(0);
    const written = parseFeed(await readFile(path.join(dir, 'starter.json'), 'utf8'));
    expect(written.ok && written.feed.publisher.name).toEqual(expect.stringContaining('replace'));
  });

  it('refuses an unknown kind of publisher', async () => {
    const ran = await runCli(['init', '--kind', 'kingdom']);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain('municipality');
  });
});

describe('diff', () => {
  const source = path.join(ROOT, 'shared/feeds/valfleurie.json');

  async function changedCopy(): Promise<string> {
    const feed = JSON.parse(await readFile(source, 'utf8')) as Mutable<Feed>;
    const byId = (id: string) => feed.commitments.find((c) => c.id === id)!;
    byId('VF-01').status = 'en-travaux';
    byId('VF-06').due = '2028-06-30';
    byId('VF-06').status = 'limited';
    const vf03 = byId('VF-03');
    vf03.due = '2027-03-31';
    vf03.updates = [
      ...(vf03.updates ?? []),
      { date: '2026-12-03', note: 'Moulin: nouvelle date après relance du lot.' },
    ];
    vf03.interpellations![0]!.status = 'answered';
    vf03.interpellations![0]!.answer = { date: '2026-12-03', text: 'Livraison en mars 2027.' };
    vf03.interpellations!.push({
      id: 'I-2026-009',
      date: '2026-12-04',
      question: { fr: 'Où lire le cahier des charges ?', en: 'Where are the specifications?' },
      status: 'open',
    });
    feed.commitments = feed.commitments.filter((c) => c.id !== 'VF-08');
    feed.commitments.push({ id: 'VF-11', title: 'Nouvel engagement', status: 'not-started' });
    const file = path.join(dir, 'valfleurie-next.json');
    await writeFile(file, JSON.stringify(feed));
    return file;
  }

  it('names each commitment with its old and new values, and exits 1', async () => {
    const ran = await runCli(['diff', source, await changedCopy()]);
    expect(ran.code).toBe(1);
    expect(ran.stdout).toContain('+ VF-11  added: Nouvel engagement');
    expect(ran.stdout).toContain(
      '- VF-08  removed: Registre des algorithmes utilisés par la commune',
    );
    expect(ran.stdout).toMatch(
      /~ VF-01 .*\n {4}status: en-cours-de-marche \(limited\) -> en-travaux \(substantial\)/,
    );
    expect(ran.stdout).toMatch(/~ VF-06 .*\n {4}status: not-started -> limited\n/);
    expect(ran.stdout).toContain('answer published to I-2026-004 on 2026-12-03');
    expect(ran.stdout).toContain(
      'interpellation added: I-2026-009, asked on 2026-12-04: "Where are the specifications?"',
    );
  });

  it('flags a due date moved with no update explaining it, and not one that is explained', async () => {
    const ran = await runCli(['diff', source, await changedCopy()]);
    expect(ran.stdout).toContain(
      'due: 2027-12-31 -> 2028-06-30  [moved with no update explaining it]',
    );
    expect(ran.stdout).toMatch(/due: 2026-09-30 -> 2027-03-31\n/);
    expect(ran.stdout).toContain('due dates moved without explanation: VF-06\n');
  });

  it('prints the changes as JSON with --json', async () => {
    const ran = await runCli(['diff', source, await changedCopy(), '--json']);
    const diff = JSON.parse(ran.stdout) as {
      added: string[];
      removed: string[];
      changed: { id: string; changes: unknown[] }[];
    };
    expect(diff).toMatchObject({
      added: ['VF-11'],
      removed: ['VF-08'],
      warnings: { old: [], new: [] },
    });
    // A new interpellation carries when it was asked and its words, in every language given.
    expect(diff.changed.find((c) => c.id === 'VF-03')?.changes).toContainEqual({
      kind: 'interpellation-added',
      interpellationId: 'I-2026-009',
      date: '2026-12-04',
      question: { fr: 'Où lire le cahier des charges ?', en: 'Where are the specifications?' },
    });
  });

  it('gives with --json a removed due date as to: null', async () => {
    const feed = JSON.parse(await readFile(source, 'utf8')) as Mutable<Feed>;
    const vf01 = feed.commitments.find((c) => c.id === 'VF-01')!;
    const due = vf01.due;
    delete vf01.due;
    const file = path.join(dir, 'valfleurie-no-due.json');
    await writeFile(file, JSON.stringify(feed));
    const ran = await runCli(['diff', source, file, '--json']);
    const diff = JSON.parse(ran.stdout) as { changed: { id: string; changes: unknown[] }[] };
    expect(diff.changed.find((c) => c.id === 'VF-01')?.changes).toContainEqual({
      kind: 'due',
      from: due,
      to: null,
      explained: false,
    });
  });

  it('prints with --json, in English, the error of a feed it cannot read', async () => {
    const missing = await runCli(['diff', source, 'missing.json', '--json'], {
      cwd: dir,
      lang: 'fr',
    });
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.stdout)).toEqual({
      old: source,
      new: 'missing.json',
      readError: 'missing.json: no such file',
    });
    await writeFile(path.join(dir, 'cut.json'), '{"format": ');
    const cut = await runCli(['diff', source, 'cut.json', '--json'], { cwd: dir });
    expect(cut.code).toBe(2);
    expect(JSON.parse(cut.stdout)).toMatchObject({
      errors: { old: [], new: [{ path: '$', message: expect.stringMatching(/not valid JSON/) }] },
    });
  });

  it('gives with --json what readers skip or correct in either feed', async () => {
    const feed = JSON.parse(await readFile(source, 'utf8')) as Mutable<Feed>;
    feed.commitments[1]!.status = 'en-pause';
    const file = path.join(dir, 'valfleurie-unknown-status.json');
    await writeFile(file, JSON.stringify(feed));
    const ran = await runCli(['diff', source, file, '--json']);
    const { warnings } = JSON.parse(ran.stdout) as {
      warnings: { old: FeedIssue[]; new: FeedIssue[] };
    };
    expect(warnings.old).toEqual([]);
    expect(warnings.new.map((w) => w.path)).toEqual(['commitments[1].status']);
  });

  it('shows what a text became, in the language it changed in', async () => {
    const feed = JSON.parse(await readFile(source, 'utf8')) as Mutable<Feed>;
    const vf01 = feed.commitments.find((c) => c.id === 'VF-01')!;
    vf01.title = { fr: 'RŽnover les Žcoles', en: 'Publish every public contract as open data' };
    vf01.lead = 'Service des sports';
    const vf02 = feed.commitments.find((c) => c.id === 'VF-02')!;
    vf02.title = { ...(vf02.title as Record<string, string>), en: 'Participatory budget (edited)' };
    const file = path.join(dir, 'valfleurie-texts.json');
    await writeFile(file, JSON.stringify(feed));
    const ran = await runCli(['diff', source, file]);
    expect(ran.code).toBe(1);
    expect(ran.stdout).toContain(
      '    title changed\n      was: "Publier tous les marchés publics en données ouvertes"\n      now: "RŽnover les Žcoles"\n',
    );
    expect(ran.stdout).toMatch(
      / {4}lead changed\n {6}was: "[^"\n]+"\n {6}now: "Service des sports"\n/,
    );
    expect(ran.stdout).toMatch(
      / {4}title changed\n {6}was: en: "[^"\n]+"\n {6}now: en: "Participatory budget \(edited\)"\n/,
    );
  });

  it('shows a plan title changed in its second language whole, both languages', async () => {
    const feed = JSON.parse(await readFile(source, 'utf8')) as Mutable<Feed>;
    feed.plan!.title = { ...(feed.plan!.title as Record<string, string>), en: 'Open town plan' };
    const file = path.join(dir, 'valfleurie-retitled.json');
    await writeFile(file, JSON.stringify(feed));
    const ran = await runCli(['diff', source, file]);
    expect(ran.stdout).toContain(
      '~ feed  plan changed: title\n    title\n' +
        '      was: {"fr":"Plan d\'action pour une commune ouverte 2026-2028 (exemple fictif)","en":"Open town action plan 2026-2028 (fictional example)"}\n' +
        '      now: {"fr":"Plan d\'action pour une commune ouverte 2026-2028 (exemple fictif)","en":"Open town plan"}\n',
    );
  });

  it('reports every other edit a publisher makes, and exits 1', async () => {
    const feed = JSON.parse(await readFile(source, 'utf8')) as Mutable<Feed>;
    const vf01 = feed.commitments.find((c) => c.id === 'VF-01')!;
    vf01.lead = 'Service des sports';
    vf01.themes = ['sport'];
    vf01.updates = [];
    vf01.milestones = vf01.milestones!.slice(1);
    feed.publisher.name = 'Commune de Valfleurie';
    feed.site = ['https://valfleurie.example/*'];
    const file = path.join(dir, 'valfleurie-edited.json');
    await writeFile(file, JSON.stringify(feed));
    const ran = await runCli(['diff', source, file]);
    expect(ran.code).toBe(1);
    // What the rename and the new address will show, not only that they changed.
    expect(ran.stdout).toContain(
      '~ feed  publisher changed: name\n' +
        '    name\n' +
        '      was: "Commune de Valfleurie (fictive)"\n' +
        '      now: "Commune de Valfleurie"\n' +
        '~ feed  site changed\n' +
        '      was: "https://www.valfleurie.example/* | https://participer.valfleurie.example/*"\n' +
        '      now: "https://valfleurie.example/*"\n',
    );
    expect(ran.stdout).toMatch(/~ VF-01 [^\n]*\n( {4}.*\n)* {4}lead changed\n/);
    expect(ran.stdout).toContain('    themes changed\n');
    expect(ran.stdout).toContain('    milestone removed: ');
    expect(ran.stdout).toContain('    update removed, dated ');
    const json = JSON.parse((await runCli(['diff', source, file, '--json'])).stdout) as {
      feed: { field: string; keys?: string[] }[];
      changed: { id: string; changes: { kind: string; field?: string }[] }[];
    };
    expect(json.feed).toEqual([{ field: 'publisher', keys: ['name'] }, { field: 'site' }]);
    expect(json.changed[0]?.changes).toContainEqual({ kind: 'field', field: 'lead' });
  });

  it('prints a progress with one decimal at most', () => {
    expect(describeChange({ kind: 'progress', from: 0, to: 100 / 3 })).toBe(
      'progress: 0% -> 33.3%',
    );
  });

  it('warns when the new version is dated earlier than the old, as readers keep the old one', async () => {
    const feed = JSON.parse(await readFile(source, 'utf8')) as Mutable<Feed>;
    const earlier = '2026-11-01T09:00:00Z';
    expect(Date.parse(earlier)).toBeLessThan(Date.parse(feed.updated));
    const before = feed.updated;
    feed.updated = earlier;
    feed.commitments[0]!.status = 'complete';
    const file = path.join(dir, 'valfleurie-earlier.json');
    await writeFile(file, JSON.stringify(feed));
    const ran = await runCli(['diff', source, file]);
    expect(ran.code).toBe(1);
    expect(ran.stdout).toContain(
      `warning  the new feed's updated, ${earlier}, is earlier than the old one's, ${before}: dashboards and the extension that hold the old copy keep it for a day; move it forward.\n`,
    );
    // Dated later, as it should be: no warning.
    const later = await runCli(['diff', file, source]);
    expect(later.stdout).not.toContain('warning');
  });

  it('exits 0 and says so when nothing changed', async () => {
    const ran = await runCli(['diff', source, source]);
    expect(ran).toMatchObject({ code: 0, stdout: 'no change\n' });
  });

  it('exits 2 when a version cannot be read', async () => {
    expect((await runCli(['diff', source, path.join(dir, 'absent.json')])).code).toBe(2);
  });
});

describe('the installed command', () => {
  // Whatever the machine's locale, these read the English messages.
  const ENGLISH = { ...process.env, OPEN_COMMITMENTS_LANG: 'en' };

  it('runs through bin/open-commitments.js in a real process', async () => {
    const child = spawn(
      process.execPath,
      [path.join(ROOT, 'bin/open-commitments.js'), 'validate', 'shared/feeds/paris.json'],
      { cwd: ROOT, env: ENGLISH },
    );
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(stdout).toContain('shared/feeds/paris.json: valid, 8 commitments');
  });

  it('reads a feed from the standard input for -, once only', async () => {
    const run = async (
      args: string[],
    ): Promise<{ code: number | null; stdout: string; stderr: string }> => {
      const child = spawn(process.execPath, [path.join(ROOT, 'bin/open-commitments.js'), ...args], {
        cwd: ROOT,
        env: ENGLISH,
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.stdin.end(await readFile(path.join(ROOT, 'shared/feeds/paris.json')));
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      return { code, stdout, stderr };
    };
    const validated = await run(['validate', '-']);
    expect(validated.code).toBe(0);
    expect(validated.stdout).toContain('-: valid, 8 commitments');
    const compared = await run(['diff', '-', 'shared/feeds/paris.json']);
    expect(compared).toMatchObject({ code: 0, stdout: 'no change\n' });
    const twice = await run(['diff', '-', '-']);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toBe('error    -: the standard input can be read only once\n');
  });

  it('prints its version', async () => {
    const child = spawn(process.execPath, [
      path.join(ROOT, 'bin/open-commitments.js'),
      '--version',
    ]);
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const { version } = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    expect({ code, stdout }).toEqual({ code: 0, stdout: `${version}\n` });
  });

  it('ends with its own exit code and no stack trace when the reader closes the pipe', async () => {
    const child = spawn(
      process.execPath,
      [
        path.join(ROOT, 'bin/open-commitments.js'),
        'diff',
        'shared/feeds/fr-2018-2020.json',
        'shared/feeds/fr-2021-2023.json',
      ],
      { cwd: ROOT, env: ENGLISH },
    );
    // Like `| head -0`: nobody reads what it writes.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|Error|at /);
    expect(code).toBe(1);
  });
});
