/** `open-commitments import csv` and `import decidim`: spreadsheets and Decidim exports to a feed. */
import { parseFeed } from '../feed/parse-feed.ts';
import type { Commitment, Feed, Plan, PublisherKind, StatusDef } from '../feed/types.ts';
import { normalizeWord, readDate, readStatusMap } from './cells.ts';
import { cellPlace, formatCsvIssue, readCsv, type CsvIssue, type CsvTable } from './csv-table.ts';
import {
  decidimRecordsFromCsv,
  decidimRecordsFromJson,
  importDecidim,
  type DecidimRecord,
} from './decidim.ts';
import { decodeText } from './decode-text.ts';
import { garbledTexts } from './feed-checks.ts';
import { IMPORT_PLACEHOLDER_NAME, isStarterCommitment, isStarterStatus } from './init.ts';
import { DEFAULT_LIMITS } from '../feed/limits.ts';
import {
  EXIT,
  InputError,
  bytesText,
  limitText,
  readInput,
  refuseWorkbook,
  type CliIo,
} from './io.ts';
import { issueLabel, issueMessage } from './issue-words.ts';
import { cliLang, isFrenchTag, say } from './lang.ts';
import {
  checkTargets,
  existingOut,
  feedJson,
  issueLine,
  jsonErrorText,
  loadFeed,
  plural,
  withLineAndColumn,
  writeOutput,
} from './output.ts';
import { defineMessages } from '../i18n/define-messages.ts';
import { plural as pluralIn } from '../i18n/format.ts';
import {
  COMMITMENT_COLUMNS,
  MILESTONE_COLUMNS,
  UPDATE_COLUMNS,
  importSpreadsheet,
} from './spreadsheet.ts';

const MAX_INPUT = 20 * 1024 * 1024;

/** `3 engagements`, `1 commitment`: a count and its noun, in French or English. */
const count = (n: number, fr: [string, string], en: string): string =>
  cliLang() === 'fr'
    ? pluralIn('fr', n, { one: `{n} ${fr[0]}`, other: `{n} ${fr[1]}` })
    : plural(n, en);

/** `a, b and c`, `a, b et c`. */
const listed = (items: readonly string[], and: string): string =>
  `${items.slice(0, -1).join(', ')}${items.length > 1 ? ` ${and} ` : ''}${items[items.length - 1] ?? ''}`;

/** What the imports say, in each language. */
const messages = defineMessages({
  fr: {
    colon: '\u00a0: ',
    note: 'note\u00a0: ',
    windows1252: (file: string) =>
      `${file}\u00a0: pas en UTF-8, lu en Windows-1252 (le «\u00a0CSV\u00a0» d’Excel sous Windows)\u00a0; enregistrez au format «\u00a0CSV UTF-8\u00a0» pour ne plus voir cette remarque`,
    macRoman: (file: string) =>
      `${file}\u00a0: pas en UTF-8, lu en Mac Roman (le «\u00a0CSV\u00a0» d’Excel sur Mac)\u00a0; enregistrez au format «\u00a0CSV UTF-8\u00a0» pour ne plus voir cette remarque`,
    notUtf8: (byte: string) =>
      `pas de l’UTF-8 (l’octet 0x${byte}), alors que le reste du fichier est en UTF-8\u00a0: écrivez à nouveau ce caractère (souvent une lettre accentuée collée d’un fichier dans un autre encodage)`,
    lineColumn: (line: number, column: number) => `ligne ${line}, colonne ${column}`,
    utf16: (file: string) =>
      `${file}\u00a0: en UTF-16 et non en UTF-8 (le «\u00a0Texte Unicode\u00a0» d’Excel), lu comme tel\u00a0; enregistrez au format «\u00a0CSV UTF-8\u00a0» pour ne plus voir cette remarque`,
    notJson: (file: string, reason: string) => `${file}\u00a0: ce n’est pas du JSON (${reason})`,
    notValidJson: (file: string, reason: string) =>
      `${file}\u00a0: ce n’est pas du JSON valide (${reason})`,
    needsKey: (file: string, key: string) =>
      `${file}\u00a0: ${key}\u00a0: un statut doit avoir une clé «\u00a0key\u00a0», comme «\u00a0vote-en-conseil\u00a0»`,
    notKey: (file: string, key: string, slug: string) =>
      `${file}\u00a0: «\u00a0${key}\u00a0» n’est pas une clé de statut (1 à 64 caractères parmi A-Z a-z 0-9 . _ -)\u00a0: écrivez «\u00a0"key": "${slug || 'mon-statut'}"\u00a0» et «\u00a0"label": "${key}"\u00a0», et le tableur pourra continuer à écrire «\u00a0${key}\u00a0»`,
    aSite: 'un site',
    aChannel: 'un canal d’interpellation',
    and: 'et',
    keepOut: (out: string, held: string, from: 'sheet' | 'export') =>
      `--out ${out}\u00a0: ce flux contient ${held}, que ${from === 'sheet' ? 'le tableur' : 'l’export'} ne peut pas contenir\u00a0: ajoutez --base ${out} pour les garder, ou supprimez le fichier pour repartir de zéro`,
    leftOut: (ids: readonly string[], from: 'sheet' | 'export') =>
      `${ids.length === 1 ? 'absent' : 'absents'} ${from === 'sheet' ? 'du tableur' : 'de l’export'}, donc ${ids.length === 1 ? 'laissé' : 'laissés'} hors du flux\u00a0: ${ids.join(', ')}\u00a0; pour montrer un engagement abandonné, ${from === 'sheet' ? 'gardez sa ligne avec le statut withdrawn (Abandonné)' : 'gardez son résultat avec un statut rattaché à withdrawn'}`,
    keptMilestones: (commitments: string) =>
      `les jalons de ${commitments} (pas de feuille --milestones)`,
    keptUpdates: (commitments: string, from: 'sheet' | 'export') =>
      `les mises à jour de ${commitments} (${from === 'sheet' ? 'pas de feuille --updates' : 'l’export n’en a pas'})`,
    keptFrom: (base: string, parts: string) => `repris de ${base}\u00a0: ${parts}`,
    parts: {
      milestones: 'les jalons',
      updates: 'les mises à jour',
      interpellations: 'les interpellations',
    },
    exampleParts: (parts: string, ids: string) => `${parts} de ${ids}`,
    exampleStatus: (keys: string) => `le statut ${keys}`,
    examplesLeft: (base: string, parts: string) =>
      `non repris de ${base}, car ce sont les exemples écrits par init\u00a0: ${parts}`,
    keepCsv: (out: string) =>
      `--base ${out} pour garder son éditeur, son plan, son site et son canal d’interpellation`,
    keepDecidim: (out: string) =>
      `--base ${out} pour garder son éditeur, son plan, son site, son canal d’interpellation et ses interpellations`,
    notImported: (file: string, errors: string) => `${file}\u00a0: non importé (${errors})`,
    tooLarge: (size: string, limit: string) =>
      `le flux ferait ${size}, au-delà de la limite de ${limit} que les lecteurs appliquent\u00a0: rien n’est écrit\u00a0; répartissez les engagements entre plusieurs flux, ou raccourcissez leurs textes`,
    noRows: (file: string, base: string, commitments: string) =>
      `${file}\u00a0: aucune ligne d’engagement, alors que --base ${base} a ${commitments}\u00a0; rien n’est écrit (une feuille vide les retirerait tous)\u00a0: vérifiez que c’est la bonne feuille, et qu’elle a ses lignes sous l’en-tête`,
    noPublisher: 'pas de --publisher-name\u00a0: le flux nomme un éditeur provisoire',
    noSite: (from: 'sheet' | 'export') =>
      `${from === 'sheet' ? 'le tableur' : 'l’export'} ne contient ni site ni canal d’interpellation\u00a0: écrivez-les une fois dans le flux (init montre comment) et importez avec --base FLUX pour les garder`,
    written: (out: string, commitments: number) =>
      `${out}\u00a0: ${pluralIn('fr', commitments, { one: '{n} engagement écrit', other: '{n} engagements écrits' })}`,
    imported: (file: string, commitments: string, milestones: string, out: string | undefined) =>
      `${file}\u00a0: ${commitments}, ${milestones}${out ? `, écrits dans ${out}` : ''}`,
  },
  en: {
    colon: ': ',
    note: 'note: ',
    windows1252: (file: string) =>
      `${file}: not UTF-8, read as Windows-1252 (Excel's "CSV" on Windows); save as "CSV UTF-8" to avoid this note`,
    macRoman: (file: string) =>
      `${file}: not UTF-8, read as Mac Roman (Excel's "CSV" on a Mac); save as "CSV UTF-8" to avoid this note`,
    notUtf8: (byte: string) =>
      `not valid UTF-8 (the byte 0x${byte}), while the rest of the file is UTF-8: type this character again (often an accented letter pasted from a file in another encoding)`,
    lineColumn: (line: number, column: number) => `line ${line}, column ${column}`,
    utf16: (file: string) =>
      `${file}: UTF-16, not UTF-8 (Excel's "Unicode text"), read as such; save as "CSV UTF-8" to avoid this note`,
    notJson: (file: string, reason: string) => `${file}: not JSON (${reason})`,
    notValidJson: (file: string, reason: string) => `${file}: not valid JSON (${reason})`,
    needsKey: (file: string, key: string) =>
      `${file}: ${key}: a status needs a "key", such as "vote-en-conseil"`,
    notKey: (file: string, key: string, slug: string) =>
      `${file}: "${key}" is not a status key (1–64 characters of A-Z a-z 0-9 . _ -): write "key": "${slug || 'my-status'}" and "label": "${key}", and the sheet may still say "${key}"`,
    aSite: 'a site',
    aChannel: 'an interpellation channel',
    and: 'and',
    keepOut: (out: string, held: string, from: 'sheet' | 'export') =>
      `--out ${out}: is a feed with ${held}, which the ${from} cannot hold: add --base ${out} to keep them, or remove the file to start anew`,
    leftOut: (ids: readonly string[], from: 'sheet' | 'export') =>
      `not in the ${from}, so left out of the feed: ${ids.join(', ')}; to show a commitment given up, ${from === 'sheet' ? 'keep its row with the status withdrawn' : 'keep its result with a status mapped to withdrawn'}`,
    keptMilestones: (commitments: string) =>
      `the milestones of ${commitments} (no --milestones sheet)`,
    keptUpdates: (commitments: string, from: 'sheet' | 'export') =>
      `the updates of ${commitments} (${from === 'sheet' ? 'no --updates sheet' : 'the export has none'})`,
    keptFrom: (base: string, parts: string) => `kept from ${base}: ${parts}`,
    parts: {
      milestones: 'the milestones',
      updates: 'the updates',
      interpellations: 'the interpellations',
    },
    exampleParts: (parts: string, ids: string) => `${parts} of ${ids}`,
    exampleStatus: (keys: string) => `the status ${keys}`,
    examplesLeft: (base: string, parts: string) =>
      `not kept from ${base}, as they are the examples init wrote: ${parts}`,
    keepCsv: (out: string) =>
      `--base ${out} to keep its publisher, plan, site and interpellation channel`,
    keepDecidim: (out: string) =>
      `--base ${out} to keep its publisher, plan, site, interpellation channel and interpellations`,
    notImported: (file: string, errors: string) => `${file}: not imported (${errors})`,
    tooLarge: (size: string, limit: string) =>
      `the feed would be ${size}, larger than the limit of ${limit} that readers enforce: nothing written; split the commitments across feeds, or shorten their texts`,
    noRows: (file: string, base: string, commitments: string) =>
      `${file}: no commitment rows, while --base ${base} has ${commitments}; nothing written (an empty sheet would remove them all): check that it is the right sheet, with its rows under the header`,
    noPublisher: 'no --publisher-name given: the feed names a placeholder publisher',
    noSite: (from: 'sheet' | 'export') =>
      `the ${from} holds no site and no interpellation channel: write them once in the feed (init shows how) and import with --base FEED to keep them`,
    written: (out: string, commitments: number) =>
      `${out}: ${plural(commitments, 'commitment')} written`,
    imported: (file: string, commitments: string, milestones: string, out: string | undefined) =>
      `${file}: ${commitments}, ${milestones}${out ? ` written to ${out}` : ''}`,
  },
});

/** A line that informs, `note: …`. */
const note = (text: string): string => `${say(messages).note}${text}\n`;

/** An error line about a place in a sheet or export. */
const errorLine = (text: string): string => `${issueLabel('error')}${text}\n`;

/**
 * Reads a text file of a spreadsheet, saying on stderr when it was not UTF-8. `kind` says how to
 * locate a byte that is not UTF-8 in a UTF-8 file: by cell in CSV, by line in JSON, by either in
 * an export that may be both.
 */
async function readTextFile(
  file: string,
  io: CliIo,
  kind: 'csv' | 'json' | 'either',
): Promise<string> {
  const bytes = await readInput(file, io, { timeoutMs: 30_000, maxBytes: MAX_INPUT });
  refuseWorkbook(file, bytes, kind === 'json' ? 'json' : 'sheet');
  const decoded = decodeText(bytes);
  const words = say(messages);
  if (decoded.invalidAt !== undefined)
    throw new InputError(
      `${file}${words.colon}${wherePlace(
        decoded.text,
        decoded.invalidAt,
        kind === 'csv' || (kind === 'either' && !/^\s*[[{]/.test(decoded.text)),
      )}${words.colon}${words.notUtf8(
        (decoded.invalidByte ?? 0).toString(16).toUpperCase().padStart(2, '0'),
      )}`,
    );
  if (decoded.encoding === 'windows-1252') io.stderr(note(words.windows1252(file)));
  else if (decoded.encoding === 'macintosh') io.stderr(note(words.macRoman(file)));
  else if (decoded.encoding !== 'utf-8') io.stderr(note(words.utf16(file)));
  return decoded.text;
}

/**
 * Where the character at `offset` of `text` is: the row and column of its cell in a sheet (`csv`),
 * else, or when the sheet cannot be read, its line and column.
 */
function wherePlace(text: string, offset: number, csv: boolean): string {
  // A character no sheet holds marks the place, found back in the cell it ends up in.
  const marked = `${text.slice(0, offset)}\uffff${text.slice(offset + 1)}`;
  const parsed = csv ? readCsv(marked) : undefined;
  if (parsed?.ok) {
    const { header, rows } = parsed.table;
    const found = [{ row: 1, values: header }, ...rows]
      .map((row) => ({ row: row.row, column: row.values.findIndex((v) => v.includes('\uffff')) }))
      .find((place) => place.column !== -1);
    if (found) return cellPlace(found.row, found.column, header[found.column]);
  }
  const before = text.slice(0, offset);
  return say(messages).lineColumn(
    before.split('\n').length,
    before.length - before.lastIndexOf('\n'),
  );
}

/** Reads a CSV file into a table, or prints its problems and returns undefined. */
async function readTable(file: string, io: CliIo): Promise<CsvTable | undefined> {
  const parsed = readCsv(await readTextFile(file, io, 'csv'));
  if (parsed.ok) return parsed.table;
  for (const issue of parsed.issues) io.stderr(errorLine(formatCsvIssue(file, issue)));
  return undefined;
}

/** Reads a `--statuses` file: StatusDefs, or a map of key to category. */
async function readStatuses(file: string | undefined, io: CliIo) {
  if (file === undefined) return undefined;
  const text = await readTextFile(file, io, 'json');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(
      say(messages).notJson(file, jsonErrorText(withLineAndColumn((error as Error).message, text))),
    );
  }
  // The empty list `export csv --statuses` writes for a feed without statuses of its own.
  if (Array.isArray(value) && value.length === 0) return undefined;
  const map = readStatusMap(value);
  if (!map.ok) throw new InputError(`${file}${say(messages).colon}${map.message}`);
  for (const key of map.map.keys()) {
    if (/^\[\d+\]$/.test(key)) throw new InputError(say(messages).needsKey(file, key));
    if (/^[A-Za-z0-9._-]{1,64}$/.test(key)) continue;
    // "Voté en conseil" written as the key: it is the label, beside a key the feed can hold.
    const slug = normalizeWord(key)
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 64);
    throw new InputError(say(messages).notKey(file, key, slug));
  }
  return map.map;
}

/** The option that gave a part of the feed outside its commitments. */
const OPTION_OF: readonly [RegExp, string][] = [
  [/^updated$/, '--updated'],
  [/^languages(?:\[|$)/, '--lang'],
  [/^publisher\.url$/, '--publisher-url'],
  [/^publisher\.name(?:\.|$)/, '--publisher-name'],
  [/^publisher\.kind$/, '--kind'],
  [/^plan\.title(?:\.|$)/, '--plan-title'],
  [/^statuses(?:\[|$)/, '--statuses'],
];

/** A language tag after a column name, as the importer reads it: `title_en`, `titre (fr)`. */
const LANG_SUFFIX =
  /^(.+?)\s*(?:[_/.:]\s*([a-z]{2,3}(?:-[a-z0-9]{2,8})?)|\(\s*([a-z]{2,3}(?:-[a-z0-9]{2,8})?)\s*\))$/i;

type Columns = readonly { field: string; en: string; fr: string; aliases?: readonly string[] }[];

/** The index of the column of `field` in a sheet (in `lang` when there is one per language). */
function columnOf(
  table: CsvTable,
  defs: Columns,
  field: string,
  lang: string | undefined,
): number | undefined {
  let found: number | undefined;
  table.header.forEach((header, index) => {
    const suffixed = LANG_SUFFIX.exec(header);
    const names = suffixed ? [header, suffixed[1] ?? ''] : [header];
    const def = defs.find((column) =>
      names.some((name) =>
        [column.en, column.fr, ...(column.aliases ?? [])].some(
          (word) => normalizeWord(word) === normalizeWord(name),
        ),
      ),
    );
    if (def?.field !== field) return;
    const headerLang = suffixed ? (suffixed[2] ?? suffixed[3])?.toLowerCase() : undefined;
    if (found === undefined || (lang !== undefined && headerLang === lang.toLowerCase()))
      found = index;
  });
  return found;
}

/** The data rows of a sheet whose `commitment` column holds `id`. */
function rowsOf(table: CsvTable, id: string): CsvTable['rows'] {
  const column = columnOf(table, MILESTONE_COLUMNS, 'commitment', undefined);
  return column === undefined ? [] : table.rows.filter((row) => row.values[column]?.trim() === id);
}

/**
 * Where in the sheets a feed path is: `commitments[1].description` is the row of that
 * commitment's id in the description column. Undefined when the path is not one cell.
 */
function locate(
  where: string,
  feed: Feed,
  sheets: { commitments: CsvTable; milestones?: CsvTable; updates?: CsvTable },
):
  | { sheet: 'commitments' | 'milestones' | 'updates'; issue: Omit<CsvIssue, 'message'> }
  | undefined {
  const match = /^commitments\[(\d+)\](?:\.(\w+)(?:\[(\d+)\])?(?:\.([\w-]+))?)?/.exec(where);
  const commitment = match ? feed.commitments[Number(match[1])] : undefined;
  if (!match || !commitment) return undefined;
  const [, , field = 'id', index, sub] = match;
  const cell = (
    sheet: 'commitments' | 'milestones' | 'updates',
    table: CsvTable,
    row: number | undefined,
    defs: Columns,
    column: string,
    lang?: string,
  ) => {
    const columnIndex = columnOf(table, defs, column, lang);
    return {
      sheet,
      issue: {
        ...(row !== undefined ? { row } : {}),
        ...(columnIndex !== undefined
          ? { columnIndex, column: table.header[columnIndex] ?? '' }
          : {}),
      },
    };
  };
  if ((field === 'milestones' || field === 'updates') && index !== undefined) {
    const table = sheets[field];
    if (!table) return undefined;
    const defs = field === 'milestones' ? MILESTONE_COLUMNS : UPDATE_COLUMNS;
    let rows = rowsOf(table, commitment.id);
    if (field === 'updates') {
      // The feed lists updates by date: find the row by its date, not by its place.
      const date = commitment.updates?.[Number(index)]?.date;
      const dateColumn = columnOf(table, UPDATE_COLUMNS, 'date', undefined);
      rows = rows.filter((row) => {
        const read = readDate(row.values[dateColumn ?? -1] ?? '');
        return read.ok && read.value === date;
      });
    }
    const row = (field === 'milestones' ? rows[Number(index)] : rows[0])?.row;
    const column = sub && defs.some((def) => def.field === sub) ? sub : 'commitment';
    const lang = sub && sub !== column ? sub : undefined;
    return cell(field, table, row, defs, column, lang);
  }
  const idColumn = columnOf(sheets.commitments, COMMITMENT_COLUMNS, 'id', undefined);
  const row = sheets.commitments.rows.find(
    (candidate) => candidate.values[idColumn ?? -1]?.trim() === commitment.id,
  )?.row;
  const column = field === 'refs' && sub ? sub : field;
  const known = COMMITMENT_COLUMNS.some((def) => def.field === column);
  return cell(
    'commitments',
    sheets.commitments,
    row,
    COMMITMENT_COLUMNS,
    known ? column : 'id',
    field === 'refs' || index !== undefined ? undefined : sub,
  );
}

/**
 * Checks the produced feed in strict mode, so an importer never writes a feed `validate` refuses.
 * Each error is named where the publisher can fix it: the option that gave the value (exit 2, a
 * usage error), else the sheet's row and column when `sheets` are given, else the feed's path.
 * Returns the exit code, or undefined when the feed is valid.
 */
function selfCheck(
  feed: Feed,
  io: CliIo,
  sheets?: {
    tables: { commitments: CsvTable; milestones?: CsvTable; updates?: CsvTable };
    files: Record<'commitments' | 'milestones' | 'updates', string>;
  },
  source?: string,
): number | undefined {
  // Text misread before it reached the sheet or the export ("marchÃ©s"): the feed is valid, but
  // the words citizens would read are not the publisher's.
  for (const warning of garbledTexts(feed)) {
    const found = sheets ? locate(warning.path, feed, sheets.tables) : undefined;
    const message = issueMessage(warning.message);
    io.stderr(
      sheets && found
        ? `${issueLabel('warning')}${formatCsvIssue(sheets.files[found.sheet], { ...found.issue, message })}\n`
        : issueLine('warning', source, warning),
    );
  }
  const result = parseFeed(feed, { mode: 'strict' });
  if (result.ok) return undefined;
  let code: number = EXIT.invalid;
  for (const issue of result.errors) {
    const option = OPTION_OF.find(([pattern]) => pattern.test(issue.path))?.[1];
    if (option) {
      code = EXIT.trouble;
      io.stderr(errorLine(`${option}${say(messages).colon}${issueMessage(issue.message)}`));
      continue;
    }
    const found = sheets ? locate(issue.path, feed, sheets.tables) : undefined;
    if (sheets && found) {
      io.stderr(
        errorLine(
          formatCsvIssue(sheets.files[found.sheet], {
            ...found.issue,
            message: issueMessage(issue.message),
          }),
        ),
      );
      continue;
    }
    io.stderr(issueLine('error', source, issue));
  }
  return code;
}

function nowString(io: CliIo): string {
  return `${io.now().toISOString().slice(0, 19)}Z`;
}

/**
 * Writes the feed an import made, unless it is over the size a reader accepts: `validate`, `diff`
 * and `export csv`, like the widget and the extension, would refuse it whole. Returns the exit code.
 */
async function writeFeed(feed: Feed, out: string | undefined, io: CliIo): Promise<number> {
  const text = feedJson(feed);
  const size = new TextEncoder().encode(text).byteLength;
  if (size > DEFAULT_LIMITS.maxBytes) {
    io.stderr(
      errorLine(say(messages).tooLarge(bytesText(size), limitText(DEFAULT_LIMITS.maxBytes))),
    );
    return EXIT.invalid;
  }
  await writeOutput(out, text, io);
  return EXIT.ok;
}

/** Options of `import csv`. */
export interface ImportCsvOptions {
  readonly out?: string;
  readonly milestones?: string;
  readonly updates?: string;
  readonly base?: string;
  readonly publisherName?: string;
  readonly publisherUrl?: string;
  readonly kind?: PublisherKind;
  readonly planTitle?: string;
  readonly statuses?: string;
  readonly lang?: readonly string[];
  readonly updated?: string;
  /** Replace `out` if it exists (never one of the sheets or the statuses file). */
  readonly force?: boolean;
}

/**
 * Merges a freshly imported feed into `base`: the base keeps what the spreadsheet has no column
 * for (publisher, plan, site, statuses, channel, interpellations, other refs), and a commitment's
 * milestones and updates when no sheet of them is given; the sheet gives the commitments. A
 * publisher option replaces only its own field of the base's publisher, so that renaming it keeps
 * its address, logo and id; `--plan-title` replaces only the plan's title. `kept` counts the
 * commitments whose milestones and updates came from the base, and lists those that took nothing
 * from it because the base's commitment of that id is still the example `init` wrote.
 */
function mergeBase(
  imported: Feed,
  base: Feed,
  options: Pick<
    ImportCsvOptions,
    'milestones' | 'updates' | 'publisherName' | 'publisherUrl' | 'kind' | 'planTitle'
  > & {
    /** The language `planTitle` is written in. */
    readonly titleLang?: string;
    /** Whether `--lang` was given: its languages, in `imported`, then win over the base's. */
    readonly langGiven?: boolean;
    /**
     * The languages the sheet or the export shows (its columns per language, its texts per
     * locale): only when one of them is new to the texts of a base that lists no languages do the
     * languages of `imported` go in it. A sheet in one language says only the language of its
     * headers, which a feed written without `languages` may not want stated (a feed in `fr-FR`
     * exported with French headers), and the sheets exported from such a feed give back its
     * languages as they were: none.
     */
    readonly langsInSource?: readonly string[];
  },
  kept: Kept,
): Feed {
  const baseById = new Map(base.commitments.map((commitment) => [commitment.id, commitment]));
  const commitments: Commitment[] = imported.commitments.map((commitment) => {
    const before = baseById.get(commitment.id);
    if (!before) return commitment;
    const milestones = options.milestones === undefined ? before.milestones : undefined;
    const updates = options.updates === undefined ? before.updates : undefined;
    if (isStarterCommitment(before)) {
      const left = [
        milestones?.length ? 'milestones' : '',
        updates?.length ? 'updates' : '',
        before.interpellations?.length ? 'interpellations' : '',
      ].filter((part): part is ExamplePart => part !== '');
      if (left.length > 0) kept.examples.push(commitment.id);
      for (const part of left) kept.exampleParts.add(part);
      return commitment;
    }
    const refs = { ...before.refs, ...commitment.refs };
    if (milestones) kept.milestones += 1;
    if (updates) kept.updates += 1;
    return {
      ...commitment,
      ...(Object.keys(refs).length > 0 ? { refs } : {}),
      ...(milestones ? { milestones } : {}),
      ...(updates ? { updates } : {}),
      ...(before.interpellations ? { interpellations: before.interpellations } : {}),
    };
  });
  const languages = options.langGiven
    ? imported.languages
    : (base.languages ??
      (newLanguage(options.langsInSource, base) ? imported.languages : undefined));
  return {
    ...base,
    publisher: {
      ...base.publisher,
      ...(options.publisherName !== undefined ? { name: options.publisherName } : {}),
      ...(options.kind ? { kind: options.kind } : {}),
      ...(options.publisherUrl ? { url: options.publisherUrl } : {}),
    },
    ...(options.planTitle
      ? { plan: retitled(base.plan, options.planTitle, options.titleLang ?? 'en') }
      : {}),
    updated: imported.updated,
    ...(languages ? { languages } : {}),
    ...(imported.statuses ? { statuses: imported.statuses } : {}),
    commitments,
  };
}

/** Whether one of `langs` is a language none of the texts of the commitments of `feed` is in. */
function newLanguage(langs: readonly string[] = [], feed: Feed): boolean {
  const texts = feed.commitments.flatMap((c) => [
    c.title,
    c.summary,
    c.description,
    c.lead,
    ...(c.partners ?? []),
    ...(c.milestones ?? []).map((milestone) => milestone.title),
    ...(c.updates ?? []).map((update) => update.note),
  ]);
  const known = new Set(
    texts.flatMap((text) =>
      typeof text === 'object' ? Object.keys(text).map((lang) => lang.toLowerCase()) : [],
    ),
  );
  return langs.some((lang) => !known.has(lang.toLowerCase()));
}

/**
 * `plan` with the title `title`, written in `lang`, and all else kept: its id, period and address.
 * A title given in several languages keeps the others, as `--plan-title` gives only one: the
 * translations stay until the publisher changes them in the feed, rather than vanish unnoticed.
 * Its language is the one of the title's languages that `lang` names (`fr` is `fr-FR` too), else
 * `lang` is added.
 */
function retitled(plan: Plan | undefined, title: string, lang: string): Plan {
  const before = plan?.title;
  if (before === undefined || typeof before === 'string') return { ...plan, title };
  const primary = lang.toLowerCase().split('-')[0];
  const key =
    Object.keys(before).find((candidate) => candidate.toLowerCase() === lang.toLowerCase()) ??
    Object.keys(before).find((candidate) => candidate.toLowerCase().split('-')[0] === primary) ??
    lang;
  return { ...plan, title: { ...before, [key]: title } };
}

/** What an example commitment of `init` may hold that an import would take from the base. */
type ExamplePart = 'milestones' | 'updates' | 'interpellations';

/** What an import with `--base` took from it, or left out as `init`'s examples. */
interface Kept {
  /** How many commitments took their milestones from the base. */
  milestones: number;
  /** How many commitments took their updates from the base. */
  updates: number;
  /** The commitments that took nothing from the base's example commitment of the same id. */
  examples: string[];
  /** What those example commitments held and the import left out. */
  exampleParts: Set<ExamplePart>;
  /** The keys of `init`'s example statuses left out, used by no commitment. */
  exampleStatuses: string[];
}

/** Nothing kept yet. */
const keptNothing = (): Kept => ({
  milestones: 0,
  updates: 0,
  examples: [],
  exampleParts: new Set(),
  exampleStatuses: [],
});

/** The status keys that commitments and their updates give. */
function usedStatuses(commitments: readonly Commitment[]): Set<string> {
  return new Set(
    commitments.flatMap((c) => [c.status, ...(c.updates ?? []).flatMap((u) => u.status ?? [])]),
  );
}

/**
 * `merged` with the statuses of `base` that it uses without defining them, added after its own
 * (the updates kept from the base may give a status the sheet or the export no longer declares),
 * and without `init`'s example status when nothing uses it but `init`'s example commitment (a
 * publisher may well have a status "En cours de marché" of its own).
 */
function withBaseStatuses(merged: Feed, base: Feed, kept: Kept): Feed {
  const keys = new Set((merged.statuses ?? []).map((status) => status.key));
  const used = usedStatuses(merged.commitments);
  const usedInBase = usedStatuses(base.commitments.filter((c) => !isStarterCommitment(c)));
  const more = (base.statuses ?? []).filter(
    (status) => !keys.has(status.key) && used.has(status.key),
  );
  const statuses = [...(merged.statuses ?? []), ...more].filter((status) => {
    const example = isStarterStatus(status) && !used.has(status.key) && !usedInBase.has(status.key);
    if (example) kept.exampleStatuses.push(status.key);
    return !example;
  });
  const { statuses: _dropped, ...rest } = merged;
  return statuses.length === 0 ? rest : { ...rest, statuses };
}

/**
 * Refuses to replace, without `--base`, a feed at `--out` holding what no sheet or export holds
 * (a site, an interpellation channel, citizens' questions): `--force` alone, as the message of an
 * existing `--out` suggests first, would erase them. A JSON object there that cannot be read (a
 * feed with a comma missing) may hold them too: it is refused as well, naming the fault.
 */
async function keepOutFeed(
  out: string | undefined,
  options: { base?: string; force?: boolean },
  from: 'sheet' | 'export',
  io: CliIo,
): Promise<void> {
  if (out === undefined || out === '-' || options.base !== undefined || !options.force) return;
  const words = say(messages);
  const found = await existingOut(out, io);
  if (found.kind !== 'feed') return;
  const old = found.feed;
  const asked = old.commitments.reduce((n, c) => n + (c.interpellations?.length ?? 0), 0);
  const held = [
    old.site?.length ? words.aSite : '',
    old.interpellation ? words.aChannel : '',
    asked > 0 ? count(asked, ['interpellation', 'interpellations'], 'interpellation') : '',
  ].filter(Boolean);
  if (held.length === 0) return;
  throw new InputError(words.keepOut(out, listed(held, words.and), from));
}

/** Reads the feed given as `--base`, strictly; undefined after printing its errors. */
async function loadBase(file: string, io: CliIo): Promise<Feed | undefined> {
  const result = await loadFeed(file, io, 'strict', 30_000);
  if (result.ok) return result.feed;
  for (const issue of result.errors) io.stderr(issueLine('error', file, issue));
  return undefined;
}

/**
 * Says what an import with `--base` kept from it (`kept`) and which of its commitments the import
 * leaves out: a row deleted by mistake takes the commitment's history and citizens' questions
 * with it.
 */
function reportBase(
  feed: Feed,
  base: Feed | undefined,
  baseFile: string | undefined,
  kept: Kept,
  from: 'sheet' | 'export',
  io: CliIo,
): void {
  const words = say(messages);
  const inSource = new Set(feed.commitments.map((commitment) => commitment.id));
  const left = (base?.commitments ?? []).filter((commitment) => !inSource.has(commitment.id));
  if (left.length > 0) {
    // Each commitment with its own count, so that no count reads as the last one's alone.
    const ids = left.map((c) => {
      const asked = c.interpellations?.length ?? 0;
      return asked > 0
        ? `${c.id} (${count(asked, ['interpellation', 'interpellations'], 'interpellation')})`
        : c.id;
    });
    io.stderr(note(words.leftOut(ids, from)));
  }
  const keptParts = [
    kept.milestones > 0
      ? words.keptMilestones(count(kept.milestones, ['engagement', 'engagements'], 'commitment'))
      : '',
    kept.updates > 0
      ? words.keptUpdates(count(kept.updates, ['engagement', 'engagements'], 'commitment'), from)
      : '',
  ].filter(Boolean);
  if (keptParts.length > 0)
    io.stderr(note(words.keptFrom(baseFile ?? '', keptParts.join(` ${words.and} `))));
  const exampleParts = [
    kept.examples.length > 0
      ? words.exampleParts(
          listed(
            [...kept.exampleParts].map((part) => words.parts[part]),
            words.and,
          ),
          listed(kept.examples, words.and),
        )
      : '',
    kept.exampleStatuses.length > 0
      ? words.exampleStatus(listed(kept.exampleStatuses, words.and))
      : '',
  ].filter(Boolean);
  if (exampleParts.length > 0)
    io.stderr(note(words.examplesLeft(baseFile ?? '', exampleParts.join(` ${words.and} `))));
}

/** Turns the spreadsheet template into a feed. Exit 0 written, 1 bad sheet, 2 unreadable. */
export async function importCsvCommand(
  file: string,
  options: ImportCsvOptions,
  io: CliIo,
): Promise<number> {
  await checkTargets(
    {
      targets: [{ option: '--out', file: options.out }],
      // Not --base: writing the next version of the feed over it, with --force, is how a feed
      // kept in a spreadsheet is updated; it is read in full before anything is written.
      inputs: [file, options.milestones, options.updates, options.statuses],
      force: options.force ?? false,
      // The file there is most often the feed `init` wrote or the last version: its publisher,
      // plan, site and channel are not in the sheet, and --force alone would drop them.
      ...(options.base === undefined && options.out !== undefined
        ? {
            alsoAdd: say(messages).keepCsv(options.out),
          }
        : {}),
    },
    io,
  );
  await keepOutFeed(options.out, options, 'sheet', io);
  const statusMap = await readStatuses(options.statuses, io);
  const base = options.base ? await loadBase(options.base, io) : undefined;
  if (options.base && !base) return EXIT.invalid;
  const statuses: StatusDef[] | undefined = statusMap
    ? [...statusMap.values()].map((def) => ({
        key: def.key ?? '',
        label: def.label ?? def.key ?? '',
        category: def.category,
        ...(def.progress !== undefined ? { progress: def.progress } : {}),
      }))
    : base?.statuses
      ? [...base.statuses]
      : undefined;

  const commitments = await readTable(file, io);
  const milestones = options.milestones ? await readTable(options.milestones, io) : undefined;
  const updates = options.updates ? await readTable(options.updates, io) : undefined;
  if (!commitments || (options.milestones && !milestones) || (options.updates && !updates))
    return EXIT.invalid;

  const files = {
    commitments: file,
    milestones: options.milestones ?? '',
    updates: options.updates ?? '',
  };
  const result = importSpreadsheet(
    { commitments, ...(milestones ? { milestones } : {}), ...(updates ? { updates } : {}) },
    {
      publisherName: options.publisherName ?? (base ? '' : IMPORT_PLACEHOLDER_NAME.en),
      kind: options.kind ?? base?.publisher.kind ?? 'municipality',
      ...(options.publisherUrl ? { publisherUrl: options.publisherUrl } : {}),
      ...(options.planTitle ? { planTitle: options.planTitle } : {}),
      ...(statuses ? { statuses } : {}),
      ...(options.lang ? { languages: options.lang } : {}),
      updated: options.updated ?? nowString(io),
    },
  );
  const words = say(messages);
  for (const { sheet, issue } of result.warnings)
    io.stderr(`${issueLabel('warning')}${formatCsvIssue(files[sheet], issue)}\n`);
  if (!result.ok) {
    for (const { sheet, issue } of result.errors)
      io.stderr(errorLine(formatCsvIssue(files[sheet], issue)));
    io.stderr(
      `${words.notImported(file, count(result.errors.length, ['erreur', 'erreurs'], 'error'))}\n`,
    );
    return EXIT.invalid;
  }
  // A sheet cut short (only its header, as a failed export or a wrong save leaves it) would
  // remove every commitment of the base, and their history and questions with them.
  if (base && base.commitments.length > 0 && result.feed.commitments.length === 0) {
    io.stderr(
      errorLine(
        words.noRows(
          file,
          options.base ?? '',
          count(base.commitments.length, ['engagement', 'engagements'], 'commitment'),
        ),
      ),
    );
    return EXIT.invalid;
  }
  const placeholder = options.publisherName === undefined && !base;
  if (placeholder) io.stderr(note(words.noPublisher));
  // Without them the extension shows the feed on no page and no one is offered to question.
  if (!base) io.stderr(note(words.noSite('sheet')));
  const kept = keptNothing();
  const feed = base
    ? withBaseStatuses(
        // The title given is in the language the publisher writes the sheet in.
        mergeBase(
          result.feed,
          base,
          {
            ...options,
            titleLang: options.lang?.[0] ?? result.lang,
            langGiven: options.lang !== undefined,
            langsInSource: result.columnLangs,
          },
          kept,
        ),
        base,
        kept,
      )
    : placeholder
      ? {
          ...result.feed,
          // In the sheet's language, as the feed's texts are.
          publisher: {
            ...result.feed.publisher,
            name: IMPORT_PLACEHOLDER_NAME[isFrenchTag(result.feed.languages?.[0]) ? 'fr' : 'en'],
          },
        }
      : result.feed;
  reportBase(feed, base, options.base, kept, 'sheet', io);
  const invalid = selfCheck(
    feed,
    io,
    {
      tables: {
        commitments,
        ...(milestones ? { milestones } : {}),
        ...(updates ? { updates } : {}),
      },
      files,
    },
    file,
  );
  if (invalid !== undefined) return invalid;
  if ((await writeFeed(feed, options.out, io)) !== EXIT.ok) return EXIT.invalid;
  if (options.out) io.stderr(`${words.written(options.out, feed.commitments.length)}\n`);
  return EXIT.ok;
}

/** Options of `import decidim`. */
export interface ImportDecidimOptions {
  readonly out?: string;
  readonly base?: string;
  readonly statuses?: string;
  readonly publisherName?: string;
  readonly publisherUrl?: string;
  readonly kind?: PublisherKind;
  readonly lang?: string;
  readonly updated?: string;
  /** Replace `out` if it exists (never the export or the statuses file). */
  readonly force?: boolean;
}

/** Turns a Decidim accountability export (CSV or JSON) into a feed. */
export async function importDecidimCommand(
  file: string,
  options: ImportDecidimOptions,
  io: CliIo,
): Promise<number> {
  await checkTargets(
    {
      targets: [{ option: '--out', file: options.out }],
      inputs: [file, options.statuses],
      force: options.force ?? false,
      ...(options.base === undefined && options.out !== undefined
        ? {
            alsoAdd: say(messages).keepDecidim(options.out),
          }
        : {}),
    },
    io,
  );
  await keepOutFeed(options.out, options, 'export', io);
  const statuses = await readStatuses(options.statuses, io);
  const base = options.base ? await loadBase(options.base, io) : undefined;
  if (options.base && !base) return EXIT.invalid;
  const text = await readTextFile(file, io, 'either');
  let records: DecidimRecord[];
  if (/^\s*[[{]/.test(text)) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      const message = jsonErrorText(withLineAndColumn((error as Error).message, text));
      io.stderr(errorLine(say(messages).notValidJson(file, message)));
      return EXIT.invalid;
    }
    const fromJson = decidimRecordsFromJson(value);
    if (!Array.isArray(fromJson)) {
      const colon = say(messages).colon;
      io.stderr(errorLine(`${file}${colon}${fromJson.where}${colon}${fromJson.message}`));
      return EXIT.invalid;
    }
    records = fromJson;
  } else {
    const parsed = readCsv(text);
    if (!parsed.ok) {
      for (const issue of parsed.issues) io.stderr(errorLine(formatCsvIssue(file, issue)));
      return EXIT.invalid;
    }
    records = decidimRecordsFromCsv(parsed.table);
  }
  const result = importDecidim(records, {
    kind: options.kind ?? 'municipality',
    ...(options.publisherName ? { publisherName: options.publisherName } : {}),
    ...(options.publisherUrl ? { publisherUrl: options.publisherUrl } : {}),
    ...(statuses ? { statuses } : {}),
    ...(options.lang ? { lang: options.lang } : {}),
    ...(base ? { keepsPublisher: true } : {}),
    updated: options.updated ?? nowString(io),
  });
  const words = say(messages);
  if (!result.ok) {
    for (const issue of result.errors)
      io.stderr(errorLine(`${file}${words.colon}${issue.where}${words.colon}${issue.message}`));
    io.stderr(
      `${words.notImported(file, count(result.errors.length, ['erreur', 'erreurs'], 'error'))}\n`,
    );
    return EXIT.invalid;
  }
  for (const text of result.notes) io.stderr(note(text));
  // Without them the extension shows the feed only on the results' pages, and no one is offered
  // to question the publisher.
  if (!base) io.stderr(note(words.noSite('export')));
  const kept = keptNothing();
  const feed = base
    ? withBaseStatuses(
        mergeBase(
          result.feed,
          base,
          {
            ...options,
            milestones: file,
            langGiven: options.lang !== undefined,
            langsInSource: result.feed.languages ?? [],
          },
          kept,
        ),
        base,
        kept,
      )
    : result.feed;
  reportBase(feed, base, options.base, kept, 'export', io);
  const invalid = selfCheck(feed, io, undefined, file);
  if (invalid !== undefined) return invalid;
  if ((await writeFeed(feed, options.out, io)) !== EXIT.ok) return EXIT.invalid;
  const milestones = feed.commitments.reduce((n, c) => n + (c.milestones?.length ?? 0), 0);
  io.stderr(
    `${words.imported(
      file,
      count(feed.commitments.length, ['engagement', 'engagements'], 'commitment'),
      count(milestones, ['jalon', 'jalons'], 'milestone'),
      options.out,
    )}\n`,
  );
  return EXIT.ok;
}
