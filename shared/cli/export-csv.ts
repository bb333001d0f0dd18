/** `open-commitments export csv`: a feed back to the spreadsheet template. */
import { writeCsv, type Separator } from './csv-table.ts';
import { EXIT, type CliIo } from './io.ts';
import { checkTargets, feedJson, loadFeed, writeOutput } from './output.ts';
import { exportSpreadsheet, type HeaderLang } from './spreadsheet.ts';

/** Options of `export csv`. */
export interface ExportCsvOptions {
  readonly out?: string;
  readonly milestones?: string;
  readonly updates?: string;
  readonly statuses?: string;
  readonly lang?: HeaderLang;
  readonly separator?: Separator;
  readonly timeoutMs: number;
  /** Replace existing files (never the feed read). */
  readonly force?: boolean;
}

/** Writes a feed's commitments (and optionally milestones, updates, statuses) as CSV. */
export async function exportCsvCommand(
  source: string,
  options: ExportCsvOptions,
  io: CliIo,
): Promise<number> {
  await checkTargets(
    {
      targets: [
        { option: '--out', file: options.out },
        { option: '--milestones', file: options.milestones },
        { option: '--updates', file: options.updates },
        { option: '--statuses', file: options.statuses },
      ],
      inputs: [source],
      force: options.force ?? false,
    },
    io,
  );
  const result = await loadFeed(source, io, 'tolerant', options.timeoutMs);
  if (!result.ok) {
    for (const issue of result.errors)
      io.stderr(`error    ${source}: ${issue.path}: ${issue.message}\n`);
    return EXIT.invalid;
  }
  const feed = result.feed;
  for (const warning of result.warnings)
    io.stderr(`warning  ${source}: ${warning.path}: ${warning.message}\n`);
  const lang: HeaderLang = options.lang ?? (feed.languages?.[0] === 'fr' ? 'fr' : 'en');
  const separator: Separator = options.separator ?? (lang === 'fr' ? ';' : ',');
  const sheets = exportSpreadsheet(feed, { lang, separator });
  await writeOutput(
    options.out,
    writeCsv(sheets.commitments.header, sheets.commitments.rows, separator),
    io,
  );
  if (options.milestones) {
    await writeOutput(
      options.milestones,
      writeCsv(sheets.milestones.header, sheets.milestones.rows, separator),
      io,
    );
  } else if (sheets.milestones.rows.length > 0)
    sheets.dropped.push('milestones (add --milestones FILE)');
  if (options.updates) {
    await writeOutput(
      options.updates,
      writeCsv(sheets.updates.header, sheets.updates.rows, separator),
      io,
    );
  } else if (sheets.updates.rows.length > 0) sheets.dropped.push('updates (add --updates FILE)');
  if (options.statuses) {
    // An empty list rather than no file: an older file left there would bring back statuses the
    // feed no longer has when it is given to `import csv --statuses`.
    await writeOutput(options.statuses, feedJson(feed.statuses ?? []), io);
    if (!feed.statuses)
      io.stderr(`note: ${options.statuses}: the feed declares no statuses; wrote an empty list\n`);
  } else if (feed.statuses) sheets.dropped.push('statuses (add --statuses FILE)');
  if (sheets.dropped.length > 0) {
    io.stderr(
      `note: the spreadsheet has no room for: ${sheets.dropped.join('; ')}. Keep the feed and re-import with --base to keep them.\n`,
    );
  }
  if (sheets.lost.length > 0) {
    io.stderr(
      `note: the spreadsheet cannot give back: ${sheets.lost.join('; ')}. Change these in the feed before exporting, or check them after importing.\n`,
    );
  }
  return EXIT.ok;
}
