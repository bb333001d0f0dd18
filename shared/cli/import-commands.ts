/** `open-commitments import csv` and `import decidim`: spreadsheets and Decidim exports to a feed. */
import { parseFeed } from '../feed/parse-feed.ts';
import type { Commitment, Feed, PublisherKind, StatusDef } from '../feed/types.ts';
import { normalizeWord, readDate, readStatusMap } from './cells.ts';
import { formatCsvIssue, readCsv, type CsvIssue, type CsvTable } from './csv-table.ts';
import {
  decidimRecordsFromCsv,
  decidimRecordsFromJson,
  importDecidim,
  type DecidimRecord,
} from './decidim.ts';
import { decodeText } from './decode-text.ts';
import { garbledTexts } from './feed-checks.ts';
import { EXIT, InputError, readInput, type CliIo } from './io.ts';
import {
  checkTargets,
  feedJson,
  loadFeed,
  plural,
  withLineAndColumn,
  writeOutput,
} from './output.ts';
import {
  COMMITMENT_COLUMNS,
  MILESTONE_COLUMNS,
  UPDATE_COLUMNS,
  importSpreadsheet,
} from './spreadsheet.ts';

const MAX_INPUT = 20 * 1024 * 1024;

/** Reads a text file of a spreadsheet, saying on stderr when it was not UTF-8. */
async function readTextFile(file: string, io: CliIo): Promise<string> {
  const bytes = await readInput(file, io, { timeoutMs: 30_000, maxBytes: MAX_INPUT });
  const decoded = decodeText(bytes);
  if (decoded.encoding === 'windows-1252') {
    io.stderr(
      `${file}: not UTF-8, read as Windows-1252 (Excel's "CSV" on Windows); save as "CSV UTF-8" to avoid this note\n`,
    );
  } else if (decoded.encoding === 'macintosh') {
    io.stderr(
      `${file}: not UTF-8, read as Mac Roman (Excel's "CSV" on a Mac); save as "CSV UTF-8" to avoid this note\n`,
    );
  } else if (decoded.encoding !== 'utf-8') {
    io.stderr(
      `${file}: UTF-16, not UTF-8 (Excel's "Unicode text"), read as such; save as "CSV UTF-8" to avoid this note\n`,
    );
  }
  return decoded.text;
}

/** Reads a CSV file into a table, or prints its problems and returns undefined. */
async function readTable(file: string, io: CliIo): Promise<CsvTable | undefined> {
  const parsed = readCsv(await readTextFile(file, io));
  if (parsed.ok) return parsed.table;
  for (const issue of parsed.issues) io.stderr(`error    ${formatCsvIssue(file, issue)}\n`);
  return undefined;
}

/** Reads a `--statuses` file: StatusDefs, or a map of key to category. */
async function readStatuses(file: string | undefined, io: CliIo) {
  if (file === undefined) return undefined;
  const text = await readTextFile(file, io);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InputError(
      `${file}: not JSON (${withLineAndColumn((error as Error).message, text)})`,
    );
  }
  // The empty list `export csv --statuses` writes for a feed without statuses of its own.
  if (Array.isArray(value) && value.length === 0) return undefined;
  const map = readStatusMap(value);
  if (!map.ok) throw new InputError(`${file}: ${map.message}`);
  for (const key of map.map.keys()) {
    if (/^\[\d+\]$/.test(key))
      throw new InputError(`${file}: ${key}: a status needs a "key", such as "vote-en-conseil"`);
    if (/^[A-Za-z0-9._-]{1,64}$/.test(key)) continue;
    // "Voté en conseil" written as the key: it is the label, beside a key the feed can hold.
    const slug = normalizeWord(key)
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 64);
    throw new InputError(
      `${file}: "${key}" is not a status key (1–64 characters of A-Z a-z 0-9 . _ -): write "key": "${slug || 'my-status'}" and "label": "${key}", and the sheet may still say "${key}"`,
    );
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
    io.stderr(
      `warning  ${
        sheets && found
          ? formatCsvIssue(sheets.files[found.sheet], { ...found.issue, message: warning.message })
          : `${source ? `${source}: ` : ''}${warning.path}: ${warning.message}`
      }\n`,
    );
  }
  const result = parseFeed(feed, { mode: 'strict' });
  if (result.ok) return undefined;
  let code: number = EXIT.invalid;
  for (const issue of result.errors) {
    const option = OPTION_OF.find(([pattern]) => pattern.test(issue.path))?.[1];
    if (option) {
      code = EXIT.trouble;
      io.stderr(`error    ${option}: ${issue.message}\n`);
      continue;
    }
    const found = sheets ? locate(issue.path, feed, sheets.tables) : undefined;
    if (sheets && found) {
      io.stderr(
        `error    ${formatCsvIssue(sheets.files[found.sheet], { ...found.issue, message: issue.message })}\n`,
      );
      continue;
    }
    io.stderr(`error    ${source ? `${source}: ` : ''}${issue.path}: ${issue.message}\n`);
  }
  return code;
}

function nowString(io: CliIo): string {
  return `${io.now().toISOString().slice(0, 19)}Z`;
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
 * its address, logo and id. `kept` counts the commitments whose milestones and updates came from
 * the base.
 */
function mergeBase(
  imported: Feed,
  base: Feed,
  options: Pick<
    ImportCsvOptions,
    'milestones' | 'updates' | 'publisherName' | 'publisherUrl' | 'kind'
  >,
  kept: { milestones: number; updates: number },
): Feed {
  const baseById = new Map(base.commitments.map((commitment) => [commitment.id, commitment]));
  const commitments: Commitment[] = imported.commitments.map((commitment) => {
    const before = baseById.get(commitment.id);
    if (!before) return commitment;
    const refs = { ...before.refs, ...commitment.refs };
    const milestones = options.milestones === undefined ? before.milestones : undefined;
    const updates = options.updates === undefined ? before.updates : undefined;
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
  return {
    ...base,
    publisher: {
      ...base.publisher,
      ...(options.publisherName !== undefined ? { name: options.publisherName } : {}),
      ...(options.kind ? { kind: options.kind } : {}),
      ...(options.publisherUrl ? { url: options.publisherUrl } : {}),
    },
    ...(imported.plan ? { plan: imported.plan } : {}),
    updated: imported.updated,
    ...((base.languages ?? imported.languages)
      ? { languages: base.languages ?? imported.languages }
      : {}),
    ...(imported.statuses ? { statuses: imported.statuses } : {}),
    commitments,
  };
}

/**
 * `merged` with the statuses of `base` that it uses without defining them, added after its own:
 * the updates kept from the base may give a status the sheet or the export no longer declares.
 */
function withBaseStatuses(merged: Feed, base: Feed): Feed {
  const keys = new Set((merged.statuses ?? []).map((status) => status.key));
  const used = new Set(
    merged.commitments.flatMap((c) => [
      c.status,
      ...(c.updates ?? []).flatMap((u) => u.status ?? []),
    ]),
  );
  const more = (base.statuses ?? []).filter(
    (status) => !keys.has(status.key) && used.has(status.key),
  );
  return more.length === 0
    ? merged
    : { ...merged, statuses: [...(merged.statuses ?? []), ...more] };
}

/**
 * Refuses to replace, without `--base`, a feed at `--out` holding what no sheet or export holds
 * (a site, an interpellation channel, citizens' questions): `--force` alone, as the message of an
 * existing `--out` suggests first, would erase them.
 */
async function keepOutFeed(
  out: string | undefined,
  options: { base?: string; force?: boolean },
  from: 'sheet' | 'export',
  io: CliIo,
): Promise<void> {
  if (out === undefined || out === '-' || options.base !== undefined || !options.force) return;
  let old: Feed;
  try {
    const result = await loadFeed(out, io, 'tolerant', 30_000);
    if (!result.ok) return;
    old = result.feed;
  } catch {
    return;
  }
  const asked = old.commitments.reduce((n, c) => n + (c.interpellations?.length ?? 0), 0);
  const held = [
    old.site?.length ? 'a site' : '',
    old.interpellation ? 'an interpellation channel' : '',
    asked > 0 ? plural(asked, 'interpellation') : '',
  ].filter(Boolean);
  if (held.length === 0) return;
  throw new InputError(
    `--out ${out}: is a feed with ${held.slice(0, -1).join(', ')}${held.length > 1 ? ' and ' : ''}${held[held.length - 1] ?? ''}, which the ${from} cannot hold: add --base ${out} to keep them, or remove the file to start anew`,
  );
}

/** Reads the feed given as `--base`, strictly; undefined after printing its errors. */
async function loadBase(file: string, io: CliIo): Promise<Feed | undefined> {
  const result = await loadFeed(file, io, 'strict', 30_000);
  if (result.ok) return result.feed;
  for (const issue of result.errors)
    io.stderr(`error    ${file}: ${issue.path}: ${issue.message}\n`);
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
  kept: { milestones: number; updates: number },
  from: 'sheet' | 'export',
  io: CliIo,
): void {
  const inSource = new Set(feed.commitments.map((commitment) => commitment.id));
  const left = (base?.commitments ?? []).filter((commitment) => !inSource.has(commitment.id));
  if (left.length > 0) {
    const asked = left.reduce((sum, c) => sum + (c.interpellations?.length ?? 0), 0);
    const keep =
      from === 'sheet'
        ? 'keep its row with the status withdrawn'
        : 'keep its result with a status mapped to withdrawn';
    io.stderr(
      `note: not in the ${from}, so left out of the feed: ${left.map((c) => c.id).join(', ')}${asked > 0 ? ` (with ${plural(asked, 'interpellation')})` : ''}; to show a commitment given up, ${keep}\n`,
    );
  }
  const keptParts = [
    kept.milestones > 0
      ? `the milestones of ${plural(kept.milestones, 'commitment')} (no --milestones sheet)`
      : '',
    kept.updates > 0
      ? `the updates of ${plural(kept.updates, 'commitment')} (${from === 'sheet' ? 'no --updates sheet' : 'the export has none'})`
      : '',
  ].filter(Boolean);
  if (keptParts.length > 0)
    io.stderr(`note: kept from ${baseFile ?? ''}: ${keptParts.join(' and ')}\n`);
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
            alsoAdd: `--base ${options.out} to keep its publisher, plan, site and interpellation channel`,
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
      publisherName:
        options.publisherName ?? (base ? '' : 'Publisher (replace with --publisher-name)'),
      kind: options.kind ?? base?.publisher.kind ?? 'municipality',
      ...(options.publisherUrl ? { publisherUrl: options.publisherUrl } : {}),
      ...(options.planTitle ? { planTitle: options.planTitle } : {}),
      ...(statuses ? { statuses } : {}),
      ...(options.lang ? { languages: options.lang } : {}),
      updated: options.updated ?? nowString(io),
    },
  );
  for (const { sheet, issue } of result.warnings)
    io.stderr(`warning  ${formatCsvIssue(files[sheet], issue)}\n`);
  if (!result.ok) {
    for (const { sheet, issue } of result.errors)
      io.stderr(`error    ${formatCsvIssue(files[sheet], issue)}\n`);
    io.stderr(
      `${file}: not imported (${result.errors.length} error${result.errors.length === 1 ? '' : 's'})\n`,
    );
    return EXIT.invalid;
  }
  if (!options.publisherName && !base) {
    io.stderr('note: no --publisher-name given: the feed names a placeholder publisher\n');
  }
  if (!base) {
    // Without them the extension shows the feed on no page and no one is offered to question.
    io.stderr(
      'note: the sheet holds no site and no interpellation channel: write them once in the feed (init shows how) and import with --base FEED to keep them\n',
    );
  }
  const kept = { milestones: 0, updates: 0 };
  const feed = base
    ? withBaseStatuses(mergeBase(result.feed, base, options, kept), base)
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
  await writeOutput(options.out, feedJson(feed), io);
  if (options.out)
    io.stderr(`${options.out}: ${plural(feed.commitments.length, 'commitment')} written\n`);
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
            alsoAdd: `--base ${options.out} to keep its publisher, plan, site, interpellation channel and interpellations`,
          }
        : {}),
    },
    io,
  );
  await keepOutFeed(options.out, options, 'export', io);
  const statuses = await readStatuses(options.statuses, io);
  const base = options.base ? await loadBase(options.base, io) : undefined;
  if (options.base && !base) return EXIT.invalid;
  const text = await readTextFile(file, io);
  let records: DecidimRecord[];
  if (/^\s*[[{]/.test(text)) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      const message = withLineAndColumn((error as Error).message, text);
      io.stderr(`error    ${file}: not valid JSON (${message})\n`);
      return EXIT.invalid;
    }
    const fromJson = decidimRecordsFromJson(value);
    if (!Array.isArray(fromJson)) {
      io.stderr(`error    ${file}: ${fromJson.where}: ${fromJson.message}\n`);
      return EXIT.invalid;
    }
    records = fromJson;
  } else {
    const parsed = readCsv(text);
    if (!parsed.ok) {
      for (const issue of parsed.issues) io.stderr(`error    ${formatCsvIssue(file, issue)}\n`);
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
  if (!result.ok) {
    for (const issue of result.errors)
      io.stderr(`error    ${file}: ${issue.where}: ${issue.message}\n`);
    io.stderr(
      `${file}: not imported (${result.errors.length} error${result.errors.length === 1 ? '' : 's'})\n`,
    );
    return EXIT.invalid;
  }
  for (const note of result.notes) io.stderr(`note: ${note}\n`);
  if (!base) {
    // Without them the extension shows the feed only on the results' pages, and no one is offered
    // to question the publisher.
    io.stderr(
      'note: the export holds no site and no interpellation channel: write them once in the feed (init shows how) and import with --base FEED to keep them\n',
    );
  }
  const kept = { milestones: 0, updates: 0 };
  const feed = base
    ? withBaseStatuses(mergeBase(result.feed, base, { ...options, milestones: file }, kept), base)
    : result.feed;
  reportBase(feed, base, options.base, kept, 'export', io);
  const invalid = selfCheck(feed, io, undefined, file);
  if (invalid !== undefined) return invalid;
  await writeOutput(options.out, feedJson(feed), io);
  const milestones = feed.commitments.reduce((n, c) => n + (c.milestones?.length ?? 0), 0);
  io.stderr(
    `${file}: ${plural(feed.commitments.length, 'commitment')}, ${plural(milestones, 'milestone')}${options.out ? ` written to ${options.out}` : ''}\n`,
  );
  return EXIT.ok;
}
