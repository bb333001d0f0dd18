import { CsvError, parse } from 'csv-parse/sync';
import { defineMessages } from '../i18n/define-messages.ts';
import { say } from './lang.ts';

/** Where a cell is, and what reading a CSV file says. */
const messages = defineMessages({
  fr: {
    row: (row: number) => `ligne ${row}`,
    column: (letter: string, name: string | undefined) =>
      `colonne ${letter}${name ? ` «\u00a0${name}\u00a0»` : ''}`,
    namedColumn: (name: string) => `colonne «\u00a0${name}\u00a0»`,
    colon: '\u00a0: ',
    empty: 'le fichier est vide\u00a0: une ligne d’en-tête est attendue',
    extraValues: (values: number, columns: number) =>
      `cette ligne a ${values} valeurs mais l’en-tête ${columns} colonnes\u00a0: un séparateur en trop, ou une valeur à mettre entre guillemets`,
    quoteNotClosed:
      'une valeur entre guillemets n’est jamais fermée\u00a0: un «\u00a0"\u00a0» ouvre une valeur sur cette ligne et aucun «\u00a0"\u00a0» ne la termine (écrivez «\u00a0""\u00a0» pour un guillemet à l’intérieur d’une valeur)',
    quoteMisplaced:
      'un guillemet est mal placé\u00a0: mettez toute la valeur entre guillemets et doublez ceux qu’elle contient',
  },
  en: {
    row: (row: number) => `row ${row}`,
    column: (letter: string, name: string | undefined) =>
      `column ${letter}${name ? ` (${name})` : ''}`,
    namedColumn: (name: string) => `column ${name}`,
    colon: ': ',
    empty: 'the file is empty: expected a header row',
    extraValues: (values: number, columns: number) =>
      `this row has ${values} values but the header has ${columns} columns: a separator too many, or a value that needs quotes`,
    quoteNotClosed:
      'a quoted value is never closed: a `"` opens a value on this row and no `"` ends it (write a quote inside a value as `""`)',
    quoteMisplaced: 'a quote is misplaced: quote the whole value and double the quotes inside it',
  },
});

/** A problem in a CSV file, located the way a spreadsheet shows it. */
export interface CsvIssue {
  /** 1-based spreadsheet row: the header is row 1. */
  readonly row?: number;
  /** The column's header, as written in the file. */
  readonly column?: string;
  /** 0-based column index, for the spreadsheet letter. */
  readonly columnIndex?: number;
  readonly message: string;
}

/** One data row of a CSV file with its spreadsheet row number. */
export interface CsvRow {
  readonly row: number;
  readonly values: readonly string[];
}

/** A parsed CSV file: its header, its data rows and the separator it used. */
export interface CsvTable {
  readonly header: readonly string[];
  readonly rows: readonly CsvRow[];
  readonly separator: Separator;
}

/** The separators spreadsheets write: `,` (English locales), `;` (French locales), tab. */
export type Separator = ',' | ';' | '\t';

/** Spreadsheet column letters: 0 -> A, 25 -> Z, 26 -> AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** `row 3, column C (statut)`, `ligne 3, colonne C « statut »`: where a person finds a cell. */
export function cellPlace(row: number | undefined, columnIndex?: number, column?: string): string {
  const words = say(messages);
  const where: string[] = [];
  if (row !== undefined) where.push(words.row(row));
  if (columnIndex !== undefined)
    where.push(words.column(columnLetter(columnIndex), column || undefined));
  else if (column) where.push(words.namedColumn(column));
  return where.join(', ');
}

/** `file.csv: row 3, column C (statut): message`: where a person finds the cell. */
export function formatCsvIssue(file: string, issue: CsvIssue): string {
  const colon = say(messages).colon;
  const where = cellPlace(issue.row, issue.columnIndex, issue.column);
  return `${file}${colon}${where !== '' ? `${where}${colon}` : ''}${issue.message}`;
}

/**
 * The separator of a CSV text, read from its header line (outside quotes): the most frequent of
 * `;`, `,` and tab; `,` when there is none.
 */
export function detectSeparator(text: string): Separator {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && (char === ',' || char === ';' || char === '\t')) counts[char] += 1;
  }
  const best = (Object.entries(counts) as [Separator, number][]).sort((a, b) => b[1] - a[1])[0];
  return best && best[1] > 0 ? best[0] : ',';
}

/**
 * Parses CSV text (already decoded, without BOM) into a header and rows, with the separator a
 * first line `sep=;` names, else the one the header uses. A value `writeCsv` wrote with a `'` to
 * keep it from running as a formula is read without it. Every problem is returned with its row,
 * never thrown: an unclosed quote, a row with more values than the header.
 */
export function readCsv(
  text: string,
): { ok: true; table: CsvTable } | { ok: false; issues: CsvIssue[] } {
  // `sep=;` on the first line tells Excel the separator, and Excel hides that line: the header
  // stays row 1, as the person who fixes the sheet sees it there.
  const directive = /^sep=([;,\t])\r?\n/i.exec(text);
  const body = directive ? text.slice(directive[0].length) : text;
  const separator = (directive?.[1] as Separator | undefined) ?? detectSeparator(body);
  let records: string[][];
  try {
    records = parse(body, {
      delimiter: separator,
      relax_column_count: true,
      skip_empty_lines: true,
      bom: true,
    }) as string[][];
  } catch (error) {
    return { ok: false, issues: [csvErrorIssue(error, body, separator)] };
  }
  const [header, ...data] = records;
  if (!header || header.every((cell) => cell.trim() === '')) {
    return { ok: false, issues: [{ row: 1, message: say(messages).empty }] };
  }
  const issues: CsvIssue[] = [];
  const rows: CsvRow[] = [];
  data.forEach((values, index) => {
    const row = index + 2;
    if (values.every((cell) => cell.trim() === '')) return;
    const extra = values.findIndex((cell, i) => i >= header.length && cell.trim() !== '');
    if (extra !== -1) {
      issues.push({
        row,
        columnIndex: extra,
        message: say(messages).extraValues(values.length, header.length),
      });
    }
    rows.push({ row, values: values.map(formulaText) });
  });
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, table: { header: header.map((cell) => cell.trim()), rows, separator } };
}

/**
 * The issue of a CSV text that the parser refused, located from the parser's own fields: the row
 * from the records read before it (counted as `readCsv` counts rows, the header being row 1), the
 * column from the position of the value in its record, named by the header when it was read. The
 * parser's English words are left out: they name a line of the file, not a row of the sheet.
 */
function csvErrorIssue(error: unknown, body: string, separator: Separator): CsvIssue {
  if (error instanceof CsvError) {
    const records = typeof error.records === 'number' ? error.records : undefined;
    const row = records !== undefined ? records + 1 : undefined;
    // `index` is the position, in its row, of the value being read when parsing stopped.
    const columnIndex = typeof error.index === 'number' ? error.index : undefined;
    const column =
      columnIndex !== undefined && records !== undefined && records > 0
        ? headerOf(body, separator)?.[columnIndex]?.trim()
        : undefined;
    const place = {
      ...(row !== undefined ? { row } : {}),
      ...(columnIndex !== undefined ? { columnIndex } : {}),
      ...(column ? { column } : {}),
    };
    if (error.code === 'CSV_QUOTE_NOT_CLOSED')
      return { ...place, message: say(messages).quoteNotClosed };
    if (error.code === 'CSV_INVALID_CLOSING_QUOTE' || error.code === 'INVALID_OPENING_QUOTE')
      return { ...place, message: say(messages).quoteMisplaced };
    return { ...(row !== undefined ? { row } : {}), message: error.message };
  }
  return { message: error instanceof Error ? error.message : String(error) };
}

/** The header of a CSV text whose later rows the parser refused; undefined if it too is refused. */
function headerOf(body: string, separator: Separator): string[] | undefined {
  try {
    const [header] = parse(body, {
      delimiter: separator,
      relax_column_count: true,
      skip_empty_lines: true,
      bom: true,
      to: 1,
    }) as string[][];
    return header;
  } catch {
    return undefined;
  }
}

/**
 * A value that a spreadsheet would run as a formula: it starts with `=`, `+`, `-`, `@`, a tab or a
 * carriage return, after any `'` (so that a value which really starts with `'` comes back whole).
 * Such a value is written with one `'` before it, which spreadsheets read as "text", and read back
 * without it (OWASP, CSV injection: https://owasp.org/www-community/attacks/CSV_Injection).
 */
const FORMULA = /^'*[=+\-@\t\r]/;

/**
 * Quotes a value when a spreadsheet would need it (separator, quote, line break, outer spaces), and
 * puts a `'` before one that it would run as a formula. The numbers the export writes (progress,
 * weights) are never negative, so they never start with `-` and are written as they are.
 */
function csvCell(value: string, separator: Separator): string {
  const text = FORMULA.test(value) ? `'${value}` : value;
  return text.includes(separator) || /["\r\n]/.test(text) || text.trim() !== text
    ? `"${text.replaceAll('"', '""')}"`
    : text;
}

/** A cell as `writeCsv` was given it: without the `'` that kept a formula from running. */
function formulaText(value: string): string {
  return value.startsWith("'") && FORMULA.test(value) ? value.slice(1) : value;
}

/**
 * Writes CSV that spreadsheets open as UTF-8: a byte-order mark (Excel needs it to read UTF-8),
 * the given separator, `\n` line ends, and no cell that a spreadsheet would run as a formula.
 */
export function writeCsv(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  separator: Separator,
): string {
  const lines = [header, ...rows].map((cells) =>
    cells.map((cell) => csvCell(cell, separator)).join(separator),
  );
  return `\uFEFF${lines.join('\n')}\n`;
}
