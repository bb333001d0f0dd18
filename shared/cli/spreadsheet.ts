/**
 * The spreadsheet template: one row per commitment (plus optional milestone and update sheets),
 * with French or English headers, and its conversions to and from a feed. `docs/guide/` documents
 * the columns; `template-fr.csv` and `template-en.csv` are examples of it.
 */
import type {
  Commitment,
  Feed,
  Milestone,
  PublisherKind,
  StatusDef,
  Text,
  Update,
} from '../feed/types.ts';
import { FORMAT, type Category } from '../feed/types.ts';
import { coreMessages } from '../i18n/core-messages.ts';
import { isCategory } from '../status/resolve-status.ts';
import { IDENTIFIER_RE, isHttpUrl } from '../feed/formats.ts';
import { parsePattern } from '../match/match-pages.ts';
import {
  listCell,
  listItemKept,
  normalizeWord,
  readDate,
  readList,
  readPercent,
  readPositive,
  statusReader,
  type CellResult,
} from './cells.ts';
import type { CsvIssue, CsvTable, Separator } from './csv-table.ts';
import { defineMessages } from '../i18n/define-messages.ts';
import { formatNumber, plural } from '../i18n/format.ts';
import { say } from './lang.ts';

/** What reading and writing the sheets says, in each language. */
const messages = defineMessages({
  fr: {
    twice: 'cette colonne apparaît deux fois',
    known: (french: string, english: string) => `colonnes connues\u00a0: ${french}, ou ${english}`,
    nameIt: (name: string) =>
      `colonne inconnue\u00a0: nommez-la «\u00a0${name}\u00a0» si c’est ce qu’elle contient, ou retirez-la, pour qu’aucune valeur du tableur ne soit laissée de côté`,
    ignored: (known: string) => `colonne inconnue, ignorée (${known})`,
    noHeader:
      'une valeur sous aucun en-tête\u00a0: donnez un nom à cette colonne, ou placez la valeur dans une colonne du modèle, pour qu’aucune valeur du tableur ne soit laissée de côté',
    missing: (french: string, english: string) =>
      french === english
        ? `il manque la colonne «\u00a0${french}\u00a0»`
        : `il manque la colonne «\u00a0${french}\u00a0» (en-tête en français) ou «\u00a0${english}\u00a0» (en anglais)`,
    writeScheme: (url: string) => `\u00a0; écrivez «\u00a0${url}\u00a0»`,
    notUrl: (text: string) => `«\u00a0${text}\u00a0» n’est pas une adresse http(s) complète`,
    fraction: (cell: string, progress: number, percent: number) =>
      `${cell} se lit ${formatNumber(progress, 'fr')}\u00a0%, moins de 1\u00a0%\u00a0: s’il s’agit d’une fraction de 1, écrivez ${formatNumber(percent, 'fr')} pour ${formatNumber(percent, 'fr')}\u00a0%`,
    unequal: (count: number, lang: string, firstCount: number, firstLang: string) =>
      `${plural('fr', count, { one: '{n} valeur', other: '{n} valeurs' })} en «\u00a0${lang}\u00a0» mais ${firstCount} en «\u00a0${firstLang}\u00a0»\u00a0: donnez chacune dans chaque langue, dans le même ordre`,
    notPattern: (item: string) =>
      `«\u00a0${item}\u00a0» n’est pas un motif d’adresses comme https://www.example.fr/page/*`,
    noId: 'vide\u00a0: chaque ligne doit avoir un identifiant',
    notId: (text: string) =>
      `«\u00a0${text}\u00a0» n’est pas un identifiant\u00a0: de 1 à 64 lettres sans accent, chiffres, «\u00a0.\u00a0», «\u00a0_\u00a0» ou «\u00a0-\u00a0»`,
    idUsed: (id: string, row: number) =>
      `l’identifiant «\u00a0${id}\u00a0» est déjà celui de la ligne ${row}`,
    noTitle: 'vide\u00a0: chaque engagement doit avoir un titre',
    noStatus: 'vide\u00a0: écrivez un statut (inconnu / unknown si personne ne le sait)',
    dueBeforeStart: (due: string, start: string) => `l’échéance ${due} précède le début ${start}`,
    noCommitment: (id: string) => `aucun engagement n’a l’identifiant «\u00a0${id}\u00a0»`,
    noMilestoneTitle: 'vide\u00a0: chaque jalon doit avoir un titre',
    noUpdateDate: 'vide\u00a0: chaque mise à jour doit avoir une date',
    more: (ids: string, more: number) => `${ids} et ${more} autre${more > 1 ? 's' : ''}`,
    droppedSite: 'site',
    droppedChannel: 'canal d’interpellation',
    droppedPlan: 'plan (au-delà d’un titre en une seule langue)',
    droppedInterpellations: 'interpellations des engagements',
    droppedRefs: 'références (refs) des engagements autres que ogp et decidim',
    lostPartners: (ids: string, langs: string) =>
      `des partenaires qui ne sont pas donnés dans toutes les langues des autres (${ids}), que l’import ne peut pas apparier\u00a0: donnez chacun en ${langs}`,
    lostList: (ids: string) =>
      `des valeurs de liste avec un saut de ligne ou des espaces au début ou à la fin (${ids}), que l’import retire`,
  },
  en: {
    twice: 'this column appears twice',
    known: (french: string, english: string) => `known columns: ${french} or ${english}`,
    nameIt: (name: string) =>
      `unknown column: name it "${name}" if it holds that, or remove it, so that no value of the sheet is left out`,
    ignored: (known: string) => `unknown column, ignored (${known})`,
    noHeader:
      'a value under no header: name this column, or move the value to a column of the template, so that no value of the sheet is left out',
    missing: (french: string, english: string) =>
      `missing column "${french}" (French) or "${english}" (English)`,
    writeScheme: (url: string) => `; write "${url}"`,
    notUrl: (text: string) => `"${text}" is not an absolute http(s) URL`,
    fraction: (cell: string, progress: number, percent: number) =>
      `${cell} reads as ${progress} %, under 1 %: if it is a fraction of 1, write ${percent} for ${percent} %`,
    unequal: (count: number, lang: string, firstCount: number, firstLang: string) =>
      `${count} values in "${lang}" but ${firstCount} in "${firstLang}": give each one in every language, in the same order`,
    notPattern: (item: string) =>
      `"${item}" is not a match pattern such as https://www.example.fr/page/*`,
    noId: 'empty: every row needs an id',
    notId: (text: string) => `"${text}" is not an id: 1 to 64 letters, digits, ".", "_" or "-"`,
    idUsed: (id: string, row: number) => `id "${id}" is already used on row ${row}`,
    noTitle: 'empty: every commitment needs a title',
    noStatus: 'empty: write a status (unknown / inconnu when nobody knows)',
    dueBeforeStart: (due: string, start: string) => `due date ${due} is before the start ${start}`,
    noCommitment: (id: string) => `no commitment has the id "${id}"`,
    noMilestoneTitle: 'empty: every milestone needs a title',
    noUpdateDate: 'empty: every update needs a date',
    more: (ids: string, more: number) => `${ids} and ${more} more`,
    droppedSite: 'site',
    droppedChannel: 'interpellation',
    droppedPlan: 'plan (beyond a one-language title)',
    droppedInterpellations: 'commitments[].interpellations',
    droppedRefs: 'commitments[].refs other than ogp and decidim',
    lostPartners: (ids: string, langs: string) =>
      `partners not given in every language of the others (${ids}), which import cannot pair up: give each one in ${langs}`,
    lostList: (ids: string) =>
      `list values with a line break or spaces at either end (${ids}), which import trims`,
  },
});

/** The header language of a sheet. */
export type HeaderLang = 'fr' | 'en';

type CellKind =
  | 'id'
  | 'text'
  /** A list of texts: one list column, or one per language (`partners_fr`, `partners_en`). */
  | 'textlist'
  | 'status'
  | 'percent'
  | 'date'
  | 'list'
  | 'url'
  | 'patterns'
  | 'ref'
  | 'weight';

interface ColumnDef<F extends string> {
  readonly field: F;
  readonly en: string;
  readonly fr: string;
  readonly kind: CellKind;
  readonly required?: boolean;
  /** Other accepted headers (compared without case or accents). */
  readonly aliases?: readonly string[];
}

type CommitmentField =
  | 'id'
  | 'title'
  | 'summary'
  | 'description'
  | 'status'
  | 'progress'
  | 'start'
  | 'due'
  | 'lead'
  | 'partners'
  | 'themes'
  | 'url'
  | 'pages'
  | 'ogp'
  | 'decidim';

/** The columns of the commitment sheet, in template order. */
export const COMMITMENT_COLUMNS: readonly ColumnDef<CommitmentField>[] = [
  { field: 'id', en: 'id', fr: 'id', kind: 'id', required: true },
  { field: 'title', en: 'title', fr: 'titre', kind: 'text', required: true },
  { field: 'status', en: 'status', fr: 'statut', kind: 'status', required: true },
  { field: 'progress', en: 'progress', fr: 'avancement', kind: 'percent' },
  { field: 'start', en: 'start', fr: 'début', kind: 'date' },
  { field: 'due', en: 'due', fr: 'échéance', kind: 'date' },
  { field: 'lead', en: 'lead', fr: 'pilote', kind: 'text', aliases: ['responsable'] },
  { field: 'partners', en: 'partners', fr: 'partenaires', kind: 'textlist' },
  { field: 'themes', en: 'themes', fr: 'thèmes', kind: 'list' },
  { field: 'summary', en: 'summary', fr: 'résumé', kind: 'text' },
  { field: 'description', en: 'description', fr: 'description', kind: 'text' },
  { field: 'url', en: 'url', fr: 'lien', kind: 'url' },
  { field: 'pages', en: 'pages', fr: 'pages', kind: 'patterns' },
  { field: 'ogp', en: 'ogp', fr: 'ogp', kind: 'ref' },
  { field: 'decidim', en: 'decidim', fr: 'decidim', kind: 'url' },
];

type MilestoneField = 'commitment' | 'id' | 'title' | 'due' | 'done' | 'weight';

/** The columns of the milestone sheet (`--milestones`). */
export const MILESTONE_COLUMNS: readonly ColumnDef<MilestoneField>[] = [
  { field: 'commitment', en: 'commitment', fr: 'engagement', kind: 'id', required: true },
  { field: 'id', en: 'id', fr: 'id', kind: 'id' },
  { field: 'title', en: 'title', fr: 'titre', kind: 'text', required: true },
  { field: 'due', en: 'due', fr: 'échéance', kind: 'date' },
  { field: 'done', en: 'done', fr: 'réalisé', kind: 'date', aliases: ['fait'] },
  { field: 'weight', en: 'weight', fr: 'poids', kind: 'weight' },
];

type UpdateField = 'commitment' | 'date' | 'status' | 'progress' | 'note' | 'evidence';

/** The columns of the update sheet (`--updates`). */
export const UPDATE_COLUMNS: readonly ColumnDef<UpdateField>[] = [
  { field: 'commitment', en: 'commitment', fr: 'engagement', kind: 'id', required: true },
  { field: 'date', en: 'date', fr: 'date', kind: 'date', required: true },
  { field: 'status', en: 'status', fr: 'statut', kind: 'status' },
  { field: 'progress', en: 'progress', fr: 'avancement', kind: 'percent' },
  { field: 'note', en: 'note', fr: 'note', kind: 'text' },
  { field: 'evidence', en: 'evidence', fr: 'preuves', kind: 'list' },
];

/** Where each column of a sheet is: field -> (language or '' for plain text) -> column index. */
interface Layout<F extends string> {
  readonly columns: Map<F, Map<string, number>>;
  readonly lang: HeaderLang;
}

/** A language tag after the column name: `title_en`, `titre (fr)`, `title/en`, `title.en`. */
const LANG_SUFFIX =
  /^(.+?)\s*(?:[_/.:]\s*([a-z]{2,3}(?:-[a-z0-9]{2,8})?)|\(\s*([a-z]{2,3}(?:-[a-z0-9]{2,8})?)\s*\))$/i;

function findColumn<F extends string>(
  defs: readonly ColumnDef<F>[],
  header: string,
): ColumnDef<F> | undefined {
  const word = normalizeWord(header);
  return defs.find(
    (def) =>
      normalizeWord(def.en) === word ||
      normalizeWord(def.fr) === word ||
      (def.aliases ?? []).some((alias) => normalizeWord(alias) === word),
  );
}

function readLayout<F extends string>(
  table: CsvTable,
  defs: readonly ColumnDef<F>[],
  issues: CsvIssue[],
  warnings: CsvIssue[],
): Layout<F> {
  const columns = new Map<F, Map<string, number>>();
  const unknown: { header: string; index: number }[] = [];
  let frenchHits = 0;
  let englishHits = 0;
  table.header.forEach((header, index) => {
    let def = findColumn(defs, header);
    let lang = '';
    if (!def) {
      const suffixed = LANG_SUFFIX.exec(header);
      const base = suffixed?.[1];
      const candidate = base ? findColumn(defs, base) : undefined;
      if (candidate?.kind === 'text' || candidate?.kind === 'textlist') {
        def = candidate;
        lang = (suffixed?.[2] ?? suffixed?.[3] ?? '').toLowerCase();
      }
    }
    if (!def) {
      if (header.trim() !== '') unknown.push({ header, index });
      else {
        // A value under a blank header would be left out of the feed while the sheet shows it.
        const filled = table.rows.find((row) => (row.values[index] ?? '').trim() !== '');
        if (filled)
          issues.push({ row: filled.row, columnIndex: index, message: say(messages).noHeader });
      }
      return;
    }
    const base = normalizeWord(LANG_SUFFIX.exec(header)?.[1] ?? header);
    if (normalizeWord(def.fr) !== normalizeWord(def.en)) {
      if (base === normalizeWord(def.fr)) frenchHits += 1;
      else if (base === normalizeWord(def.en)) englishHits += 1;
    }
    const byLang = columns.get(def.field) ?? new Map<string, number>();
    if (byLang.has(lang)) {
      issues.push({
        row: 1,
        column: header,
        columnIndex: index,
        message: say(messages).twice,
      });
    }
    byLang.set(lang, index);
    columns.set(def.field, byLang);
  });
  const known = say(messages).known(
    defs.map((d) => d.fr).join(', '),
    defs.map((d) => d.en).join(', '),
  );
  for (const { header, index } of unknown) {
    // "Date d'échéance", "Avancement (%)", "Service pilote": a known column under another name,
    // whose values would be left out of the feed while the sheet still shows them.
    const words = normalizeWord(header).split(/[^a-z0-9]+/);
    const meant = defs.find(
      (def) =>
        !columns.has(def.field) &&
        [def.fr, def.en].some((name) => {
          const known = normalizeWord(name);
          return words.some((word) => word === known || `${word}s` === known);
        }),
    );
    const filled = table.rows.some((row) => (row.values[index] ?? '').trim() !== '');
    if (meant && filled) {
      issues.push({
        row: 1,
        column: header,
        columnIndex: index,
        message: say(messages).nameIt(frenchHits > englishHits ? meant.fr : meant.en),
      });
    } else {
      warnings.push({
        row: 1,
        column: header,
        columnIndex: index,
        message: say(messages).ignored(known),
      });
    }
  }
  for (const def of defs) {
    if (def.required && !columns.has(def.field)) {
      issues.push({
        row: 1,
        message: say(messages).missing(def.fr, def.en),
      });
    }
  }
  return { columns, lang: frenchHits > englishHits ? 'fr' : 'en' };
}

/**
 * `; write "https://www.ville.fr/page"` for a cell that lacks only its scheme, as a link copied
 * from a browser's address bar often does; else nothing.
 */
function withScheme(text: string, valid: (text: string) => boolean): string {
  const host = /^(\*\.)?[\w-]+(\.[\w-]+)+(:\d+)?(\/|$)/.test(text);
  return host && valid(`https://${text}`) ? say(messages).writeScheme(`https://${text}`) : '';
}

/** Why a cell is not a link, and the link it probably means. */
function notUrl(text: string): string {
  return `${say(messages).notUrl(text)}${withScheme(text, isHttpUrl)}`;
}

/** Reads one row's cells by field, recording an issue per bad cell. */
class RowReader<F extends string> {
  constructor(
    private readonly table: CsvTable,
    private readonly layout: Layout<F>,
    private readonly row: { row: number; values: readonly string[] },
    private readonly issues: CsvIssue[],
  ) {}

  private at(index: number): string {
    return (this.row.values[index] ?? '').trim();
  }

  /**
   * A text cell as written, spaces and line breaks included; '' when it holds only spaces. A line
   * break is `\n`, whether the spreadsheet wrote `\r\n` or, as Excel for Mac does, `\r`, which a
   * page would show as a space.
   */
  private textAt(index: number): string {
    const value = (this.row.values[index] ?? '').replace(/\r\n?/g, '\n');
    return value.trim() === '' ? '' : value;
  }

  /** The raw cell of a plain (not per-language) column, trimmed. */
  cell(field: F): { text: string; index: number } | undefined {
    const index = this.layout.columns.get(field)?.get('');
    return index === undefined ? undefined : { text: this.at(index), index };
  }

  fail(index: number, message: string): void {
    this.issues.push({
      row: this.row.row,
      column: this.table.header[index],
      columnIndex: index,
      message,
    });
  }

  /**
   * A progress cell. A value between 0 and 1 is most often a percentage cell shown as a fraction
   * (0,45 for 45 %): it is kept, with a warning in `warnings`.
   */
  progress(warnings: CsvIssue[]): number | undefined {
    const progress = this.value('progress' as F, readPercent);
    const cell = this.cell('progress' as F);
    if (progress !== undefined && cell && progress > 0 && progress < 1) {
      warnings.push({
        row: this.row.row,
        column: this.table.header[cell.index],
        columnIndex: cell.index,
        message: say(messages).fraction(cell.text, progress, Math.round(progress * 1000) / 10),
      });
    }
    return progress;
  }

  /** Reads a cell through `read`; an empty cell is `undefined`. */
  value<T>(field: F, read: (cell: string) => CellResult<T>): T | undefined {
    const cell = this.cell(field);
    if (!cell || cell.text === '') return undefined;
    const result = read(cell.text);
    if (!result.ok) {
      this.fail(cell.index, result.message);
      return undefined;
    }
    return result.value;
  }

  /**
   * A text: one string, or one string per language from `title_fr`, `title_en`… Kept as written,
   * with its spaces and line breaks, so that a feed exported and imported again is the same.
   */
  text(field: F): Text | undefined {
    const byLang = this.layout.columns.get(field);
    if (!byLang) return undefined;
    const plain = byLang.has('') ? this.textAt(byLang.get('') ?? -1) : '';
    const localized: Record<string, string> = {};
    for (const [lang, index] of byLang) {
      if (lang !== '' && this.textAt(index) !== '') localized[lang] = this.textAt(index);
    }
    if (Object.keys(localized).length === 0) return plain === '' ? undefined : plain;
    if (plain !== '') localized[this.layout.lang] ??= plain;
    return localized;
  }

  /**
   * A list of texts: the items of the plain column, then those of the per-language columns taken
   * together, the n-th of each language making the n-th text. A text the same in every language
   * is one string. The per-language lists of a row must have the same length.
   */
  textList(field: F): Text[] | undefined {
    const byLang = this.layout.columns.get(field);
    if (!byLang) return undefined;
    const texts: Text[] = [];
    const lists: [string, string[], number][] = [];
    for (const [lang, index] of byLang) {
      const items = readList(this.at(index));
      if (lang === '') texts.push(...items);
      else if (items.length > 0) lists.push([lang, items, index]);
    }
    const [first] = lists;
    if (first) {
      for (const [lang, items, index] of lists.slice(1)) {
        if (items.length !== first[1].length) {
          this.fail(index, say(messages).unequal(items.length, lang, first[1].length, first[0]));
          return undefined;
        }
      }
      first[1].forEach((_, i) => {
        const byLangText = Object.fromEntries(lists.map(([lang, items]) => [lang, items[i] ?? '']));
        const values = new Set(Object.values(byLangText));
        const [only] = values;
        texts.push(lists.length > 1 && values.size === 1 && only !== undefined ? only : byLangText);
      });
    }
    return texts.length > 0 ? texts : undefined;
  }

  list(field: F): string[] | undefined {
    const cell = this.cell(field);
    const items = cell ? readList(cell.text) : [];
    return items.length > 0 ? items : undefined;
  }

  url(field: F): string | undefined {
    return this.value(field, (text) =>
      isHttpUrl(text) ? { ok: true, value: text } : { ok: false, message: notUrl(text) },
    );
  }

  patterns(field: F): string[] | undefined {
    const cell = this.cell(field);
    if (!cell) return undefined;
    const items = readList(cell.text);
    for (const item of items) {
      if (!parsePattern(item)) {
        this.fail(
          cell.index,
          `${say(messages).notPattern(item)}${withScheme(item, (text) => parsePattern(text) !== null)}`,
        );
      }
    }
    return items.length > 0 ? items : undefined;
  }

  id(field: F, required: boolean): string | undefined {
    const cell = this.cell(field);
    if (!cell) return undefined;
    if (cell.text === '') {
      if (required) this.fail(cell.index, say(messages).noId);
      return undefined;
    }
    if (!IDENTIFIER_RE.test(cell.text)) {
      this.fail(cell.index, say(messages).notId(cell.text));
      return undefined;
    }
    return cell.text;
  }
}

/** What the importer needs besides the sheets. */
export interface SpreadsheetOptions {
  readonly publisherName: string;
  readonly kind: PublisherKind;
  readonly publisherUrl?: string;
  readonly planTitle?: string;
  readonly statuses?: readonly StatusDef[];
  /** The languages of the feed, preferred first; by default the header language. */
  readonly languages?: readonly string[];
  /** RFC 3339 date-time for `updated`. */
  readonly updated: string;
}

/** The sheets to import: commitments, and optionally milestones and updates. */
export interface SpreadsheetSheets {
  readonly commitments: CsvTable;
  readonly milestones?: CsvTable;
  readonly updates?: CsvTable;
}

/** The outcome of a spreadsheet import: a feed value, or every problem found, by sheet. */
export type SpreadsheetResult =
  | {
      ok: true;
      feed: Feed;
      /** The language of the commitments sheet's headers, which its plain-text cells are in. */
      lang: HeaderLang;
      /** The languages of the commitments sheet's columns per language (`titre_fr`, `title_en`). */
      columnLangs: readonly string[];
      warnings: { sheet: keyof SpreadsheetSheets; issue: CsvIssue }[];
    }
  | {
      ok: false;
      errors: { sheet: keyof SpreadsheetSheets; issue: CsvIssue }[];
      warnings: { sheet: keyof SpreadsheetSheets; issue: CsvIssue }[];
    };

/**
 * Adds a sheet's issues to a list, one by one: spread into `push`, the 150,000 issues of a
 * 50,000-row sheet read with the wrong columns would overflow the stack.
 */
function fileUnder(
  sheet: keyof SpreadsheetSheets,
  issues: readonly CsvIssue[],
  into: { sheet: keyof SpreadsheetSheets; issue: CsvIssue }[],
): void {
  for (const issue of issues) into.push({ sheet, issue });
}

/**
 * Builds a feed from the spreadsheet template. Every bad cell is reported with its row and
 * column; nothing is guessed: an unknown status or an impossible date is an error.
 */
export function importSpreadsheet(
  sheets: SpreadsheetSheets,
  options: SpreadsheetOptions,
): SpreadsheetResult {
  const errors: { sheet: keyof SpreadsheetSheets; issue: CsvIssue }[] = [];
  const warnings: { sheet: keyof SpreadsheetSheets; issue: CsvIssue }[] = [];

  const commitmentIssues: CsvIssue[] = [];
  const commitmentWarnings: CsvIssue[] = [];
  const layout = readLayout(
    sheets.commitments,
    COMMITMENT_COLUMNS,
    commitmentIssues,
    commitmentWarnings,
  );
  const statusOf = statusReader(options.statuses ?? [], layout.lang);
  const commitments: (Commitment & { milestones?: Milestone[]; updates?: Update[] })[] = [];
  const firstRow = new Map<string, number>();
  if (commitmentIssues.length === 0) {
    for (const row of sheets.commitments.rows) {
      const read = new RowReader(sheets.commitments, layout, row, commitmentIssues);
      const id = read.id('id', true);
      if (id !== undefined) {
        const seen = firstRow.get(id);
        if (seen !== undefined) {
          read.fail(read.cell('id')?.index ?? 0, say(messages).idUsed(id, seen));
        } else firstRow.set(id, row.row);
      }
      const title = read.text('title');
      if (title === undefined) {
        const byLang = layout.columns.get('title');
        read.fail([...(byLang?.values() ?? [])][0] ?? 0, say(messages).noTitle);
      }
      const statusCell = read.cell('status');
      let status: string | undefined;
      if (statusCell && statusCell.text === '') {
        read.fail(statusCell.index, say(messages).noStatus);
      } else status = read.value('status', statusOf);
      const start = read.value('start', readDate);
      const due = read.value('due', readDate);
      if (start !== undefined && due !== undefined && due < start) {
        read.fail(read.cell('due')?.index ?? 0, say(messages).dueBeforeStart(due, start));
      }
      const refs: Record<string, string> = {};
      const ogp = read.cell('ogp')?.text;
      if (ogp) refs.ogp = ogp;
      const decidim = read.url('decidim');
      if (decidim) refs.decidim = decidim;
      const partners = read.textList('partners');
      const commitment = {
        id: id ?? '',
        title: title ?? '',
        ...optional('summary', read.text('summary')),
        ...optional('description', read.text('description')),
        ...optional('themes', read.list('themes')),
        ...optional('lead', read.text('lead')),
        ...optional('partners', partners),
        status: status ?? 'unknown',
        ...optional('progress', read.progress(commitmentWarnings)),
        ...optional('start', start),
        ...optional('due', due),
        ...optional('url', read.url('url')),
        ...optional('pages', read.patterns('pages')),
        ...(Object.keys(refs).length > 0 ? { refs } : {}),
      };
      commitments.push(commitment);
    }
  }
  fileUnder('commitments', commitmentIssues, errors);
  fileUnder('commitments', commitmentWarnings, warnings);

  const byId = new Map(commitments.map((commitment) => [commitment.id, commitment]));
  const attach = <F extends string>(
    read: RowReader<F>,
  ): (Commitment & { milestones?: Milestone[]; updates?: Update[] }) | undefined => {
    const id = read.id('commitment' as F, true);
    if (id === undefined) return undefined;
    const commitment = byId.get(id);
    if (!commitment)
      read.fail(read.cell('commitment' as F)?.index ?? 0, say(messages).noCommitment(id));
    return commitment;
  };

  if (sheets.milestones) {
    const issues: CsvIssue[] = [];
    const sheetWarnings: CsvIssue[] = [];
    const milestoneLayout = readLayout(sheets.milestones, MILESTONE_COLUMNS, issues, sheetWarnings);
    if (issues.length === 0) {
      for (const row of sheets.milestones.rows) {
        const read = new RowReader(sheets.milestones, milestoneLayout, row, issues);
        const commitment = attach(read);
        const title = read.text('title');
        if (title === undefined) {
          read.fail(
            [...(milestoneLayout.columns.get('title')?.values() ?? [])][0] ?? 0,
            say(messages).noMilestoneTitle,
          );
        }
        const milestone: Milestone = {
          ...optional('id', read.id('id', false)),
          title: title ?? '',
          ...optional('due', read.value('due', readDate)),
          ...optional('done', read.value('done', readDate)),
          ...optional('weight', read.value('weight', readPositive)),
        };
        if (commitment) (commitment.milestones ??= []).push(milestone);
      }
    }
    fileUnder('milestones', issues, errors);
    fileUnder('milestones', sheetWarnings, warnings);
  }

  if (sheets.updates) {
    const issues: CsvIssue[] = [];
    const sheetWarnings: CsvIssue[] = [];
    const updateLayout = readLayout(sheets.updates, UPDATE_COLUMNS, issues, sheetWarnings);
    if (issues.length === 0) {
      for (const row of sheets.updates.rows) {
        const read = new RowReader(sheets.updates, updateLayout, row, issues);
        const commitment = attach(read);
        const evidenceCell = read.cell('evidence');
        const evidence = read.list('evidence');
        for (const link of evidence ?? []) {
          if (!isHttpUrl(link)) read.fail(evidenceCell?.index ?? 0, notUrl(link));
        }
        const update: Update = {
          date: read.value('date', readDate) ?? '',
          ...optional('status', read.value('status', statusOf)),
          ...optional('progress', read.progress(sheetWarnings)),
          ...optional('note', read.text('note')),
          ...optional('evidence', evidence),
        };
        if (read.cell('date')?.text === '')
          read.fail(read.cell('date')?.index ?? 0, say(messages).noUpdateDate);
        if (commitment) (commitment.updates ??= []).push(update);
      }
    }
    fileUnder('updates', issues, errors);
    fileUnder('updates', sheetWarnings, warnings);
  }

  // Updates stay in the order of the sheet, which is the order of the feed they were exported from.
  if (errors.length > 0) return { ok: false, errors, warnings };
  const textLangs = new Set<string>();
  for (const [, byLang] of layout.columns)
    for (const lang of byLang.keys()) if (lang) textLangs.add(lang);
  const languages = options.languages ?? (textLangs.size > 0 ? [...textLangs] : [layout.lang]);
  const feed: Feed = {
    format: FORMAT,
    publisher: {
      name: options.publisherName,
      kind: options.kind,
      ...optional('url', options.publisherUrl),
    },
    ...(options.planTitle ? { plan: { title: options.planTitle } } : {}),
    updated: options.updated,
    languages,
    ...(options.statuses && options.statuses.length > 0 ? { statuses: options.statuses } : {}),
    commitments,
  };
  return { ok: true, feed, lang: layout.lang, columnLangs: [...textLangs], warnings };
}

/** Some ids of commitments, for a note: the first five and how many more. */
function idList(commitments: readonly Commitment[]): string {
  const ids = commitments.slice(0, 5).map((c) => c.id);
  return commitments.length > 5
    ? say(messages).more(ids.join(', '), commitments.length - 5)
    : ids.join(', ');
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** How `exportSpreadsheet` writes the sheets. */
export interface ExportOptions {
  readonly lang: HeaderLang;
  readonly separator: Separator;
}

/** The sheets of a feed, as header + rows, ready for `writeCsv`. */
export interface ExportedSheets {
  readonly commitments: { header: string[]; rows: string[][] };
  readonly milestones: { header: string[]; rows: string[][] };
  readonly updates: { header: string[]; rows: string[][] };
  /** What the template has no room for: left out, and kept by an import with `--base`. */
  readonly dropped: string[];
  /** What the template holds but an import cannot give back as it was, `--base` or not. */
  readonly lost: string[];
}

/**
 * The columns of a text field across rows, by language: '' for plain strings, which keep a column
 * of their own next to `title_fr`, `title_en`… so that they come back as plain strings.
 */
function textLangs(values: readonly (Text | undefined)[], feedLangs: readonly string[]): string[] {
  const langs = new Set<string>();
  let plain = false;
  for (const value of values) {
    if (value === undefined) continue;
    if (typeof value === 'string') plain = true;
    else for (const lang of Object.keys(value)) langs.add(lang);
  }
  const ordered = [
    ...feedLangs.filter((lang) => langs.has(lang)),
    ...[...langs].filter((lang) => !feedLangs.includes(lang)),
  ];
  return plain || ordered.length === 0 ? ['', ...ordered] : ordered;
}

/** The languages of a list of texts across rows (`partners`): [''] when all are plain strings. */
function textListLangs(
  values: readonly (readonly Text[] | undefined)[],
  feedLangs: readonly string[],
): string[] {
  const langs = textLangs(
    values.flatMap((value) => value ?? []),
    feedLangs,
  );
  return langs.length > 1 ? langs.filter((lang) => lang !== '') : langs;
}

function textCell(value: Text | undefined, lang: string): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return lang === '' ? value : '';
  return lang === '' ? '' : (value[lang] ?? '');
}

/** A list of texts in the column of `lang`: a plain string goes in every language's column. */
function textListCell(values: readonly Text[], lang: string): string {
  return listCell(values.map((value) => (typeof value === 'string' ? value : (value[lang] ?? ''))));
}

function buildSheet<F extends string, R>(
  defs: readonly ColumnDef<F>[],
  records: readonly R[],
  get: (record: R, field: F) => unknown,
  options: ExportOptions,
  feedLangs: readonly string[],
): { header: string[]; rows: string[][] } {
  const columns: { field: F; kind: CellKind; lang: string; name: string }[] = [];
  for (const def of defs) {
    const name = def[options.lang];
    if (def.kind === 'text' || def.kind === 'textlist') {
      const values = records.map((record) => get(record, def.field));
      const langs =
        def.kind === 'text'
          ? textLangs(values as (Text | undefined)[], feedLangs)
          : textListLangs(values as (readonly Text[] | undefined)[], feedLangs);
      for (const lang of langs)
        columns.push({
          field: def.field,
          kind: def.kind,
          lang,
          name: lang ? `${name}_${lang}` : name,
        });
    } else columns.push({ field: def.field, kind: def.kind, lang: '', name });
  }
  const rows = records.map((record) =>
    columns.map((column) => {
      const value = get(record, column.field);
      if (value === undefined) return '';
      if (column.kind === 'text') return textCell(value as Text, column.lang);
      if (column.kind === 'textlist') return textListCell(value as Text[], column.lang);
      if (column.kind === 'status' && options.lang === 'fr' && isCategory(String(value))) {
        return coreMessages.fr.category[value as Category];
      }
      if (column.kind === 'list' || column.kind === 'patterns') return listCell(value as string[]);
      // French Excel reads 12.5 as the date 12 May: a French sheet writes 12,5, as import reads.
      if (typeof value === 'number' && options.lang === 'fr')
        return String(value).replace('.', ',');
      return String(value);
    }),
  );
  return { header: columns.map((column) => column.name), rows };
}

/**
 * Writes a feed back to the spreadsheet template, so that a publisher can round-trip: CSV to feed
 * to CSV gives the same sheets. What the template has no column for is listed in `dropped`.
 */
export function exportSpreadsheet(feed: Feed, options: ExportOptions): ExportedSheets {
  const langs = feed.languages ?? [];
  const commitments = buildSheet(
    COMMITMENT_COLUMNS,
    feed.commitments,
    (commitment, field) =>
      field === 'ogp' || field === 'decidim' ? commitment.refs?.[field] : commitment[field],
    options,
    langs,
  );
  const milestoneRecords = feed.commitments.flatMap((commitment) =>
    (commitment.milestones ?? []).map((milestone) => ({ commitment: commitment.id, ...milestone })),
  );
  const updateRecords = feed.commitments.flatMap((commitment) =>
    (commitment.updates ?? []).map((update) => ({ commitment: commitment.id, ...update })),
  );
  const milestones = buildSheet(
    MILESTONE_COLUMNS,
    milestoneRecords,
    (record, field) => record[field],
    options,
    langs,
  );
  const updates = buildSheet(
    UPDATE_COLUMNS,
    updateRecords,
    (record, field) => record[field],
    options,
    langs,
  );
  const dropped: string[] = [];
  const words = say(messages);
  if (feed.site) dropped.push(words.droppedSite);
  if (feed.interpellation) dropped.push(words.droppedChannel);
  if (
    feed.plan &&
    (feed.plan.id || feed.plan.period || feed.plan.url || typeof feed.plan.title === 'object')
  )
    dropped.push(words.droppedPlan);
  if (feed.commitments.some((c) => c.interpellations?.length))
    dropped.push(words.droppedInterpellations);
  if (
    feed.commitments.some((c) =>
      Object.keys(c.refs ?? {}).some((key) => key !== 'ogp' && key !== 'decidim'),
    )
  ) {
    dropped.push(words.droppedRefs);
  }
  const partnerLangs = textListLangs(
    feed.commitments.map((c) => c.partners),
    langs,
  );
  // Partners come back by position in each language: within a commitment, a language must be
  // given for all of them or for none.
  const unequal = feed.commitments.filter((c) =>
    partnerLangs.some((lang) => {
      const given = (c.partners ?? []).filter(
        (p) => typeof p === 'string' || p[lang] !== undefined,
      );
      return given.length > 0 && given.length < (c.partners ?? []).length;
    }),
  );
  const lost: string[] = [];
  if (unequal.length > 0) {
    lost.push(say(messages).lostPartners(idList(unequal), partnerLangs.join(', ')));
  }
  const unreadable = feed.commitments.filter((c) =>
    [
      ...(c.themes ?? []),
      ...(c.pages ?? []),
      ...(c.partners ?? []).flatMap((p) => (typeof p === 'string' ? [p] : Object.values(p))),
      ...(c.updates ?? []).flatMap((u) => u.evidence ?? []),
    ].some((item) => !listItemKept(item)),
  );
  if (unreadable.length > 0) {
    lost.push(say(messages).lostList(idList(unreadable)));
  }
  return { commitments, milestones, updates, dropped, lost };
}
