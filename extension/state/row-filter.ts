/**
 * The filter of a page's commitments, shared by the panel on the page and the toolbar popup: past
 * a few rows a field filters them by their words, and past a hundred only the first hundred that
 * match are drawn, so that a page naming 300 does not make a list 40,000 pixels long.
 */
import { useMemo, useState } from 'preact/hooks';
import { foldForSearch, matchesQuery, queryWords } from '../../shared/text/search.ts';
import { rowsByFeed, type PageRow, type PlanSummary } from './page-commitments.ts';

/** Above this many rows the list offers a field that filters them by their words. */
export const FILTER_FROM = 10;

/** The most rows drawn at once; a page naming more has them found by the filter. */
export const MAX_ROWS = 100;

/**
 * The words typed in the filter, and the rows that match them grouped by feed (at most
 * `MAX_ROWS` in all, feeds left out when none of theirs match), with how many are shown.
 */
export function useRowFilter(rows: readonly PageRow[], summaries: readonly PlanSummary[]) {
  const [query, setQuery] = useState('');
  const words = queryWords(foldForSearch(query));
  // Each title folded once per list, not at every drawing (a drag draws the panel at each move).
  const keys = useMemo(
    () => new Map(rows.map(({ row }) => [row, foldForSearch(row.title.text)])),
    [rows],
  );
  let room = MAX_ROWS;
  const groups = rowsByFeed(rows, summaries)
    .map((group) => {
      const kept = group.rows
        .filter(({ row }) => matchesQuery(keys.get(row)!, words))
        .slice(0, room);
      room -= kept.length;
      return { ...group, rows: kept };
    })
    .filter((group) => group.rows.length > 0);
  return { query, setQuery, groups, shown: MAX_ROWS - room };
}
