/**
 * The `open-commitments` command line for publishers: validate a feed, start one, import it from
 * a spreadsheet or Decidim, export it back, compare two versions. `run` takes its side effects as
 * arguments so that tests drive every command in-process; `main` wires the real process.
 */
import { readFileSync } from 'node:fs';
import process from 'node:process';
import { Readable } from 'node:stream';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { PUBLISHER_KINDS, type PublisherKind } from '../feed/types.ts';
import { LANGUAGE_TAG_RE, isDate, isDateTime, isHttpUrl } from '../feed/formats.ts';
import type { Separator } from './csv-table.ts';
import { diffCommand } from './diff.ts';
import { exportCsvCommand } from './export-csv.ts';
import { importCsvCommand, importDecidimCommand } from './import-commands.ts';
import { initCommand } from './init.ts';
import { EXIT, InputError, type CliIo } from './io.ts';
import { langFromEnv, setCliLang } from './lang.ts';
import { validateCommand } from './validate.ts';

/** This package's version, printed by `--version`. */
const VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

function seconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new InvalidArgumentError('expected a number of seconds > 0');
  return Math.round(n * 1000);
}

function day(value: string): string {
  if (!isDate(value)) throw new InvalidArgumentError('expected a date YYYY-MM-DD');
  return value;
}

function languages(value: string): string[] {
  const tags = value
    .split(',')
    .map((lang) => lang.trim())
    .filter((lang) => lang !== '');
  if (tags.length === 0 || !tags.every((tag) => LANGUAGE_TAG_RE.test(tag)))
    throw new InvalidArgumentError('expected language tags separated by commas, e.g. fr,en');
  return tags;
}

function language(value: string): string {
  if (!LANGUAGE_TAG_RE.test(value))
    throw new InvalidArgumentError('expected a language tag, e.g. fr');
  return value;
}

function dateTime(value: string): string {
  if (!isDateTime(value))
    throw new InvalidArgumentError('expected a date and time, e.g. 2026-12-04T09:00:00Z');
  return value;
}

function httpUrl(value: string): string {
  if (!isHttpUrl(value))
    throw new InvalidArgumentError('expected an http(s) address, e.g. https://www.example.org/');
  return value;
}

function separator(value: string): Separator {
  const named: Record<string, Separator> = {
    ';': ';',
    ',': ',',
    tab: '\t',
    '\t': '\t',
    semicolon: ';',
    comma: ',',
  };
  const found = named[value];
  if (!found) throw new InvalidArgumentError('expected ";", "," or "tab"');
  return found;
}

const kindOption = (): Option =>
  new Option('--kind <kind>', 'kind of publisher').choices(PUBLISHER_KINDS as unknown as string[]);
const timeoutOption = (): Option =>
  new Option('--timeout <seconds>', 'give up fetching a URL after this long')
    .argParser(seconds)
    .default(10_000, '10');

/** The commands that only group others, each with what to write instead of a file after it. */
const GROUPS: ReadonlyMap<string, (file: string) => string> = new Map([
  [
    'import',
    (file: string) =>
      `"import csv ${file}" (the spreadsheet template) or "import decidim ${file}" (a Decidim export)`,
  ],
  ['export', (file: string) => `"export csv ${file}"`],
]);

/**
 * Runs the command line with `argv` (without `node` and the script), returning the exit code:
 * 0 done/valid, 1 invalid input (or, for diff, changes found), 2 unreadable input or bad usage.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  setCliLang(io.lang ?? 'en');
  // `import sheet.csv`: a file where the kind of import goes, which commander would call an
  // unknown command.
  const [group, next] = argv;
  const instead = group === undefined ? undefined : GROUPS.get(group);
  if (instead && next !== undefined && /[./\\]/.test(next) && !next.startsWith('-')) {
    io.stderr(`error: ${group} what? write ${instead(next)}\n(add --help for usage)\n`);
    return EXIT.trouble;
  }
  let code: number = EXIT.ok;
  const program = new Command('open-commitments')
    .description('Check, create, import and compare Open Commitments feeds.')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout(text),
      writeErr: (text) => io.stderr(text),
    })
    .showHelpAfterError('(add --help for usage)')
    .version(VERSION, '-V, --version', 'print the version');

  program
    .command('validate')
    .description('check a feed (file or URL) in strict mode; exit 0 valid, 1 invalid, 2 unreadable')
    .argument('<source>', 'feed file, http(s) URL, or - for the standard input')
    .option('--json', 'print the report as JSON')
    .addOption(timeoutOption())
    .option('--today <date>', 'the date the warnings compare with (default: today)', day)
    .action(
      async (source: string, options: { json?: boolean; timeout: number; today?: string }) => {
        code = await validateCommand(
          source,
          {
            timeoutMs: options.timeout,
            ...(options.json ? { json: true } : {}),
            ...(options.today ? { today: options.today } : {}),
          },
          io,
        );
      },
    );

  program
    .command('init')
    .description('write a starter feed that validates')
    .addOption(kindOption().default('municipality'))
    .addOption(
      new Option('--lang <lang>', 'language of the example texts')
        .choices(['fr', 'en'])
        .default('fr'),
    )
    .option('--out <file>', 'write here instead of stdout')
    .option('--force', 'replace --out if it exists')
    .action(
      async (options: {
        kind: PublisherKind;
        lang: 'fr' | 'en';
        out?: string;
        force?: boolean;
      }) => {
        code = await initCommand(options, io);
      },
    );

  const importCommand = program
    .command('import')
    .description('make a feed from a spreadsheet or a Decidim export');
  importCommand
    .command('csv')
    .description('import the spreadsheet template (docs/guide/template-fr.csv, template-en.csv)')
    .argument('<file>', 'commitments sheet, CSV (- for the standard input)')
    .option('--out <file>', 'write the feed here instead of stdout')
    .option('--milestones <file>', 'milestones sheet, CSV')
    .option('--updates <file>', 'updates sheet, CSV')
    .option(
      '--base <feed>',
      'keep publisher, plan, site, statuses, channel and interpellations from this feed, and its milestones and updates when their sheets are not given',
    )
    .option('--publisher-name <name>', "the publisher's name")
    .option('--publisher-url <url>', "the publisher's site", httpUrl)
    .addOption(kindOption())
    .option('--plan-title <title>', 'title of the action plan')
    .option('--statuses <file>', 'JSON: your own statuses, each mapped to a category')
    .option('--lang <langs>', 'languages of the feed, preferred first (e.g. fr,en)', languages)
    .option('--updated <datetime>', 'value of "updated" (default: now)', dateTime)
    .option(
      '--force',
      'replace --out if it exists (never an input sheet, nor without --base a feed with a site or questions)',
    )
    .action(async (file: string, options) => {
      code = await importCsvCommand(file, options, io);
    });
  importCommand
    .command('decidim')
    .description("import Decidim's accountability results export (CSV or JSON)")
    .argument('<file>', 'results export (- for the standard input)')
    .option('--out <file>', 'write the feed here instead of stdout')
    .option(
      '--base <feed>',
      'keep publisher, plan, site, channel, interpellations and updates from this feed',
    )
    .option(
      '--statuses <file>',
      'JSON: Decidim status key -> category (or {label, category, progress})',
    )
    .option('--publisher-name <name>', "the publisher's name")
    .option('--publisher-url <url>', "the publisher's site", httpUrl)
    .addOption(kindOption())
    .option('--lang <lang>', 'language to list first', language)
    .option('--updated <datetime>', 'value of "updated" (default: now)', dateTime)
    .option(
      '--force',
      'replace --out if it exists (never the export read, nor without --base a feed with a site or questions)',
    )
    .action(async (file: string, options) => {
      code = await importDecidimCommand(file, options, io);
    });

  program
    .command('export')
    .description('write a feed in another form')
    .command('csv')
    .description('write a feed as the spreadsheet template')
    .argument('<feed>', 'feed file, http(s) URL, or - for the standard input')
    .option('--out <file>', 'commitments sheet (default: stdout)')
    .option('--milestones <file>', 'also write the milestones sheet')
    .option('--updates <file>', 'also write the updates sheet')
    .option('--statuses <file>', "also write the feed's statuses as JSON")
    .addOption(
      new Option('--lang <lang>', "header language (default: the feed's first)").choices([
        'fr',
        'en',
      ]),
    )
    .option(
      '--separator <sep>',
      '";", "," or "tab" (default: ";" in French, "," in English)',
      separator,
    )
    .option('--force', 'replace existing files (never the feed read)')
    .addOption(timeoutOption())
    .action(async (feed: string, options) => {
      code = await exportCsvCommand(feed, { ...options, timeoutMs: options.timeout }, io);
    });

  program
    .command('diff')
    .description(
      'what changed between two versions of a feed; exit 0 none, 1 changes, 2 unreadable',
    )
    .argument('<old>', 'older feed, file or URL (or - for the standard input)')
    .argument('<new>', 'newer feed, file or URL (or - for the standard input)')
    .option('--json', 'print the changes as JSON')
    .addOption(timeoutOption())
    .action(
      async (
        oldSource: string,
        newSource: string,
        options: { json?: boolean; timeout: number },
      ) => {
        code = await diffCommand(
          oldSource,
          newSource,
          { timeoutMs: options.timeout, ...(options.json ? { json: true } : {}) },
          io,
        );
      },
    );

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version succeed; a missing command (help shown anyway) is a usage error.
      const helpShown =
        error.code === 'commander.helpDisplayed' || error.code === 'commander.version';
      return helpShown ? EXIT.ok : EXIT.trouble;
    }
    if (error instanceof InputError) {
      io.stderr(`${error.message}\n`);
      return EXIT.trouble;
    }
    throw error;
  }
  return code;
}

/** Runs the command line in the current process (the `bin` entry). */
export async function main(argv: readonly string[]): Promise<number> {
  // A reader that stops early (`diff … | head`) closes the pipe: the rest of the output has
  // nowhere to go, and the command still ends with its own exit code, without a stack trace.
  const ignoreClosedPipe = (error: NodeJS.ErrnoException): void => {
    if (error.code !== 'EPIPE') throw error;
  };
  process.stdout.on('error', ignoreClosedPipe);
  process.stderr.on('error', ignoreClosedPipe);
  let stdinRead = false;
  return run(argv, {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    fetch: globalThis.fetch,
    now: () => new Date(),
    cwd: process.cwd(),
    lang: langFromEnv(process.env, Intl.DateTimeFormat().resolvedOptions().locale),
    stdin: () => {
      if (stdinRead) throw new InputError('-: the standard input can be read only once');
      stdinRead = true;
      return Readable.toWeb(process.stdin) as ReadableStream<Uint8Array>;
    },
  });
}
