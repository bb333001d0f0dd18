/** `open-commitments export csv`: a feed back to the spreadsheet template. */
import { writeCsv, type Separator } from './csv-table.ts';
import type { Feed } from '../feed/types.ts';
import { defineMessages } from '../i18n/define-messages.ts';
import { feedAsWritten } from './feed-as-written.ts';
import { EXIT, type CliIo } from './io.ts';
import { cliLang, isFrenchTag, say } from './lang.ts';
import { checkTargets, feedJson, issueLine, loadFeed, writeOutput } from './output.ts';
import { exportSpreadsheet, type HeaderLang } from './spreadsheet.ts';

/** What an export says, in each language. */
const messages = defineMessages({
  fr: {
    milestones: 'jalons (ajoutez --milestones FICHIER)',
    updates: 'mises à jour (ajoutez --updates FICHIER)',
    statuses: 'statuts (ajoutez --statuses FICHIER)',
    noStatuses: (file: string) =>
      `note\u00a0: ${file}\u00a0: le flux ne déclare aucun statut\u00a0; une liste vide y est écrite`,
    dropped: (items: string) =>
      `note\u00a0: le tableur n’a pas de place pour\u00a0: ${items}. Gardez le flux et réimportez avec --base pour les conserver.`,
    lost: (items: string) =>
      `note\u00a0: le tableur ne peut pas restituer\u00a0: ${items}. Modifiez-les dans le flux avant l’export, ou vérifiez-les après l’import.`,
  },
  en: {
    milestones: 'milestones (add --milestones FILE)',
    updates: 'updates (add --updates FILE)',
    statuses: 'statuses (add --statuses FILE)',
    noStatuses: (file: string) =>
      `note: ${file}: the feed declares no statuses; wrote an empty list`,
    dropped: (items: string) =>
      `note: the spreadsheet has no room for: ${items}. Keep the feed and re-import with --base to keep them.`,
    lost: (items: string) =>
      `note: the spreadsheet cannot give back: ${items}. Change these in the feed before exporting, or check them after importing.`,
  },
});

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

/**
 * The language of the sheet's headers for a feed: its first language (`fr-FR` is French too);
 * for a feed that lists none (`languages` is optional), the first language its texts are given
 * in, else the language of the run, which is most likely the publisher's.
 */
function headerLang(feed: Feed): HeaderLang {
  const texts = [
    feed.publisher.name,
    feed.plan?.title,
    ...feed.commitments.flatMap((commitment) => [
      commitment.title,
      commitment.summary,
      commitment.description,
    ]),
  ];
  const perLanguage = texts.find((text) => typeof text === 'object');
  const first = feed.languages?.[0] ?? (perLanguage ? Object.keys(perLanguage)[0] : undefined);
  if (first === undefined) return cliLang();
  return isFrenchTag(first) ? 'fr' : 'en';
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
  let bytes: Uint8Array = new Uint8Array();
  const result = await loadFeed(source, io, 'tolerant', options.timeoutMs, undefined, (read) => {
    bytes = read;
  });
  if (!result.ok) {
    for (const issue of result.errors) io.stderr(issueLine('error', source, issue));
    return EXIT.invalid;
  }
  // What a reader skipped or replaced goes in the sheet as written, for the import to report at
  // its row and column, rather than be lost once the sheet is imported back.
  const written = feedAsWritten(
    JSON.parse(new TextDecoder().decode(bytes).replace(/^\uFEFF/, '')),
    result.feed,
  );
  if (!written.ok) {
    io.stderr(issueLine('error', source, written.issue));
    return EXIT.invalid;
  }
  const feed = written.feed;
  const words = say(messages);
  for (const warning of result.warnings) io.stderr(issueLine('warning', source, warning));
  const lang: HeaderLang = options.lang ?? headerLang(feed);
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
  } else if (sheets.milestones.rows.length > 0) sheets.dropped.push(words.milestones);
  if (options.updates) {
    await writeOutput(
      options.updates,
      writeCsv(sheets.updates.header, sheets.updates.rows, separator),
      io,
    );
  } else if (sheets.updates.rows.length > 0) sheets.dropped.push(words.updates);
  if (options.statuses) {
    // An empty list rather than no file: an older file left there would bring back statuses the
    // feed no longer has when it is given to `import csv --statuses`.
    await writeOutput(options.statuses, feedJson(feed.statuses ?? []), io);
    if (!feed.statuses) io.stderr(`${words.noStatuses(options.statuses)}\n`);
  } else if (feed.statuses) sheets.dropped.push(words.statuses);
  const separate = cliLang() === 'fr' ? '\u00a0; ' : '; ';
  if (sheets.dropped.length > 0) io.stderr(`${words.dropped(sheets.dropped.join(separate))}\n`);
  if (sheets.lost.length > 0) io.stderr(`${words.lost(sheets.lost.join(separate))}\n`);
  return EXIT.ok;
}
