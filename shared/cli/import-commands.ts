/** `open-commitments import csv` and `import decidim`: spreadsheets and Decidim exports to a feed. */
import { parseFeed } from '../feed/parse-feed.ts';
import type { Commitment, Feed, PublisherKind, StatusDef } from '../feed/types.ts';
import { readStatusMap } from './cells.ts';
import { formatCsvIssue, readCsv, type CsvTable } from './csv-table.ts';
import {
  decidimRecordsFromCsv,
  decidimRecordsFromJson,
  importDecidim,
  type DecidimRecord,
} from './decidim.ts';
import { decodeText } from './decode-text.ts';
import { EXIT, InputError, readInput, type CliIo } from './io.ts';
import { checkTargets, feedJson, loadFeed, writeOutput } from './output.ts';
import { importSpreadsheet } from './spreadsheet.ts';

const MAX_INPUT = 20 * 1024 * 1024;

/** Reads a text file of a spreadsheet, saying on stderr when it was not UTF-8. */
async function readTextFile(file: string, io: CliIo): Promise<string> {
  const bytes = await readInput(file, io, { timeoutMs: 30_000, maxBytes: MAX_INPUT });
  const decoded = decodeText(bytes);
  if (decoded.encoding === 'windows-1252') {
    io.stderr(
      `${file}: not UTF-8, read as Windows-1252 (Excel's "CSV" on Windows); save as "CSV UTF-8" to avoid this note\n`,
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
  let value: unknown;
  try {
    value = JSON.parse(await readTextFile(file, io));
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${file}: not JSON (${(error as Error).message})`);
  }
  // The empty list `export csv --statuses` writes for a feed without statuses of its own.
  if (Array.isArray(value) && value.length === 0) return undefined;
  const map = readStatusMap(value);
  if (!map.ok) throw new InputError(`${file}: ${map.message}`);
  return map.map;
}

/** Checks the produced feed in strict mode, so an importer never writes a feed `validate` refuses. */
function selfCheck(feed: Feed, io: CliIo): boolean {
  const result = parseFeed(feed, { mode: 'strict' });
  if (result.ok) return true;
  for (const issue of result.errors) io.stderr(`error    ${issue.path}: ${issue.message}\n`);
  return false;
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
 * for (publisher, plan, site, statuses, channel, interpellations, other refs), the sheet gives the
 * commitments.
 */
function mergeBase(imported: Feed, base: Feed, explicitPublisher: boolean): Feed {
  const baseById = new Map(base.commitments.map((commitment) => [commitment.id, commitment]));
  const commitments: Commitment[] = imported.commitments.map((commitment) => {
    const before = baseById.get(commitment.id);
    if (!before) return commitment;
    const refs = { ...before.refs, ...commitment.refs };
    return {
      ...commitment,
      ...(Object.keys(refs).length > 0 ? { refs } : {}),
      ...(before.interpellations ? { interpellations: before.interpellations } : {}),
    };
  });
  return {
    ...base,
    ...(explicitPublisher ? { publisher: imported.publisher } : {}),
    ...(imported.plan ? { plan: imported.plan } : {}),
    updated: imported.updated,
    ...((base.languages ?? imported.languages)
      ? { languages: base.languages ?? imported.languages }
      : {}),
    ...(imported.statuses ? { statuses: imported.statuses } : {}),
    commitments,
  };
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
    },
    io,
  );
  const statusMap = await readStatuses(options.statuses, io);
  let base: Feed | undefined;
  if (options.base) {
    const result = await loadFeed(options.base, io, 'strict', 30_000);
    if (!result.ok) {
      for (const issue of result.errors)
        io.stderr(`error    ${options.base}: ${issue.path}: ${issue.message}\n`);
      return EXIT.invalid;
    }
    base = result.feed;
  }
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
  const feed = base
    ? mergeBase(result.feed, base, options.publisherName !== undefined)
    : result.feed;
  if (!selfCheck(feed, io)) return EXIT.invalid;
  await writeOutput(options.out, feedJson(feed), io);
  if (options.out)
    io.stderr(`${options.out}: ${plural(feed.commitments.length, 'commitment')} written\n`);
  return EXIT.ok;
}

/** Options of `import decidim`. */
export interface ImportDecidimOptions {
  readonly out?: string;
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
    },
    io,
  );
  const statuses = await readStatuses(options.statuses, io);
  const text = await readTextFile(file, io);
  let records: DecidimRecord[];
  if (/^\s*[[{]/.test(text)) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      io.stderr(`error    ${file}: not valid JSON (${(error as Error).message})\n`);
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
  if (!selfCheck(result.feed, io)) return EXIT.invalid;
  await writeOutput(options.out, feedJson(result.feed), io);
  const milestones = result.feed.commitments.reduce((n, c) => n + (c.milestones?.length ?? 0), 0);
  io.stderr(
    `${file}: ${plural(result.feed.commitments.length, 'commitment')}, ${plural(milestones, 'milestone')}${options.out ? ` written to ${options.out}` : ''}\n`,
  );
  return EXIT.ok;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
