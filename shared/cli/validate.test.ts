import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { open, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from './test-support.ts';

const BUNDLED = ['fr-2018-2020', 'fr-2021-2023', 'paris', 'valfleurie'];

async function valfleurie(): Promise<
  Record<string, unknown> & { commitments: Record<string, unknown>[] }
> {
  return JSON.parse(await readFile(path.join(ROOT, 'shared/feeds/valfleurie.json'), 'utf8'));
}

describe('validate', () => {
  let dir: string;
  let remove: () => Promise<void>;
  beforeAll(async () => ({ dir, remove } = await tempDir()));
  afterAll(async () => remove());

  it.each(BUNDLED)('accepts the bundled feed %s (exit 0)', async (name) => {
    const ran = await runCli(['validate', `shared/feeds/${name}.json`]);
    expect(ran.code, ran.stdout).toBe(0);
    expect(ran.stdout).toMatch(/: valid, \d+ commitments/);
  });

  it.each(BUNDLED)(
    'finds no date of the bundled feed %s outside its plan’s period',
    async (name) => {
      const ran = await runCli(['validate', `shared/feeds/${name}.json`, '--json']);
      expect((JSON.parse(ran.stdout) as { notes: unknown[] }).notes).toEqual([]);
      expect(ran.stdout).not.toContain('plan.period');
    },
  );

  it('notes each date of a commitment outside the plan’s period, at its path, without warning', async () => {
    const feed = await valfleurie();
    feed.plan = { ...(feed.plan as object), period: { start: '2026-03-01', end: '2027-03-31' } };
    await writeFile(path.join(dir, 'period.json'), JSON.stringify(feed));
    const ran = await runCli(['validate', 'period.json', '--today', '2026-12-05'], { cwd: dir });
    expect(ran.code).toBe(0);
    const notes = ran.stdout.split('\n').filter((line) => line.startsWith('note'));
    expect(notes).toContain(
      "note     commitments[0].start: VF-01: 2026-02-01 is before the plan's period starts (2026-03-01): check this date, or plan.period if the plan started earlier",
    );
    expect(notes).toContain(
      "note     commitments[2].milestones[2].due: VF-03: 2027-08-31 is after the plan's period ends (2027-03-31): check this date, or plan.period if the plan runs longer",
    );
    expect(
      notes
        .slice(0, -1)
        .every((line) =>
          /^note {5}commitments\[\d+\]\.(start|due|milestones\[\d+\]\.(due|done)|updates\[\d+\]\.date): /.test(
            line,
          ),
        ),
    ).toBe(true);
    // Ten at most, then how many more: --json gives every one.
    const all = await runCli(['validate', 'period.json', '--today', '2026-12-05', '--json'], {
      cwd: dir,
    });
    const { notes: listed } = JSON.parse(all.stdout) as { notes: { path: string }[] };
    expect(listed.length).toBe(13);
    expect(notes.length).toBe(11);
    expect(notes.at(-1)).toBe(
      "note     … and 3 more dates outside the plan's period (--json gives them all)",
    );
    expect(ran.stdout).toContain(`(0 errors, 4 warnings, ${listed.length} notes)`);
    const french = await runCli(['validate', 'period.json', '--today', '2026-12-05'], {
      cwd: dir,
      lang: 'fr',
    });
    expect(french.stdout.replaceAll('\u00a0', ' ')).toContain(
      'note      commitments[0].start : VF-01 : le 1er février 2026 tombe avant le début de la période du plan (le 1er mars 2026) : vérifiez cette date, ou plan.period si le plan a commencé plus tôt',
    );
    expect(french.stdout.replaceAll('\u00a0', ' ')).toContain(
      'note      … et 3 autres dates hors de la période du plan (--json les donne toutes)\n',
    );
  });

  it('warns about init’s made-up period like its other examples, and not about a real one', async () => {
    const ran = await runCli(['init', '--out', path.join(dir, 'start.json')]);
    expect(ran.code).toBe(0);
    const checked = await runCli(['validate', 'start.json', '--json'], { cwd: dir });
    const report = JSON.parse(checked.stdout) as { warnings: { path: string }[]; notes: unknown[] };
    expect(report.warnings.map((w) => w.path)).toContain('plan.period');
    expect(report.notes).toEqual([]);
    const french = await runCli(['validate', 'start.json'], { cwd: dir, lang: 'fr' });
    expect(french.stdout.replaceAll('\u00a0', ' ')).toContain(
      'attention plan.period : du « 2026-12-04 » au « 2028-12-03 » : une période d’exemple écrite par init ; remplacez-la par celle de votre plan\n',
    );
    // The same 730 days in a plan of the publisher's own (id and title replaced) are its own.
    const feed = JSON.parse(await readFile(path.join(dir, 'start.json'), 'utf8')) as {
      plan: Record<string, unknown>;
    };
    feed.plan = { ...feed.plan, id: 'PAGO-2026', title: 'Plan d’action 2026-2028' };
    await writeFile(path.join(dir, 'own-plan.json'), JSON.stringify(feed));
    const own = await runCli(['validate', 'own-plan.json'], { cwd: dir });
    expect(own.stdout).not.toContain('plan.period');
  });

  it('warns about a passed due date, an overdue interpellation, and says so without failing', async () => {
    const ran = await runCli(['validate', 'shared/feeds/valfleurie.json']);
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain('warning  commitments[4].due: VF-05: due 2026-03-31 has passed');
    expect(ran.stdout).toContain(
      'interpellation I-2026-004 asked 2026-10-01 is still open, 34 days',
    );
    expect(ran.stdout).not.toContain('I-2026-008');
  });

  it('counts one day overdue in the singular', async () => {
    const ran = await runCli(['validate', 'shared/feeds/valfleurie.json', '--today', '2026-12-05']);
    expect(ran.stdout).toContain(
      'interpellation I-2026-008 asked 2026-11-04 is still open, 1 day past the promised 30 days\n',
    );
  });

  it('warns when "updated" is older than the newest update', async () => {
    const feed = await valfleurie();
    feed.updated = '2026-06-01T00:00:00Z';
    await writeFile(path.join(dir, 'stale.json'), JSON.stringify(feed));
    const ran = await runCli(['validate', 'stale.json'], { cwd: dir });
    expect(ran.code).toBe(0);
    expect(ran.stdout).toMatch(
      /warning {2}updated: "updated" \(2026-06-01T00:00:00Z\) is older than the newest entry \(VF-10, 2026-11-27\)/,
    );
  });

  it('warns when the newest update gives a status or progress the commitment does not show', async () => {
    const feed = await valfleurie();
    const vf09 = feed.commitments[8] as { updates: Record<string, unknown>[] };
    vf09.updates.push({ date: '2026-11-02', status: 'en-travaux', progress: 80, note: 'Reprise.' });
    await writeFile(path.join(dir, 'behind.json'), JSON.stringify(feed));
    const ran = await runCli(['validate', 'behind.json'], { cwd: dir });
    expect(ran.code).toBe(0);
    expect(ran.stdout.split('\n').filter((line) => line.includes('newest update'))).toEqual([
      "warning  commitments[8].status: VF-09: the newest update (2026-11-02) gives the status en-travaux, the commitment complete; readers show complete: set the commitment's status too",
      "warning  commitments[8].progress: VF-09: the newest update (2026-11-02) gives a progress of 80%, the commitment 100%; readers show 100%: set the commitment's progress too",
    ]);
  });

  it('warns when the progress contradicts the status, complete below 100% or not started above 0%', async () => {
    const feed = await valfleurie();
    const [first, second, third] = feed.commitments;
    Object.assign(first!, { status: 'complete', progress: 0 });
    Object.assign(second!, { status: 'not-started', progress: 100 });
    // Progress from milestones: one of two done.
    Object.assign(third!, {
      status: 'complete',
      progress: undefined,
      milestones: [
        { title: 'Lot 1', done: '2026-01-10' },
        { title: 'Lot 2', due: '2026-06-30' },
      ],
    });
    await writeFile(path.join(dir, 'contradicts.json'), JSON.stringify(feed));
    const ran = await runCli(['validate', 'contradicts.json'], { cwd: dir });
    expect(ran.code).toBe(0);
    expect(ran.stdout.split('\n').filter((line) => line.includes('readers show both'))).toEqual([
      'warning  commitments[0].progress: VF-01: the status is complete and the progress 0%; readers show both: set the progress to 100',
      'warning  commitments[1].progress: VF-02: the status is not-started and the progress 100%; readers show both: set a status under way, or the progress to 0',
      'warning  commitments[2].status: VF-03: the status is complete and the progress 50%; readers show both: set the progress to 100',
    ]);
    // The bundled feeds agree with themselves.
    const own = await runCli(['validate', 'shared/feeds/valfleurie.json']);
    expect(own.stdout).not.toContain('readers show both');
  });

  it('warns about dates that contradict each other and entries listed twice', async () => {
    const feed = await valfleurie();
    feed.languages = ['fr', 'en', 'fr'];
    Object.assign(feed.commitments[0]!, {
      start: '2027-07-01',
      themes: ['Open Data', 'Open Data'],
    });
    const [answered] = feed.commitments[0]!.interpellations as Record<string, unknown>[];
    answered!.answer = { ...(answered!.answer as object), date: '2026-05-01' };
    const [later] = feed.commitments[4]!.interpellations as Record<string, unknown>[];
    later!.answer = { ...(later!.answer as object), date: '2026-12-20' };
    const [open] = feed.commitments[9]!.interpellations as Record<string, unknown>[];
    open!.date = '2026-12-24';
    await writeFile(path.join(dir, 'contradicting-dates.json'), JSON.stringify(feed));
    const ran = await runCli(['validate', 'contradicting-dates.json', '--today', '2026-12-05'], {
      cwd: dir,
    });
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain('warning  languages[2]: "fr" is listed twice\n');
    expect(ran.stdout).toContain(
      'warning  commitments[0].themes[1]: VF-01: the theme "Open Data" is listed twice\n',
    );
    expect(ran.stdout).toContain(
      'warning  commitments[0].start: VF-01: starts 2027-07-01, after it is due (2027-06-30); readers show both: check the two dates\n',
    );
    expect(ran.stdout).toContain(
      'warning  commitments[0].interpellations[0].answer.date: VF-01: interpellation I-2026-001 answered 2026-05-01, before it was asked (2026-05-12); readers leave it out of the median time to answer: check the two dates\n',
    );
    expect(ran.stdout).toContain(
      'warning  commitments[4].interpellations[0].answer.date: VF-05: interpellation I-2026-003 answered in the future (2026-12-20)\n',
    );
    expect(ran.stdout).toContain(
      'warning  commitments[9].interpellations[0].date: VF-10: interpellation I-2026-008 asked in the future (2026-12-24)\n',
    );
    // The bundled feed has none of these.
    const own = await runCli(['validate', 'shared/feeds/valfleurie.json']);
    expect(own.stdout).not.toMatch(
      /listed twice|after it is due|before it was asked|in the future/,
    );
  });

  it('warns about a pattern for every site, or every site under a public suffix, at its path', async () => {
    const feed = await valfleurie();
    feed.site = ['*://*.fr/*', 'https://www.valfleurie.example/*', 'https://*.github.io/*'];
    feed.commitments[0]!.pages = ['https://*.gouv.fr/marches/*', 'https://*/open-data/*'];
    await writeFile(path.join(dir, 'wide.json'), JSON.stringify(feed));
    const ran = await runCli(['validate', 'wide.json'], { cwd: dir });
    expect(ran.code).toBe(0);
    const ignored = ran.stdout.split('\n').filter((line) => line.includes('ignores it'));
    expect(ignored).toEqual([
      'warning  site[0]: "*://*.fr/*" names every site ending in .fr, which many owners share: the browser extension ignores it; name your own site instead, such as *://*.your-site.fr/*',
      'warning  site[2]: "https://*.github.io/*" names every site ending in .github.io, which many owners share: the browser extension ignores it; name your own site instead, such as https://*.your-site.github.io/*',
      'warning  commitments[0].pages[0]: VF-01: "https://*.gouv.fr/marches/*" names every site ending in .gouv.fr, which many owners share: the browser extension ignores it; name your own site instead, such as https://*.your-site.gouv.fr/marches/*',
      'warning  commitments[0].pages[1]: VF-01: "https://*/open-data/*" names every site: the browser extension ignores it; name your own site instead, such as https://www.your-site.fr/open-data/*',
    ]);
  });

  it('reports each error with its JSON path and a hint, and exits 1', async () => {
    const feed = await valfleurie();
    feed.commitments[0]!.status = 'en-retard';
    feed.commitments[1]!.due = '2023-02-30';
    feed.commitments[2]!.url = 'data:text/html,hello';
    await writeFile(path.join(dir, 'bad.json'), JSON.stringify(feed));
    const ran = await runCli(['validate', 'bad.json'], { cwd: dir });
    expect(ran.code).toBe(1);
    expect(ran.stdout).toMatch(/error {4}commitments\[0\]\.status: .*\n {9}hint: Use a category/);
    expect(ran.stdout).toMatch(
      /error {4}commitments\[1\]\.due: .*\n {9}hint: Write dates as YYYY-MM-DD/,
    );
    expect(ran.stdout).toMatch(
      /error {4}commitments\[2\]\.url: .*\n {9}hint: Links must be absolute/,
    );
    expect(ran.stdout).toMatch(/bad\.json: invalid \(\d+ errors/);
  });

  it('hints at the limit, not at how to write the field, for a value over a limit', async () => {
    const over = async (
      name: string,
      change: (feed: Awaited<ReturnType<typeof valfleurie>>) => void,
    ) => {
      const feed = await valfleurie();
      change(feed);
      await writeFile(path.join(dir, `${name}.json`), JSON.stringify(feed));
      const ran = await runCli(['validate', `${name}.json`], { cwd: dir });
      expect(ran.code).toBe(1);
      return ran.stdout.split('\n').slice(0, 2);
    };
    expect(
      await over('long-title', (feed) => (feed.commitments[0]!.title = 'x'.repeat(20_001))),
    ).toEqual([
      'error    commitments[0].title: text of 20001 characters exceeds the limit of 20000',
      '         hint: Shorten this text: past the limit, readers refuse the whole feed.',
    ]);
    expect(
      await over(
        'long-url',
        (feed) => (feed.commitments[0]!.url = `https://example.org/${'a'.repeat(20_000)}`),
      ),
    ).toEqual([
      'error    commitments[0].url: text of 20020 characters exceeds the limit of 20000',
      '         hint: Shorten this text: past the limit, readers refuse the whole feed.',
    ]);
    expect(
      await over('many', (feed) => {
        feed.commitments = Array.from({ length: 50_001 }, (_, i) => ({
          id: `E${i}`,
          title: 'Un engagement',
          status: 'complete',
        }));
      }),
    ).toEqual([
      'error    commitments: 50001 commitments exceed the limit of 50000',
      '         hint: Split the commitments across several feeds, for instance one per action plan.',
    ]);
  });

  it("gives the feed's spelling of a status or date written as in the spreadsheet", async () => {
    const feed = await valfleurie();
    feed.commitments[0]!.status = 'Limité';
    feed.commitments[1]!.due = '31/12/2027';
    await writeFile(path.join(dir, 'sheet-words.json'), JSON.stringify(feed));
    const ran = await runCli(['validate', 'sheet-words.json'], { cwd: dir });
    expect(ran.code).toBe(1);
    expect(ran.stdout).toMatch(
      /error {4}commitments\[0\]\.status: .*\n {9}hint: Write the category's code in a feed: "limited" \(its French or English name is read only from a spreadsheet\)\.\n/,
    );
    expect(ran.stdout).toMatch(
      /error {4}commitments\[1\]\.due: .*\n {9}hint: Write dates as YYYY-MM-DD in a feed: "2027-12-31"\.\n/,
    );
  });

  it("gives the number for a progress written as text, and the key for a status's label", async () => {
    const feed = await valfleurie();
    feed.commitments[0]!.progress = '45 %';
    feed.commitments[1]!.progress = '12,5';
    feed.commitments[2]!.status = 'Tender under way';
    await writeFile(path.join(dir, 'sheet-values.json'), JSON.stringify(feed));
    const ran = await runCli(['validate', 'sheet-values.json'], { cwd: dir });
    expect(ran.code).toBe(1);
    expect(ran.stdout).toContain(
      'error    commitments[0].progress: expected a number from 0 to 100, got "45 %"\n         hint: Write the number itself in a feed, without quotes or %: 45.\n',
    );
    expect(ran.stdout).toContain(
      'hint: Write the number itself in a feed, without quotes or %: 12.5.\n',
    );
    expect(ran.stdout).toMatch(
      /error {4}commitments\[2\]\.status: unknown status "Tender under way".*\n {9}hint: Write the key of your status in a feed: "en-cours-de-marche" \(its label is read only from a spreadsheet\)\.\n/,
    );
  });

  it('points a commitment whose own status is unknown back to the broken definition of it', async () => {
    const feed = await valfleurie();
    // The first definition, "en-preparation" (used by VF-10), names no known category.
    const statuses = feed.statuses as Record<string, unknown>[];
    statuses[0]!.category = 'preparing';
    await writeFile(path.join(dir, 'broken-status.json'), JSON.stringify(feed));
    const ran = await runCli(['validate', 'broken-status.json'], { cwd: dir });
    expect(ran.code).toBe(1);
    expect(ran.stdout).toMatch(/error {4}statuses\[0\]\.category: /);
    expect(ran.stdout).toMatch(
      /error {4}commitments\[9\]\.status: unknown status "en-preparation".*\n {9}hint: If it is one of your own statuses, fix its definition first: statuses\[0\] has an error above\.\n/,
    );
    // A status that is none of the broken definitions' keys gets the general hint.
    feed.commitments[0]!.status = 'en-travaux-typo';
    await writeFile(path.join(dir, 'broken-status-and-typo.json'), JSON.stringify(feed));
    const typo = await runCli(['validate', 'broken-status-and-typo.json'], { cwd: dir });
    expect(typo.stdout).toMatch(
      /error {4}commitments\[0\]\.status: unknown status "en-travaux-typo".*\n {9}hint: Use a category /,
    );
    expect(typo.stdout).toMatch(/commitments\[9\]\.status: .*\n {9}hint: If it is one of your own/);
    // With every definition sound, an unknown status gets the general hint.
    feed.statuses = [];
    await writeFile(path.join(dir, 'no-statuses.json'), JSON.stringify(feed));
    const general = await runCli(['validate', 'no-statuses.json'], { cwd: dir });
    expect(general.stdout).toMatch(
      /error {4}commitments\[9\]\.status: .*\n {9}hint: Use a category /,
    );
  });

  it('says that a spreadsheet workbook is not a feed, rather than blame its encoding (exit 2)', async () => {
    await writeFile(
      path.join(dir, 'engagements.xlsx'),
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0xe9, 0x9c]),
    );
    const ran = await runCli(['validate', 'engagements.xlsx'], { cwd: dir });
    expect(ran).toMatchObject({
      code: 2,
      stderr:
        'error    engagements.xlsx: a spreadsheet workbook, not a feed: save its sheet as "CSV UTF-8 (comma delimited)" (File > Save As), then import csv turns it into a feed\n',
    });
    expect(ran.stdout).not.toContain('UTF-8 text');
  });

  it('says so when - names a standard input it does not have', async () => {
    const ran = await runCli(['validate', '-']);
    expect(ran).toMatchObject({
      code: 2,
      stderr: 'error    -: there is no standard input to read\n',
    });
  });

  it('prints a JSON report with --json', async () => {
    await writeFile(
      path.join(dir, 'wrong-format.json'),
      JSON.stringify({ format: 'open-commitments/2' }),
    );
    const ran = await runCli(['validate', 'wrong-format.json', '--json'], { cwd: dir });
    expect(ran.code).toBe(1);
    const report = JSON.parse(ran.stdout) as {
      valid: boolean;
      errors: { path: string; hint?: string }[];
    };
    expect(report.valid).toBe(false);
    expect(report.errors[0]).toMatchObject({
      path: 'format',
      hint: expect.stringContaining('open-commitments/1'),
    });
  });

  it.each([
    [
      'a spreadsheet given instead of the feed',
      'engagements.csv',
      Buffer.from('id;titre;statut\r\nE1;Un;Limité\r\n', 'latin1'),
      'This is a spreadsheet, not a feed: import csv turns it into one (see the guide).',
    ],
    [
      'a feed saved as Windows-1252 by Notepad',
      'ansi.json',
      Buffer.from('{"format": "open-commitments/1", "publisher": {"name": "Société"}}', 'latin1'),
      'Save the file as UTF-8: it was saved in another encoding, such as Windows-1252 ("ANSI" in Notepad).',
    ],
    [
      'a feed that Windows PowerShell wrote as UTF-16',
      'utf16.json',
      Buffer.from('\uFEFF{"format": "open-commitments/1"}', 'utf16le'),
      'This file is UTF-16, as Windows PowerShell\'s ">" writes it: give the commands --out FILE rather than "> FILE", or save it as UTF-8.',
    ],
    [
      'texts between typographic quotes',
      'quotes.json',
      Buffer.from('{\n  "format": «open-commitments/1»\n}'),
      'Put texts between straight quotes "…": a word processor turns them into « » or “ ”, which JSON does not read.',
    ],
  ])('tells what to do with %s', async (_case, name, bytes, hint) => {
    await writeFile(path.join(dir, name), bytes);
    const ran = await runCli(['validate', name], { cwd: dir });
    expect(ran.code).toBe(2);
    expect(ran.stdout).toContain(`\n         hint: ${hint}\n`);
  });

  it('refuses a key written twice, which JSON would read as the last one, and flags HTML in a text', async () => {
    const feed = (await readFile(path.join(ROOT, 'shared/feeds/valfleurie.json'), 'utf8'))
      .replace('"kind": "municipality"', '"kind": "municipality", "kind": "state"')
      .replace(/"fr": "([^"]*)"/, '"fr": "<b>$1</b>"');
    await writeFile(path.join(dir, 'twice.json'), feed);
    const line = feed.slice(0, feed.indexOf('"kind": "state"')).split('\n').length;
    const ran = await runCli(['validate', 'twice.json', '--json'], { cwd: dir });
    expect(ran.code).toBe(1);
    const report = JSON.parse(ran.stdout) as {
      errors: { path: string; message: string }[];
      warnings: { path: string; message: string }[];
    };
    expect(report.errors).toEqual([
      {
        path: 'publisher.kind',
        message: `key "kind" written twice in this object, on line ${line} (first on line ${line}): JSON keeps only the last one; remove one of them`,
      },
    ]);
    expect(report.warnings).toContainEqual({
      path: expect.stringMatching(/\.fr$/) as string,
      message: expect.stringContaining('"<b>" looks like an HTML tag') as string,
    });
    const french = await runCli(['validate', 'twice.json'], { cwd: dir, lang: 'fr' });
    expect(french.stdout).toContain(
      `erreur    publisher.kind\u00a0: clé «\u00a0kind\u00a0» en double dans cet objet, à la ligne ${line}`,
    );
    expect(french.stdout).toContain('«\u00a0<b>\u00a0» ressemble à une balise HTML');
  });

  it('quotes the redirection in the UTF-16 hint the French way', async () => {
    await writeFile(
      path.join(dir, 'utf16.json'),
      Buffer.from('\uFEFF{"format": "open-commitments/1"}', 'utf16le'),
    );
    const ran = await runCli(['validate', 'utf16.json'], { cwd: dir, lang: 'fr' });
    expect(ran.stdout).toContain(
      'piste\u00a0: Ce fichier est en UTF-16, comme l’écrit le «\u00a0>\u00a0» de Windows PowerShell\u00a0: donnez aux commandes --out FICHIER plutôt que «\u00a0> FICHIER\u00a0», ou enregistrez-le en UTF-8.\n',
    );
  });

  it.each([
    [
      'a comment',
      '{\n  "format": "open-commitments/1", // v1\n}',
      'line 2, column 35; JSON has no comments: remove the comment (// … or /* … */)',
    ],
    [
      'single quotes',
      "{\n  'format': 'open-commitments/1'\n}",
      'line 2, column 3; JSON puts names and texts between double quotes "…", not single ones',
    ],
    [
      'a decimal comma',
      '{\n  "progress": 45,5\n}',
      'line 2, column 18; a decimal number takes a point in JSON: 45.5',
    ],
  ])('says how to fix %s in a hand-edited feed', async (_case, text, note) => {
    await writeFile(path.join(dir, 'hand.json'), text);
    const ran = await runCli(['validate', 'hand.json'], { cwd: dir });
    expect(ran.code).toBe(2);
    expect(ran.stdout).toContain(note);
  });

  it('hints at the list for a single value, and at the time for a day-only updated', async () => {
    const feed = await valfleurie();
    feed.languages = 'fr';
    feed.commitments[0]!.themes = 'Open Data';
    feed.updated = '2026-12-05';
    await writeFile(path.join(dir, 'single.json'), JSON.stringify(feed));
    const ran = await runCli(['validate', 'single.json'], { cwd: dir });
    expect(ran.code).toBe(1);
    expect(ran.stdout).toContain(
      'error    languages: expected an array of language tags, got "fr"\n         hint: A list, even of one value: ["fr"].\n',
    );
    expect(ran.stdout).toContain('hint: A list, even of one value: ["Open Data"].\n');
    expect(ran.stdout).toContain(
      'hint: Add the time and its offset to the day: "2026-12-05T00:00:00Z".\n',
    );
  });

  it('warns about text decoded with the wrong encoding', async () => {
    const feed = await valfleurie();
    feed.commitments[0]!.title = 'Publier les marchÃ©s publics';
    feed.commitments[1]!.lead = 'Direction\u0092s';
    await writeFile(path.join(dir, 'garbled.json'), JSON.stringify(feed));
    const ran = await runCli(['validate', 'garbled.json'], { cwd: dir });
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain(
      'warning  commitments[0].title: "er les marchÃ©s publics" looks decoded with the wrong encoding (é shown as Ã©, ’ as â€™): fix the text, or import the sheet again saved as UTF-8\n',
    );
    expect(ran.stdout).toContain('warning  commitments[1].lead: "Direction\\u0092s" looks decoded');
    for (const name of ['valfleurie', 'paris', 'fr-2021-2023', 'fr-2018-2020']) {
      const bundled = await runCli(['validate', path.join(ROOT, `shared/feeds/${name}.json`)]);
      expect(bundled.stdout).not.toContain('wrong encoding');
    }
  });

  it('warns that a page pattern without * matches one exact address only', async () => {
    const feed = await valfleurie();
    feed.commitments[0]!.pages = ['https://www.valfleurie.example/marches-publics'];
    await writeFile(path.join(dir, 'exact.json'), JSON.stringify(feed));
    const ran = await runCli(['validate', 'exact.json'], { cwd: dir });
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain(
      'warning  commitments[0].pages[0]: VF-01: "https://www.valfleurie.example/marches-publics" matches that exact address only, not with a final /, a ?query or the pages under it: end it with * to include them (https://www.valfleurie.example/marches-publics*)\n',
    );
    const bundled = await runCli(['validate', path.join(ROOT, 'shared/feeds/valfleurie.json')]);
    expect(bundled.stdout).not.toContain('exact address');
  });

  it('says that a web page is not a feed', async () => {
    const page = (async () =>
      new Response('<!doctype html><title>Page introuvable</title>', {
        headers: { 'content-type': 'text/html' },
      })) as typeof fetch;
    const ran = await runCli(['validate', 'https://www.example.org/engagement.json'], {
      fetch: page,
    });
    expect(ran.code).toBe(2);
    expect(ran.stdout).toContain(
      "error    $: the feed is not valid JSON: Unexpected token '<' at line 1, column 1\n         hint: This is HTML, not a feed: check the address or the file (a server may answer a missing file with a web page).\n",
    );
  });

  it('exits 2 on text that is not JSON, as on a file it cannot read', async () => {
    await writeFile(path.join(dir, 'not.json'), '{"format": ');
    const ran = await runCli(['validate', 'not.json'], { cwd: dir });
    expect(ran.code).toBe(2);
    expect(ran.stdout).toContain('not.json: unreadable (1 error, 0 warnings)\n');
    await writeFile(path.join(dir, 'empty.json'), '');
    expect((await runCli(['validate', 'empty.json', '--json'], { cwd: dir })).code).toBe(2);
  });

  it('gives with --json, in English, why a file cannot be read', async () => {
    const ran = await runCli(['validate', 'missing.json', '--json'], { cwd: dir, lang: 'fr' });
    expect(ran.code).toBe(2);
    expect(JSON.parse(ran.stdout)).toEqual({
      source: 'missing.json',
      valid: false,
      readError: 'missing.json: no such file',
    });
  });

  it('names the line and column of a JSON syntax error', async () => {
    await writeFile(path.join(dir, 'comma.json'), '{\n  "format": "open-commitments/1",,\n}\n');
    const ran = await runCli(['validate', 'comma.json'], { cwd: dir });
    expect(ran.code).toBe(2);
    expect(ran.stdout).toMatch(/not valid JSON: .* at line 2, column 34\n/);
    expect(ran.stdout).not.toContain('position');
  });

  it('names the line and column of a comma before a closing bracket, and says to remove it', async () => {
    const text = [
      '{',
      '  "format": "open-commitments/1",',
      '  "languages": [',
      '    "fr",',
      '  ],',
      '  "commitments": []',
      '}',
    ].join('\n');
    await writeFile(path.join(dir, 'trailing.json'), text);
    const ran = await runCli(['validate', 'trailing.json'], { cwd: dir });
    expect(ran.code).toBe(2);
    expect(ran.stdout).toContain(
      "error    $: the feed is not valid JSON: Unexpected token ']' at line 5, column 3; remove the comma before it: JSON allows none after the last item\n",
    );
  });

  it('gives the real size of a feed over 20 MiB, without a hint, and exits 2 like a CSV', async () => {
    // A sparse file: its size is on disk without its bytes.
    const handle = await open(path.join(dir, 'huge.json'), 'w');
    await handle.truncate(30_367_522);
    await handle.close();
    const ran = await runCli(['validate', 'huge.json'], { cwd: dir });
    expect(ran).toMatchObject({
      code: 2,
      stdout: '',
      stderr:
        'error    huge.json: 30,367,522 bytes, larger than the limit of 20 MiB (20,971,520 bytes)\n',
    });
    const csv = await runCli(['import', 'csv', 'huge.json'], { cwd: dir });
    expect(csv.code).toBe(2);
    expect(csv.stderr).toContain('huge.json: 30,367,522 bytes, larger than the limit');
  });

  it('stops reading an endless answer at the limit and exits 2', async () => {
    const endless = (async () =>
      new Response(
        new ReadableStream({
          pull: (controller) => controller.enqueue(new Uint8Array(64 * 1024).fill(32)),
        }),
      )) as typeof fetch;
    const ran = await runCli(['validate', 'https://www.example.org/endless.json'], {
      fetch: endless,
    });
    expect(ran.code).toBe(2);
    expect(ran.stderr).toBe(
      'error    https://www.example.org/endless.json: larger than the limit of 20 MiB (20,971,520 bytes); stopped reading there\n',
    );
  });

  it('exits 2 when the file does not exist', async () => {
    const ran = await runCli(['validate', 'nowhere.json'], { cwd: dir });
    expect(ran.code).toBe(2);
    expect(ran.stderr).toContain('nowhere.json: no such file');
  });

  it('asks which import or export is meant when a file comes right after the command', async () => {
    const ran = await runCli(['import', 'engagements.csv']);
    expect(ran).toMatchObject({
      code: 2,
      stderr:
        'error: import what? write "import csv engagements.csv" (the spreadsheet template) or "import decidim engagements.csv" (a Decidim export)\n(add --help for usage)\n',
    });
    const exported = await runCli(['export', 'engagements.json']);
    expect(exported.code).toBe(2);
    expect(exported.stderr).toContain('write "export csv engagements.json"');
  });

  it('exits 2 on a usage error', async () => {
    expect((await runCli(['validate'])).code).toBe(2);
    expect((await runCli(['frobnicate'])).code).toBe(2);
    expect((await runCli([])).code).toBe(2);
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('validate');
  });

  it.each([
    [['help'], 'Usage: open-commitments [options] [command]'],
    [['help', 'validate'], 'Usage: open-commitments validate [options] <source>'],
    [['import', 'help', 'csv'], 'Usage: open-commitments import csv [options] <file>'],
  ])('prints the help asked for by %j and exits 0', async (argv, usage) => {
    const ran = await runCli(argv);
    expect(ran.stdout).toContain(usage);
    expect(ran.code).toBe(0);
  });

  describe('in French', () => {
    const fr = { lang: 'fr' } as const;

    it('says that a bundled feed is valid, and how many commitments it has', async () => {
      const ran = await runCli(['validate', 'shared/feeds/paris.json'], fr);
      expect(ran).toMatchObject({
        code: 0,
        stdout:
          'shared/feeds/paris.json\u00a0: valide, 8 engagements (0 erreur, 0 avertissement)\n',
      });
    });

    it('words each warning in French, with French dates and the French name of the category', async () => {
      const ran = await runCli(['validate', 'shared/feeds/valfleurie.json'], fr);
      expect(ran.code).toBe(0);
      expect(ran.stdout.split('\n')).toEqual([
        'attention commitments[1].interpellations[0]\u00a0: VF-02\u00a0: l’interpellation I-2026-006 posée le 15 septembre 2026 est toujours sans réponse, 50 jours au-delà du délai promis de 30 jours',
        'attention commitments[2].interpellations[0]\u00a0: VF-03\u00a0: l’interpellation I-2026-004 posée le 1er octobre 2026 est toujours sans réponse, 34 jours au-delà du délai promis de 30 jours',
        'attention commitments[4].due\u00a0: VF-05\u00a0: l’échéance du 31 mars 2026 est passée et le statut est toujours «\u00a0Limité\u00a0» (limited)\u00a0: mettez le statut à jour, ou repoussez l’échéance par une mise à jour qui explique pourquoi',
        'shared/feeds/valfleurie.json\u00a0: valide, 10 engagements (0 erreur, 3 avertissements)',
        '',
      ]);
    });

    it('words the warnings of a feed that contradicts itself, and counts one day in the singular', async () => {
      const feed = await valfleurie();
      feed.languages = ['fr', 'en', 'fr'];
      feed.site = ['*://*.fr/*'];
      Object.assign(feed.commitments[0]!, {
        start: '2027-07-01',
        status: 'complete',
        progress: 40,
      });
      feed.commitments[1]!.title = 'Publier les marchÃ©s publics';
      await writeFile(path.join(dir, 'contradictions.json'), JSON.stringify(feed));
      const ran = await runCli(['validate', 'contradictions.json', '--today', '2026-12-05'], {
        ...fr,
        cwd: dir,
      });
      expect(ran.code).toBe(0);
      const lines = ran.stdout.split('\n');
      expect(lines).toEqual(
        expect.arrayContaining([
          'attention languages[2]\u00a0: «\u00a0fr\u00a0» figure deux fois',
          'attention site[0]\u00a0: «\u00a0*://*.fr/*\u00a0» désigne tous les sites en .fr, que se partagent de nombreux propriétaires\u00a0: l’extension de navigateur l’ignore\u00a0; désignez plutôt votre propre site, par exemple *://*.votre-site.fr/*',
          'attention commitments[0].start\u00a0: VF-01\u00a0: commence le 1er juillet 2027, après son échéance (le 30 juin 2027)\u00a0; les lecteurs affichent les deux\u00a0: vérifiez les deux dates',
          'attention commitments[0].progress\u00a0: VF-01\u00a0: le statut est «\u00a0Terminé\u00a0» (complete) et l’avancement de 40\u00a0%\u00a0; les lecteurs affichent les deux\u00a0: mettez l’avancement à 100',
          'attention commitments[0].progress\u00a0: VF-01\u00a0: la dernière mise à jour (5 octobre 2026) donne un avancement de 30\u00a0%, l’engagement 40\u00a0%\u00a0; les lecteurs affichent 40\u00a0%\u00a0: changez aussi l’avancement de l’engagement',
          'attention commitments[9].interpellations[0]\u00a0: VF-10\u00a0: l’interpellation I-2026-008 posée le 4 novembre 2026 est toujours sans réponse, 1 jour au-delà du délai promis de 30 jours',
          'attention commitments[1].title\u00a0: «\u00a0er les marchÃ©s publics\u00a0» semble décodé avec le mauvais encodage (é affiché Ã©, ’ affiché â€™)\u00a0: corrigez le texte, ou importez à nouveau le tableur enregistré en UTF-8',
        ]),
      );
      expect(ran.stdout).not.toMatch(/\b(warning|hint|the|is|readers)\b/);
    });

    it('gives each error and its hint in French, and the count of errors', async () => {
      const feed = await valfleurie();
      feed.languages = 'fr';
      feed.commitments[0]!.status = 'Limité';
      feed.commitments[1]!.due = '31/12/2027';
      feed.commitments[2]!.url = 'data:text/html,hello';
      await writeFile(path.join(dir, 'mauvais.json'), JSON.stringify(feed));
      const ran = await runCli(['validate', 'mauvais.json'], { ...fr, cwd: dir });
      expect(ran.code).toBe(1);
      expect(ran.stdout.split('\n')).toEqual([
        'erreur    languages\u00a0: attendu\u00a0: une liste de codes de langue\u00a0; trouvé\u00a0: «\u00a0fr\u00a0»',
        '          piste\u00a0: Une liste, même d’une seule valeur\u00a0: ["fr"].',
        'erreur    commitments[0].status\u00a0: statut inconnu «\u00a0Limité\u00a0»\u00a0; statuts connus\u00a0: not-started, limited, substantial, complete, withdrawn, unknown, en-preparation, en-cours-de-marche, vote-en-conseil, en-travaux, livre, abandonne, a-evaluer',
        '          piste\u00a0: Dans un flux, écrivez le code de la catégorie\u00a0: «\u00a0limited\u00a0» (son nom en français ou en anglais n’est lu que dans un tableur).',
        'erreur    commitments[1].due\u00a0: attendu\u00a0: une date AAAA-MM-JJ qui existe dans le calendrier\u00a0; trouvé\u00a0: «\u00a031/12/2027\u00a0»',
        '          piste\u00a0: Dans un flux, écrivez les dates en AAAA-MM-JJ\u00a0: «\u00a02027-12-31\u00a0».',
        'erreur    commitments[2].url\u00a0: attendu\u00a0: une adresse http(s) absolue\u00a0; trouvé\u00a0: «\u00a0data:text/html,hello\u00a0»',
        '          piste\u00a0: Les liens doivent être des adresses absolues en http:// ou https://.',
        'mauvais.json\u00a0: invalide (4 erreurs, 0 avertissement)',
        '',
      ]);
    });

    it('says in French where a hand-edited feed breaks JSON, and what to do', async () => {
      await writeFile(
        path.join(dir, 'virgule.json'),
        '{\n  "format": "open-commitments/1",\n  "languages": [\n    "fr",\n  ]\n}',
      );
      const ran = await runCli(['validate', 'virgule.json'], { ...fr, cwd: dir });
      expect(ran.stdout).toBe(
        'erreur    $\u00a0: le flux n’est pas du JSON valide\u00a0: caractère inattendu «\u00a0]\u00a0» à la ligne 5, colonne 3\u00a0; supprimez la virgule qui le précède\u00a0: JSON n’en admet aucune après le dernier élément\n' +
          '          piste\u00a0: Le fichier doit contenir un seul objet JSON, encodé en UTF-8.\n' +
          'virgule.json\u00a0: illisible (1 erreur, 0 avertissement)\n',
      );
    });

    it('keeps the --json report in English, as scripts read it', async () => {
      const feed = await valfleurie();
      feed.commitments[0]!.status = 'Limité';
      await writeFile(path.join(dir, 'script.json'), JSON.stringify(feed));
      for (const source of ['script.json', path.join(ROOT, 'shared/feeds/valfleurie.json')]) {
        const english = await runCli(['validate', source, '--json'], { cwd: dir });
        const french = await runCli(['validate', source, '--json'], { ...fr, cwd: dir });
        expect(french.stdout).toBe(english.stdout);
        expect(french.stdout).toMatch(/"message": "(unknown status|VF-02: interpellation)/);
      }
    });
  });

  describe('over http', () => {
    let server: Server;
    let base: string;
    beforeAll(async () => {
      const feed = await readFile(path.join(ROOT, 'shared/feeds/paris.json'));
      server = createServer((request, response) => {
        if (request.url === '/feed.json') {
          response.writeHead(200, { 'content-type': 'application/json' }).end(feed);
        } else if (request.url === '/served.json') {
          response
            .writeHead(200, {
              'content-type': 'application/vnd.open-commitments+json',
              'access-control-allow-origin': '*',
              etag: '"v1"',
            })
            .end(feed);
        } else if (request.url === '/missing.json') {
          response.writeHead(404, 'Not Found').end();
        }
        // Any other path: never answer.
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    });

    it('validates a feed fetched from a URL', async () => {
      const ran = await runCli(['validate', `${base}/feed.json`]);
      expect(ran.code).toBe(0);
      expect(ran.stdout).toContain('valid, 8 commitments');
    });

    it('warns, without failing, about the headers the guide asks for that the server leaves out', async () => {
      const ran = await runCli(['validate', `${base}/feed.json`]);
      expect(ran.code).toBe(0);
      expect(ran.stdout).toContain(
        'warning  server: no Access-Control-Allow-Origin header: browsers refuse the feed to a dashboard on another site; send "Access-Control-Allow-Origin: *" (docs/guide/publishing.md, section 4)\n',
      );
      expect(ran.stdout).toContain(
        'warning  server: neither ETag nor Last-Modified header: readers download the whole feed at each refresh',
      );
      expect(ran.stdout).toContain('valid, 8 commitments (0 errors, 2 warnings)');
      const report = JSON.parse((await runCli(['validate', `${base}/feed.json`, '--json'])).stdout);
      expect(report.hosting.map((issue: { header: string }) => issue.header)).toEqual([
        'Access-Control-Allow-Origin',
        'ETag',
      ]);
    });

    it('words the headers the server leaves out in French, pointing to the French guide', async () => {
      const ran = await runCli(['validate', `${base}/feed.json`], { lang: 'fr' });
      expect(ran.code).toBe(0);
      expect(ran.stdout.split('\n')).toEqual([
        'attention serveur\u00a0: pas d’en-tête Access-Control-Allow-Origin\u00a0: les navigateurs refusent le flux à un tableau de bord d’un autre site\u00a0; envoyez «\u00a0Access-Control-Allow-Origin: *\u00a0» (docs/guide/publier.md, section 4)',
        'attention serveur\u00a0: ni en-tête ETag ni Last-Modified\u00a0: les lecteurs téléchargent tout le flux à chaque rafraîchissement au lieu de recevoir «\u00a0304 Not Modified\u00a0»\u00a0; servez-le comme un fichier statique, ou envoyez un ETag',
        `${base}/feed.json\u00a0: valide, 8 engagements (0 erreur, 2 avertissements)`,
        '',
      ]);
    });

    it('says nothing of the headers of a server that sends them, nor of a local file', async () => {
      const served = await runCli(['validate', `${base}/served.json`]);
      expect(served.code).toBe(0);
      expect(served.stdout).not.toContain('server:');
      const local = await runCli(['validate', 'shared/feeds/paris.json', '--json']);
      expect(JSON.parse(local.stdout)).not.toHaveProperty('hosting');
    });

    it('exits 2 when the server answers an error status', async () => {
      const ran = await runCli(['validate', `${base}/missing.json`]);
      expect(ran.code).toBe(2);
      expect(ran.stderr).toContain('404');
    });

    it('exits 2 when the server never answers, after --timeout', async () => {
      const ran = await runCli(['validate', `${base}/hang.json`, '--timeout', '0.3']);
      expect(ran.code).toBe(2);
      expect(ran.stderr).toContain('no complete answer within 0.3 s');
    });

    it('uses the fetch it is given', async () => {
      const requested: string[] = [];
      const fakeFetch = (async (url: string | URL | Request) => {
        requested.push(String(url));
        return new Response('{"format": "open-commitments/1"}', { status: 200 });
      }) as typeof fetch;
      const ran = await runCli(['validate', 'https://www.valfleurie.example/engagements.json'], {
        fetch: fakeFetch,
      });
      expect(requested).toEqual(['https://www.valfleurie.example/engagements.json']);
      expect(ran.code).toBe(1);
    });
  });
});
