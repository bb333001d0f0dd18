/**
 * Search keys, for the dashboard's search and the extension panel's filter: the dashboard filters
 * thousands of commitments on every keystroke, so each text is folded once (when the feed arrives)
 * and the query is folded the same way.
 */

const marks = /\p{M}/gu;
const ligatures: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss' };
const ligature = /[œæß]/g;
const quotes = /[\u2018\u2019\u02bc]/g;
/** Hyphens and dashes (U+2010 to U+2015) and the minus sign, typed as "-" on a keyboard. */
const dashes = /[\u2010-\u2015\u2212]/g;
const spaces = /\s+/g;

/**
 * Folds `text` for matching: case-insensitive, accents ignored ("Égalité" matches "egalite"),
 * French ligatures spelled out, curly apostrophes made straight, hyphens and dashes made "-"
 * ("femmes-hommes" finds "femmes\u2011hommes" with its non-breaking hyphen), runs of spaces made
 * one.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(marks, '')
    .toLowerCase()
    .replace(ligature, (c) => ligatures[c] ?? c)
    .replace(quotes, "'")
    .replace(dashes, '-')
    .replace(spaces, ' ')
    .trim();
}

/** The words of a folded query; none for an empty one. */
export function queryWords(foldedQuery: string): string[] {
  return foldedQuery === '' ? [] : foldedQuery.split(' ');
}

/**
 * Whether every word of a folded query (see `queryWords`) occurs in a folded key, in any order, so
 * that "budget participatif paris" finds "Paris : budget participatif".
 */
export function matchesQuery(key: string, words: readonly string[]): boolean {
  for (const word of words) {
    if (!key.includes(word)) return false;
  }
  return true;
}
