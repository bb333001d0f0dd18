/**
 * The `open-commitments` command line for publishers: validate a feed, start one, import it from
 * a spreadsheet or Decidim, export it back, compare two versions. `run` takes its side effects as
 * arguments so that tests drive every command in-process; `main` wires the real process.
 */
import { readFileSync } from 'node:fs';
import process from 'node:process';
import { Readable } from 'node:stream';
import { Command, CommanderError, Help, InvalidArgumentError, Option } from 'commander';
import { PUBLISHER_KINDS, type PublisherKind } from '../feed/types.ts';
import { LANGUAGE_TAG_RE, isDate, isDateTime, isHttpUrl } from '../feed/formats.ts';
import type { Separator } from './csv-table.ts';
import { diffCommand } from './diff.ts';
import { exportCsvCommand } from './export-csv.ts';
import { importCsvCommand, importDecidimCommand } from './import-commands.ts';
import { initCommand } from './init.ts';
import { defineMessages } from '../i18n/define-messages.ts';
import { EXIT, InputError, invocation, stdinReadTwice, writerFor, type CliIo } from './io.ts';
import { issueLabel } from './issue-words.ts';
import { cliLang, langFromEnv, say, setCliLang } from './lang.ts';
import { validateCommand } from './validate.ts';

/** This package's version, printed by `--version`. */
const VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

/** Commander's words for the help and the usage errors, in French (its own are English). */
const COMMANDER_FR = {
  titles: {
    'Usage:': 'Utilisation\u00a0:',
    'Arguments:': 'Arguments\u00a0:',
    'Options:': 'Options\u00a0:',
    'Commands:': 'Commandes\u00a0:',
    'Global Options:': 'Options générales\u00a0:',
  } as Readonly<Record<string, string>>,
  /** Commander's error lines, each with its French wording; anything else is left as it is. */
  errors: [
    [/^error: /, 'erreur\u00a0: '],
    [/unknown option '([^]*?)'/, (flag: string) => `option inconnue «\u00a0${flag}\u00a0»`],
    [/unknown command '([^]*?)'/, (name: string) => `commande inconnue «\u00a0${name}\u00a0»`],
    [
      /missing required argument '([^]*?)'/,
      (name: string) => `il manque l’argument «\u00a0${name}\u00a0»`,
    ],
    [
      /option '([^]*?)' argument missing/,
      (flags: string) => `l’option «\u00a0${flags}\u00a0» attend une valeur`,
    ],
    [
      /option '([^]*?)' argument '([^]*?)' is invalid\. Allowed choices are ([^]*)\.$/m,
      (flags: string, value: string, choices: string) =>
        `l’option «\u00a0${flags}\u00a0» n’accepte pas «\u00a0${value}\u00a0»\u00a0; valeurs possibles\u00a0: ${choices}`,
    ],
    [
      /option '([^]*?)' argument '([^]*?)' is invalid\. /,
      (flags: string, value: string) =>
        `l’option «\u00a0${flags}\u00a0» n’accepte pas «\u00a0${value}\u00a0»\u00a0: `,
    ],
    [
      /too many arguments(?: for '([^]*?)')?\. Expected (\d+) arguments? but got (\d+)\./,
      (name: string | undefined, expected: string, got: string) =>
        `trop d’arguments${name ? ` pour «\u00a0${name}\u00a0»` : ''}\u00a0: ${expected} attendu${Number(expected) > 1 ? 's' : ''}, ${got} donné${Number(got) > 1 ? 's' : ''}`,
    ],
    [/\(Did you mean one of ([^]*)\?\)/, (names: string) => `(Vouliez-vous dire ${names}\u00a0?)`],
    [/\(Did you mean ([^]*)\?\)/, (name: string) => `(Vouliez-vous dire ${name}\u00a0?)`],
  ] as readonly [RegExp, string | ((...groups: string[]) => string)][],
};

/** Commander's error message in this run's language. */
function commanderError(message: string): string {
  if (cliLang() === 'en') return message;
  let text = message;
  for (const [pattern, words] of COMMANDER_FR.errors)
    text = text.replace(pattern, (_match, ...groups: string[]) =>
      typeof words === 'string' ? words : words(...groups),
    );
  return text;
}

/** The help's descriptions, the usage errors and the values' placeholders, in each language. */
const messages = defineMessages({
  fr: {
    program: 'Vérifier, créer, importer et comparer des flux Open Commitments.',
    version: 'afficher la version',
    help: 'afficher l’aide de la commande',
    helpCommand: 'afficher l’aide d’une commande',
    helpAfterError: '(ajoutez --help pour afficher l’aide)',
    helpCommandTerm: 'help [commande]',
    choices: 'valeurs possibles\u00a0:',
    default: 'par défaut\u00a0:',
    seconds: 'un nombre de secondes supérieur à 0 est attendu',
    date: 'une date AAAA-MM-JJ est attendue',
    languages: 'des codes de langue séparés par des virgules sont attendus, par exemple fr,en',
    language: 'un code de langue est attendu, par exemple fr',
    dateTime: 'une date et une heure sont attendues, par exemple 2026-12-04T09:00:00Z',
    noOffset: (example: string) =>
      `il manque le décalage horaire après l’heure\u00a0: ajoutez Z (temps universel) ou +01:00 (heure de Paris en hiver), par exemple ${example}Z ou ${example}+01:00`,
    httpUrl: 'une adresse http(s) est attendue, par exemple https://www.example.org/',
    emptyName:
      'le nom donné est vide\u00a0; donnez celui de l’éditeur, par exemple «\u00a0Ville d’Exemple\u00a0»',
    separator: '«\u00a0;\u00a0», «\u00a0,\u00a0» ou «\u00a0tab\u00a0» est attendu',
    groupWhat: (group: string, instead: string) =>
      `erreur\u00a0: ${group === 'import' ? 'importer' : 'exporter'} quoi\u00a0? écrivez ${instead}`,
    importInstead: (file: string) =>
      `«\u00a0import csv ${file}\u00a0» (le modèle de tableur) ou «\u00a0import decidim ${file}\u00a0» (un export Decidim)`,
    exportInstead: (file: string) => `«\u00a0export csv ${file}\u00a0»`,
    arg: {
      source: '<source>',
      file: '<fichier>',
      feed: '<flux>',
      old: '<ancien>',
      new: '<nouveau>',
    },
    kind: { flags: '--kind <type>', about: `type d’éditeur` },
    timeout: {
      flags: '--timeout <secondes>',
      about: 'abandonner le téléchargement d’une adresse après ce délai',
    },
    validate: {
      description:
        'vérifier un flux (fichier ou adresse) en mode strict\u00a0; code de sortie 0 valide, 1 non valide, 2 illisible',
      source: 'fichier du flux, adresse http(s), ou - pour l’entrée standard',
      json: 'afficher le rapport en JSON',
      today: {
        flags: '--today <date>',
        about: 'date de référence des avertissements (par défaut\u00a0: aujourd’hui)',
      },
    },
    init: {
      description: 'écrire un flux de départ, valide tel quel',
      lang: { flags: '--lang <langue>', about: 'langue des textes d’exemple' },
      out: {
        flags: '--out <fichier>',
        about: 'écrire dans ce fichier plutôt que sur la sortie standard',
      },
      force: 'remplacer le fichier de --out s’il existe',
    },
    import: {
      description: 'créer un flux à partir d’un tableur ou d’un export Decidim',
      out: {
        flags: '--out <fichier>',
        about: 'écrire le flux dans ce fichier plutôt que sur la sortie standard',
      },
      base: '--base <flux>',
      publisherName: { flags: '--publisher-name <nom>', about: 'le nom de l’éditeur' },
      publisherUrl: { flags: '--publisher-url <adresse>', about: 'le site de l’éditeur' },
      statuses: '--statuses <fichier>',
      updated: {
        flags: '--updated <date-heure>',
        about: 'valeur de «\u00a0updated\u00a0» (par défaut\u00a0: maintenant)',
      },
    },
    csv: {
      description: 'importer le modèle de tableur (docs/guide/template-fr.csv, template-en.csv)',
      file: 'feuille des engagements, en CSV (- pour l’entrée standard)',
      milestones: { flags: '--milestones <fichier>', about: 'feuille des jalons, en CSV' },
      updates: { flags: '--updates <fichier>', about: 'feuille des mises à jour, en CSV' },
      base: 'garder de ce flux l’éditeur, le plan, le site, les statuts, le canal d’interpellation et les interpellations, ainsi que ses jalons et mises à jour quand leurs feuilles ne sont pas données',
      planTitle: { flags: '--plan-title <titre>', about: 'titre du plan d’action' },
      statuses: 'JSON\u00a0: vos propres statuts, chacun rattaché à une catégorie',
      lang: {
        flags: '--lang <langues>',
        about: 'langues du flux, la préférée d’abord (par exemple fr,en)',
      },
      force:
        'remplacer le fichier de --out s’il existe (jamais une feuille lue, ni sans --base un flux qui a un site ou des interpellations)',
    },
    decidim: {
      description:
        'importer l’export des résultats du module de suivi (accountability) de Decidim (CSV ou JSON)',
      file: 'export des résultats (- pour l’entrée standard)',
      base: 'garder de ce flux l’éditeur, le plan, le site, le canal d’interpellation, les interpellations et les mises à jour',
      statuses: 'JSON\u00a0: clé de statut Decidim -> catégorie (ou {label, category, progress})',
      lang: { flags: '--lang <langue>', about: 'langue à placer en tête des langues du flux' },
      force:
        'remplacer le fichier de --out s’il existe (jamais l’export lu, ni sans --base un flux qui a un site ou des interpellations)',
    },
    export: {
      description: 'écrire un flux sous une autre forme',
      csv: 'écrire un flux selon le modèle de tableur',
      feed: 'fichier du flux, adresse http(s), ou - pour l’entrée standard',
      out: {
        flags: '--out <fichier>',
        about: 'feuille des engagements (par défaut\u00a0: la sortie standard)',
      },
      milestones: { flags: '--milestones <fichier>', about: 'écrire aussi la feuille des jalons' },
      updates: { flags: '--updates <fichier>', about: 'écrire aussi la feuille des mises à jour' },
      statuses: {
        flags: '--statuses <fichier>',
        about: 'écrire aussi les statuts du flux, en JSON',
      },
      lang: {
        flags: '--lang <langue>',
        about: 'langue des en-têtes (par défaut\u00a0: celle du flux)',
      },
      separator: {
        flags: '--separator <sép>',
        about:
          '«\u00a0;\u00a0», «\u00a0,\u00a0» ou «\u00a0tab\u00a0» (par défaut\u00a0: «\u00a0;\u00a0» en français, «\u00a0,\u00a0» en anglais)',
      },
      force: 'remplacer les fichiers existants (jamais le flux lu)',
    },
    diff: {
      description:
        'ce qui a changé entre deux versions d’un flux\u00a0; code de sortie 0 aucun changement, 1 des changements, 2 illisible',
      old: 'flux le plus ancien, fichier ou adresse (ou - pour l’entrée standard)',
      new: 'flux le plus récent, fichier ou adresse (ou - pour l’entrée standard)',
      json: 'afficher les changements en JSON',
    },
  },
  en: {
    program: 'Check, create, import and compare Open Commitments feeds.',
    version: 'print the version',
    help: 'display help for command',
    helpCommand: 'display help for command',
    helpAfterError: '(add --help for usage)',
    helpCommandTerm: 'help [command]',
    choices: 'choices:',
    default: 'default:',
    seconds: 'expected a number of seconds > 0',
    date: 'expected a date YYYY-MM-DD',
    languages: 'expected language tags separated by commas, e.g. fr,en',
    language: 'expected a language tag, e.g. fr',
    dateTime: 'expected a date and time, e.g. 2026-12-04T09:00:00Z',
    noOffset: (example: string) =>
      `the time zone offset is missing after the time: add Z (UTC) or +01:00 (Paris in winter), e.g. ${example}Z or ${example}+01:00`,
    httpUrl: 'expected an http(s) address, e.g. https://www.example.org/',
    emptyName: 'the name given is empty; give the publisher\'s, e.g. "Town of Example"',
    separator: 'expected ";", "," or "tab"',
    groupWhat: (group: string, instead: string) => `error: ${group} what? write ${instead}`,
    importInstead: (file: string) =>
      `"import csv ${file}" (the spreadsheet template) or "import decidim ${file}" (a Decidim export)`,
    exportInstead: (file: string) => `"export csv ${file}"`,
    arg: { source: '<source>', file: '<file>', feed: '<feed>', old: '<old>', new: '<new>' },
    kind: { flags: '--kind <kind>', about: 'kind of publisher' },
    timeout: { flags: '--timeout <seconds>', about: 'give up fetching a URL after this long' },
    validate: {
      description:
        'check a feed (file or URL) in strict mode; exit 0 valid, 1 invalid, 2 unreadable',
      source: 'feed file, http(s) URL, or - for the standard input',
      json: 'print the report as JSON',
      today: {
        flags: '--today <date>',
        about: 'the date the warnings compare with (default: today)',
      },
    },
    init: {
      description: 'write a starter feed that validates',
      lang: { flags: '--lang <lang>', about: 'language of the example texts' },
      out: { flags: '--out <file>', about: 'write here instead of stdout' },
      force: 'replace --out if it exists',
    },
    import: {
      description: 'make a feed from a spreadsheet or a Decidim export',
      out: { flags: '--out <file>', about: 'write the feed here instead of stdout' },
      base: '--base <feed>',
      publisherName: { flags: '--publisher-name <name>', about: "the publisher's name" },
      publisherUrl: { flags: '--publisher-url <url>', about: "the publisher's site" },
      statuses: '--statuses <file>',
      updated: { flags: '--updated <datetime>', about: 'value of "updated" (default: now)' },
    },
    csv: {
      description: 'import the spreadsheet template (docs/guide/template-fr.csv, template-en.csv)',
      file: 'commitments sheet, CSV (- for the standard input)',
      milestones: { flags: '--milestones <file>', about: 'milestones sheet, CSV' },
      updates: { flags: '--updates <file>', about: 'updates sheet, CSV' },
      base: 'keep publisher, plan, site, statuses, channel and interpellations from this feed, and its milestones and updates when their sheets are not given',
      planTitle: { flags: '--plan-title <title>', about: 'title of the action plan' },
      statuses: 'JSON: your own statuses, each mapped to a category',
      lang: {
        flags: '--lang <langs>',
        about: 'languages of the feed, preferred first (e.g. fr,en)',
      },
      force:
        'replace --out if it exists (never an input sheet, nor without --base a feed with a site or interpellations)',
    },
    decidim: {
      description: "import Decidim's accountability results export (CSV or JSON)",
      file: 'results export (- for the standard input)',
      base: 'keep publisher, plan, site, channel, interpellations and updates from this feed',
      statuses: 'JSON: Decidim status key -> category (or {label, category, progress})',
      lang: { flags: '--lang <lang>', about: 'language to list first' },
      force:
        'replace --out if it exists (never the export read, nor without --base a feed with a site or interpellations)',
    },
    export: {
      description: 'write a feed in another form',
      csv: 'write a feed as the spreadsheet template',
      feed: 'feed file, http(s) URL, or - for the standard input',
      out: { flags: '--out <file>', about: 'commitments sheet (default: stdout)' },
      milestones: { flags: '--milestones <file>', about: 'also write the milestones sheet' },
      updates: { flags: '--updates <file>', about: 'also write the updates sheet' },
      statuses: { flags: '--statuses <file>', about: "also write the feed's statuses as JSON" },
      lang: { flags: '--lang <lang>', about: "header language (default: the feed's)" },
      separator: {
        flags: '--separator <sep>',
        about: '";", "," or "tab" (default: ";" in French, "," in English)',
      },
      force: 'replace existing files (never the feed read)',
    },
    diff: {
      description:
        'what changed between two versions of a feed; exit 0 none, 1 changes, 2 unreadable',
      old: 'older feed, file or URL (or - for the standard input)',
      new: 'newer feed, file or URL (or - for the standard input)',
      json: 'print the changes as JSON',
    },
  },
});

function seconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(say(messages).seconds);
  return Math.round(n * 1000);
}

function day(value: string): string {
  if (!isDate(value)) throw new InvalidArgumentError(say(messages).date);
  return value;
}

function languages(value: string): string[] {
  const tags = value
    .split(',')
    .map((lang) => lang.trim())
    .filter((lang) => lang !== '');
  if (tags.length === 0 || !tags.every((tag) => LANGUAGE_TAG_RE.test(tag)))
    throw new InvalidArgumentError(say(messages).languages);
  return tags;
}

function language(value: string): string {
  if (!LANGUAGE_TAG_RE.test(value)) throw new InvalidArgumentError(say(messages).language);
  return value;
}

function dateTime(value: string): string {
  if (isDateTime(value)) return value;
  // A date and a time with no offset: say what is missing, not that both are.
  const local = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?$/.exec(value.trim());
  if (local && isDateTime(`${local[1]}T${local[2]}${local[3] ?? ':00'}Z`))
    throw new InvalidArgumentError(
      say(messages).noOffset(`${local[1]}T${local[2]}${local[3] ?? ':00'}`),
    );
  throw new InvalidArgumentError(say(messages).dateTime);
}

function publisherName(value: string): string {
  if (value.trim() === '') throw new InvalidArgumentError(say(messages).emptyName);
  return value;
}

function httpUrl(value: string): string {
  if (!isHttpUrl(value)) throw new InvalidArgumentError(say(messages).httpUrl);
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
  if (!found) throw new InvalidArgumentError(say(messages).separator);
  return found;
}

/** An option from its flags and description in a message table. */
const option = ({ flags, about }: { flags: string; about: string }): Option =>
  new Option(flags, about);

const kindOption = (): Option => option(say(messages).kind).choices(PUBLISHER_KINDS);
const timeoutOption = (): Option =>
  option(say(messages).timeout).argParser(seconds).default(10_000, '10');

/** The commands that only group others, each with what to write instead of a file after it. */
const GROUPS: ReadonlyMap<string, (file: string) => string> = new Map([
  ['import', (file: string) => say(messages).importInstead(file)],
  ['export', (file: string) => say(messages).exportInstead(file)],
]);

/**
 * Commander's help in French: its titles ("Usage:", "Options:"…) and the notes it adds to an
 * option's description (its choices and default value). English keeps commander's own.
 */
function frenchHelp(): Partial<Help> {
  const words = say(messages);
  const commander = new Help();
  return {
    styleTitle: (title: string) => COMMANDER_FR.titles[title] ?? title,
    // Commander wraps at any white space, no-break spaces included: hide them from it, so that
    // a colon never starts a line.
    boxWrap: (text: string, width: number) =>
      commander.boxWrap(text.replaceAll('\u00a0', '\ue000'), width).replaceAll('\ue000', '\u00a0'),
    commandUsage: (command: Command) =>
      commander.commandUsage(command).replace(/ \[command\]$/, ' [commande]'),
    optionDescription: (option: Option) => {
      const notes: string[] = [];
      if (option.argChoices) notes.push(`${words.choices} ${option.argChoices.join(', ')}`);
      if (option.defaultValue !== undefined && (option.required || option.optional))
        notes.push(
          `${words.default} ${option.defaultValueDescription ?? String(option.defaultValue)}`,
        );
      return notes.length > 0
        ? withNotes(option.description, notes.join('\u00a0; '), '\u00a0; ')
        : option.description;
    },
  };
}

/**
 * An option's description with the notes of its choices and default: inside the brackets that
 * end the description, if it has some, so that two brackets never follow each other.
 */
function withNotes(description: string, notes: string, separator: string): string {
  return description.endsWith(')')
    ? `${description.slice(0, -1)}${separator}${notes})`
    : `${description} (${notes})`;
}

/** Commander's help in English, with an option's notes merged as `withNotes` does. */
function englishHelp(): Partial<Help> {
  const commander = new Help();
  return {
    optionDescription: (option: Option) => {
      const described = commander.optionDescription(option);
      if (!option.description.endsWith(')') || described === option.description) return described;
      const notes = described.slice(option.description.length + 2, -1);
      return withNotes(option.description, notes, '; ');
    },
  };
}

/**
 * Runs the command line with `argv` (without `node` and the script), returning the exit code:
 * 0 done/valid, 1 invalid input (or, for diff, changes found), 2 unreadable input or bad usage.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  setCliLang(io.lang ?? 'en');
  const words = say(messages);
  // `import sheet.csv`: a file where the kind of import goes, which commander would call an
  // unknown command.
  const [group, next] = argv;
  const instead = group === undefined ? undefined : GROUPS.get(group);
  if (instead && next !== undefined && /[./\\]/.test(next) && !next.startsWith('-')) {
    io.stderr(`${words.groupWhat(group ?? '', instead(next))}\n${words.helpAfterError}\n`);
    return EXIT.trouble;
  }
  let code: number = EXIT.ok;
  const program = new Command('open-commitments')
    .description(words.program)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout(text),
      writeErr: (text) => io.stderr(text),
      outputError: (text, write) => write(commanderError(text)),
    })
    .showHelpAfterError(words.helpAfterError)
    .version(VERSION, '-V, --version', words.version)
    .helpOption('-h, --help', words.help)
    .helpCommand(words.helpCommandTerm, words.helpCommand);
  program.configureHelp(cliLang() === 'fr' ? frenchHelp() : englishHelp());

  const validate = words.validate;
  program
    .command('validate')
    .description(validate.description)
    .argument(words.arg.source, validate.source)
    .option('--json', validate.json)
    .addOption(timeoutOption())
    .option(validate.today.flags, validate.today.about, day)
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

  const init = words.init;
  program
    .command('init')
    .description(init.description)
    .addOption(kindOption().default('municipality'))
    .addOption(option(init.lang).choices(['fr', 'en']).default('fr'))
    .option(init.out.flags, init.out.about)
    .option('--force', init.force)
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

  const imports = words.import;
  const csv = words.csv;
  const importCommand = program.command('import').description(imports.description);
  importCommand
    .command('csv')
    .description(csv.description)
    .argument(words.arg.file, csv.file)
    .option(imports.out.flags, imports.out.about)
    .option(csv.milestones.flags, csv.milestones.about)
    .option(csv.updates.flags, csv.updates.about)
    .option(imports.base, csv.base)
    .option(imports.publisherName.flags, imports.publisherName.about, publisherName)
    .option(imports.publisherUrl.flags, imports.publisherUrl.about, httpUrl)
    .addOption(kindOption())
    .option(csv.planTitle.flags, csv.planTitle.about)
    .option(imports.statuses, csv.statuses)
    .option(csv.lang.flags, csv.lang.about, languages)
    .option(imports.updated.flags, imports.updated.about, dateTime)
    .option('--force', csv.force)
    .action(async (file: string, options) => {
      code = await importCsvCommand(file, options, io);
    });
  const decidim = words.decidim;
  importCommand
    .command('decidim')
    .description(decidim.description)
    .argument(words.arg.file, decidim.file)
    .option(imports.out.flags, imports.out.about)
    .option(imports.base, decidim.base)
    .option(imports.statuses, decidim.statuses)
    .option(imports.publisherName.flags, imports.publisherName.about, publisherName)
    .option(imports.publisherUrl.flags, imports.publisherUrl.about, httpUrl)
    .addOption(kindOption())
    .option(decidim.lang.flags, decidim.lang.about, language)
    .option(imports.updated.flags, imports.updated.about, dateTime)
    .option('--force', decidim.force)
    .action(async (file: string, options) => {
      code = await importDecidimCommand(file, options, io);
    });

  const exports = words.export;
  program
    .command('export')
    .description(exports.description)
    .command('csv')
    .description(exports.csv)
    .argument(words.arg.feed, exports.feed)
    .option(exports.out.flags, exports.out.about)
    .option(exports.milestones.flags, exports.milestones.about)
    .option(exports.updates.flags, exports.updates.about)
    .option(exports.statuses.flags, exports.statuses.about)
    .addOption(option(exports.lang).choices(['fr', 'en']))
    .option(exports.separator.flags, exports.separator.about, separator)
    .option('--force', exports.force)
    .addOption(timeoutOption())
    .action(async (feed: string, options) => {
      code = await exportCsvCommand(feed, { ...options, timeoutMs: options.timeout }, io);
    });

  const diff = words.diff;
  program
    .command('diff')
    .description(diff.description)
    .argument(words.arg.old, diff.old)
    .argument(words.arg.new, diff.new)
    .option('--json', diff.json)
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
      // --help, `help [command]` and --version succeed (commander gives `help` exit code 0 when
      // asked for it); a missing or unknown command (help shown anyway) is a usage error.
      const helpShown =
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        (error.code === 'commander.help' && error.exitCode === 0);
      return helpShown ? EXIT.ok : EXIT.trouble;
    }
    if (error instanceof InputError) {
      io.stderr(`${issueLabel('error')}${error.message}\n`);
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
    stdout: writerFor(process.stdout),
    stderr: writerFor(process.stderr),
    fetch: globalThis.fetch,
    now: () => new Date(),
    cwd: process.cwd(),
    lang: langFromEnv(process.env, Intl.DateTimeFormat().resolvedOptions().locale),
    invocation: invocation(process.argv[1], process.cwd()),
    stdin: () => {
      if (stdinRead) throw stdinReadTwice();
      stdinRead = true;
      return Readable.toWeb(process.stdin) as ReadableStream<Uint8Array>;
    },
  });
}
