/**
 * Reading spreadsheet cells into feed values: dates in ISO or French order, percentages with a
 * comma or a `%`, lists, header names in either language and with or without accents. Each reader
 * returns the value or a message saying what was expected, for an error at that cell.
 */
import { CATEGORIES, type Category, type StatusDef } from '../feed/types.ts';
import { isDate } from '../feed/formats.ts';
import { coreMessages } from '../i18n/core-messages.ts';
import { defineMessages } from '../i18n/define-messages.ts';
import { formatNumber } from '../i18n/format.ts';
import { say } from './lang.ts';

/** Why a cell is not a value, in each language. */
const messages = defineMessages({
  fr: {
    notDate: (text: string) =>
      `«\u00a0${text}\u00a0» n’est pas une date\u00a0: écrivez AAAA-MM-JJ (2026-12-31) ou JJ/MM/AAAA`,
    monthFirst: (text: string, iso: string) =>
      `la date «\u00a0${text}\u00a0» est écrite le mois en premier, alors que les dates sont lues le jour en premier\u00a0: mettez les colonnes de dates au format AAAA-MM-JJ («\u00a0${iso}\u00a0»), sinon une date comme 6/1 se lit 6 janvier`,
    notRealDate: (text: string) => `«\u00a0${text}\u00a0» n’est pas un jour qui existe`,
    notPercent: (text: string) => `«\u00a0${text}\u00a0» n’est pas un nombre de 0 à 100`,
    outside: (value: number) => `${formatNumber(value, 'fr')} n’est pas compris entre 0 et 100`,
    notPositive: (text: string) => `«\u00a0${text}\u00a0» n’est pas un nombre supérieur à 0`,
    unknownStatus: (cell: string, allowed: string, sheetLang: 'fr' | 'en', names: string) =>
      `statut inconnu «\u00a0${cell}\u00a0»\u00a0: utilisez l’un de ces statuts\u00a0: ${allowed} (ou le nom ${sheetLang === 'fr' ? 'français' : 'anglais'} d’une catégorie\u00a0: ${names})\u00a0; déclarez vos propres statuts avec --statuses`,
    statusMap: 'une liste de statuts ou un objet clé de statut -> catégorie est attendu',
    statusEntry: (key: string, categories: string) =>
      `${key}\u00a0: une catégorie (${categories}) ou «\u00a0{"category": …}\u00a0» est attendue`,
  },
  en: {
    notDate: (text: string) =>
      `"${text}" is not a date: write YYYY-MM-DD (2026-12-31) or DD/MM/YYYY`,
    monthFirst: (text: string, iso: string) =>
      `"${text}" is written month first, but dates are read day first: format the date columns as YYYY-MM-DD ("${iso}"), or a date such as 6/1 is read as 6 January`,
    notRealDate: (text: string) => `"${text}" is not a real calendar date`,
    notPercent: (text: string) => `"${text}" is not a number from 0 to 100`,
    outside: (value: number) => `${value} is outside 0-100`,
    notPositive: (text: string) => `"${text}" is not a number greater than 0`,
    unknownStatus: (cell: string, allowed: string, sheetLang: 'fr' | 'en', names: string) =>
      `unknown status "${cell}": use one of ${allowed} (or a category's ${sheetLang === 'fr' ? 'French' : 'English'} name: ${names}); declare your own statuses with --statuses`,
    statusMap: 'expected a list of statuses or an object of status key -> category',
    statusEntry: (key: string, categories: string) =>
      `${key}: expected a category (${categories}) or {"category": …}`,
  },
});

/** A cell's value, or why it is not one. */
export type CellResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** Lower case, no accents, single spaces: how headers and status words are compared. */
export function normalizeWord(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\s_]+/g, ' ')
    .trim();
}

/**
 * A date cell: `YYYY-MM-DD`, or day first as French spreadsheets write it (`31/12/2026`,
 * `1/6/2026`, `31.12.2026`), with at most a time of midnight after it (`31/12/2026 00:00`), as a
 * spreadsheet writes a date kept in a date-and-time cell. The day must exist.
 */
export function readDate(cell: string): CellResult<string> {
  const text = cell.trim();
  const day = text.replace(/[ T]00:00(?::00)?$/, '');
  let iso: string | undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(day)) iso = day;
  const dayFirst = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(day);
  if (dayFirst) {
    iso = `${dayFirst[3]}-${dayFirst[2]?.padStart(2, '0')}-${dayFirst[1]?.padStart(2, '0')}`;
  }
  if (iso === undefined) {
    return { ok: false, message: say(messages).notDate(text) };
  }
  const monthFirst = dayFirst
    ? `${dayFirst[3]}-${dayFirst[1]?.padStart(2, '0')}-${dayFirst[2]?.padStart(2, '0')}`
    : undefined;
  if (!isDate(iso) && monthFirst !== undefined && isDate(monthFirst)) {
    // 6/30/2027: a sheet that writes months first (US order), whose other dates, such as
    // 6/1/2027, are read as another day: say so, rather than "not a real date".
    return { ok: false, message: say(messages).monthFirst(text, monthFirst) };
  }
  if (!isDate(iso)) return { ok: false, message: say(messages).notRealDate(text) };
  return { ok: true, value: iso };
}

/**
 * A number written with decimal digits and an optional point, else `undefined`: `Number` alone
 * would also read `0x10` as 16, `1e2` as 100 and `Infinity`.
 */
function decimal(text: string): number | undefined {
  return /^[+-]?(?:\d+\.?\d*|\.\d+)$/.test(text) ? Number(text) : undefined;
}

/** A percentage cell: `45`, `45 %`, `45,5`, decimal digits only; 0 to 100. */
export function readPercent(cell: string): CellResult<number> {
  const text = cell.trim().replace(/\s*%$/, '').replace(',', '.');
  const value = decimal(text);
  if (value === undefined) {
    return { ok: false, message: say(messages).notPercent(cell.trim()) };
  }
  if (value < 0 || value > 100) return { ok: false, message: say(messages).outside(value) };
  return { ok: true, value };
}

/** A positive number cell (milestone weights). */
export function readPositive(cell: string): CellResult<number> {
  const value = decimal(cell.trim().replace(',', '.'));
  if (value === undefined || value <= 0) {
    return { ok: false, message: say(messages).notPositive(cell.trim()) };
  }
  return { ok: true, value };
}

/** The separator of several values in one cell. */
export const LIST_SEPARATOR = ' | ';

/**
 * A list cell: values separated by `|` or line breaks, each trimmed. `\|` is a `|` inside a
 * value (`Ville\|Métropole` is one partner), as `listCell` writes it.
 */
export function readList(cell: string): string[] {
  return cell
    .split(/(?<!\\)\||\n/)
    .map((item) => item.replace(/\\\|/g, '|').trim())
    .filter((item) => item !== '');
}

/** Writes a list cell that `readList` reads back: values joined by ` | `, their `|` escaped. */
export function listCell(items: readonly string[]): string {
  return items.map((item) => item.replace(/\|/g, '\\|')).join(LIST_SEPARATOR);
}

/** Whether `readList` gives `item` back as it is: no line break, no space at either end. */
export function listItemKept(item: string): boolean {
  return item !== '' && item.trim() === item && !/[\r\n]/.test(item);
}

/** A publisher's status, as a category or one of its own statuses. */
export interface StatusChoice {
  readonly key: string;
  readonly category: Category;
}

/**
 * Finds what a status cell means: a category key (`limited`), a category's French or English
 * label (`Limité`, `Complete`), or the key or a label of one of the publisher's own statuses.
 * Case and accents do not matter. `lang` is the sheet's: its names of the categories are those an
 * error suggests.
 */
export function statusReader(
  defs: readonly StatusDef[],
  lang: 'fr' | 'en' = 'fr',
): (cell: string) => CellResult<string> {
  const byWord = new Map<string, string>();
  for (const def of defs) {
    byWord.set(normalizeWord(def.key), def.key);
    const labels = typeof def.label === 'string' ? [def.label] : Object.values(def.label);
    for (const label of labels) byWord.set(normalizeWord(label), def.key);
  }
  for (const category of CATEGORIES) {
    byWord.set(normalizeWord(category), category);
    byWord.set(normalizeWord(category.replace('-', ' ')), category);
    for (const lang of ['fr', 'en'] as const) {
      const word = normalizeWord(coreMessages[lang].category[category]);
      if (!byWord.has(word)) byWord.set(word, category);
    }
  }
  const allowed = [...CATEGORIES, ...defs.map((def) => def.key)].join(', ');
  return (cell) => {
    const key = byWord.get(normalizeWord(cell));
    if (key !== undefined) return { ok: true, value: key };
    return {
      ok: false,
      message: say(messages).unknownStatus(
        cell.trim(),
        allowed,
        lang,
        CATEGORIES.map((c) => coreMessages[lang].category[c]).join(', '),
      ),
    };
  };
}

/**
 * Reads a status map file (`--statuses`): either a list of StatusDefs, as in a feed's
 * `statuses`, or an object from status key to a category or to `{label?, category, progress?}`.
 */
export function readStatusMap(
  value: unknown,
):
  | { ok: true; map: Map<string, Partial<StatusDef> & { category: Category }> }
  | { ok: false; message: string } {
  const map = new Map<string, Partial<StatusDef> & { category: Category }>();
  const isCategory = (v: unknown): v is Category => CATEGORIES.includes(v as Category);
  const entries: [string, unknown][] = Array.isArray(value)
    ? value.map((def: unknown, index) => [
        typeof def === 'object' &&
        def !== null &&
        typeof (def as { key?: unknown }).key === 'string'
          ? (def as { key: string }).key
          : `[${index}]`,
        def,
      ])
    : typeof value === 'object' && value !== null
      ? Object.entries(value)
      : [];
  if (entries.length === 0) {
    return { ok: false, message: say(messages).statusMap };
  }
  for (const [key, entry] of entries) {
    if (isCategory(entry)) {
      map.set(key, { key, category: entry });
      continue;
    }
    if (
      typeof entry !== 'object' ||
      entry === null ||
      !isCategory((entry as { category?: unknown }).category)
    ) {
      return { ok: false, message: say(messages).statusEntry(key, CATEGORIES.join(', ')) };
    }
    const { label, progress, category } = entry as Partial<StatusDef> & { category: Category };
    map.set(key, {
      key,
      category,
      ...(label !== undefined ? { label } : {}),
      ...(typeof progress === 'number' ? { progress } : {}),
    });
  }
  return { ok: true, map };
}
