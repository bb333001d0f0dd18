import { describe, expect, it } from 'vitest';
import type { Category } from '../../shared/feed/types.ts';
import {
  applyFilters,
  commitmentKey,
  limitToShow,
  NO_FILTERS,
  PAGE_SIZE,
  parseCategories,
  readHash,
  writeHash,
  type FilterState,
  type Row,
} from './filters.ts';
import { foldForSearch } from '../../shared/text/search.ts';

function row(id: string, index: number, extra: Partial<Row> = {}): Row {
  return {
    id,
    index,
    category: 'limited',
    late: false,
    themes: [],
    lead: '',
    sortTitle: foldForSearch(id),
    searchKey: foldForSearch(id),
    openQuestions: 0,
    overdueAnswers: 0,
    ...extra,
  };
}

const rows: Row[] = [
  row('Open data', 0, {
    category: 'complete',
    progress: 100,
    due: '2024-01-31',
    themes: ['Data'],
    lead: 'DINUM',
  }),
  row('Budget participatif', 1, {
    category: 'limited',
    progress: 20,
    due: '2023-06-30',
    late: true,
    searchKey: foldForSearch('Budget participatif Hôtel de ville'),
    openQuestions: 2,
    overdueAnswers: 1,
  }),
  row('Achats publics', 2, { category: 'unknown', themes: ['Data', 'Procurement'], lead: 'DAE' }),
  row('Climat', 3, { category: 'substantial', progress: 60, due: '2025-12-31', openQuestions: 1 }),
];

const ids = (list: Row[]) => list.map((r) => r.id);
const filtered = (filters: Partial<FilterState>) => {
  const state = { ...NO_FILTERS, ...filters };
  return ids(applyFilters(rows, state, foldForSearch(state.q)));
};

describe('applyFilters', () => {
  it('keeps the publisher order with no filter', () => {
    expect(filtered({})).toEqual(['Open data', 'Budget participatif', 'Achats publics', 'Climat']);
  });

  it('filters by several status categories', () => {
    expect(filtered({ status: ['complete', 'substantial'] })).toEqual(['Open data', 'Climat']);
  });

  it('filters by theme, lead, lateness and questions', () => {
    expect(filtered({ theme: 'Data' })).toEqual(['Open data', 'Achats publics']);
    expect(filtered({ lead: 'DAE' })).toEqual(['Achats publics']);
    expect(filtered({ late: true })).toEqual(['Budget participatif']);
    expect(filtered({ questions: true })).toEqual(['Budget participatif', 'Climat']);
    expect(filtered({ overdue: true })).toEqual(['Budget participatif']);
  });

  it('searches ignoring accents and case', () => {
    expect(filtered({ q: 'HOTEL' })).toEqual(['Budget participatif']);
  });

  it('sorts by due date (none last), progress (unknown last), status and title', () => {
    expect(filtered({ sort: 'due' })).toEqual([
      'Budget participatif',
      'Open data',
      'Climat',
      'Achats publics',
    ]);
    expect(filtered({ sort: 'progress' })).toEqual([
      'Open data',
      'Climat',
      'Budget participatif',
      'Achats publics',
    ]);
    expect(filtered({ sort: 'status' })).toEqual([
      'Open data',
      'Climat',
      'Budget participatif',
      'Achats publics',
    ]);
    expect(filtered({ sort: 'title' })).toEqual([
      'Achats publics',
      'Budget participatif',
      'Climat',
      'Open data',
    ]);
  });

  it('does not reorder the rows it was given', () => {
    const copy = [...rows];
    applyFilters(rows, { ...NO_FILTERS, sort: 'title' }, '');
    expect(rows).toEqual(copy);
  });
});

describe('the URL hash', () => {
  it('reads the filters and the commitment to open', () => {
    expect(
      readHash('#oc-status=limited,complete&oc-q=budget%20vert&oc-late=1&commitment=FR0051'),
    ).toEqual({
      filters: { status: ['limited', 'complete'], q: 'budget vert', late: true },
      commitment: 'FR0051',
    });
  });

  it('ignores unknown categories and sorts, and the host page’s own parts', () => {
    expect(readHash('#top&oc-status=nope,limited&oc-sort=random')).toEqual({
      filters: { status: ['limited'] },
    });
  });

  it('writes only what differs from the defaults, keeping the host page’s parts', () => {
    const filters: FilterState = {
      ...NO_FILTERS,
      status: ['limited'],
      q: 'budget vert',
      sort: 'due',
    };
    expect(writeHash('#top&oc-q=old', filters, undefined)).toBe(
      '#top&oc-status=limited&oc-q=budget%20vert&oc-sort=due',
    );
    expect(writeHash('#top', NO_FILTERS, undefined)).toBe('#top');
    expect(writeHash('#oc-q=x', NO_FILTERS, undefined)).toBe('');
  });

  it('keeps its keys in the query of a route the host page keeps in the hash', () => {
    const sorted = { ...NO_FILTERS, sort: 'title' as const };
    expect(writeHash('#/engagements', sorted, undefined)).toBe('#/engagements?oc-sort=title');
    expect(writeHash('#/engagements?tab=2&oc-sort=due', sorted, 'E1')).toBe(
      '#/engagements?tab=2&oc-sort=title&commitment=E1',
    );
    expect(writeHash('#!/plan?oc-sort=title', NO_FILTERS, undefined)).toBe('#!/plan');
    expect(readHash('#/engagements?oc-sort=title&commitment=E1')).toEqual({
      filters: { sort: 'title' },
      commitment: 'E1',
    });
    expect(readHash('#/oc-sort=title')).toEqual({ filters: {} });
  });

  it('round-trips every filter and the opened commitment', () => {
    const filters: FilterState = {
      status: ['not-started', 'withdrawn'] as Category[],
      theme: 'Open Data & Transparence',
      lead: 'Ministère de l’Intérieur',
      late: true,
      questions: true,
      overdue: true,
      q: 'écoles #1 & co',
      sort: 'progress',
    };
    const hash = writeHash('', filters, 'VF-03');
    expect(readHash(hash)).toEqual({ filters, commitment: 'VF-03' });
  });

  it('keeps each dashboard of a page under its own id, leaving the others’ parts alone', () => {
    const hash = '#top&oc-q=shared&ville.status=limited&metropole.commitment=M-2';
    expect(readHash(hash, 'ville')).toEqual({ filters: { status: ['limited'] } });
    expect(readHash(hash, 'metropole')).toEqual({ filters: {}, commitment: 'M-2' });
    expect(readHash(hash)).toEqual({ filters: { q: 'shared' } });
    const filters: FilterState = { ...NO_FILTERS, q: 'vélo', late: true };
    expect(writeHash(hash, filters, 'V-1', NO_FILTERS, 'ville')).toBe(
      '#top&oc-q=shared&metropole.commitment=M-2&ville.late=1&ville.q=v%C3%A9lo&ville.commitment=V-1',
    );
    expect(writeHash(hash, NO_FILTERS, undefined, NO_FILTERS, 'metropole')).toBe(
      '#top&oc-q=shared&ville.status=limited',
    );
  });

  it('lets a dashboard alone on its page with an id follow the plain keys its id names none of', () => {
    const plain = '#top&oc-status=complete&commitment=E1';
    expect(readHash(plain, 'ville', true)).toEqual({
      filters: { status: ['complete'] },
      commitment: 'E1',
    });
    expect(readHash(plain, 'ville')).toEqual({ filters: {} });
    expect(readHash(`${plain}&ville.q=parc`, 'ville', true)).toEqual({ filters: { q: 'parc' } });
    // Written back under its id, the plain keys it read gone.
    const filters: FilterState = { ...NO_FILTERS, status: ['complete'], late: true };
    expect(writeHash(plain, filters, 'E1', NO_FILTERS, 'ville', true)).toBe(
      '#top&ville.status=complete&ville.late=1&ville.commitment=E1',
    );
  });

  it('shares the plain keys when an id would need escaping in the address', () => {
    expect(readHash('#oc-late=1', 'a b')).toEqual({ filters: { late: true } });
    expect(writeHash('', { ...NO_FILTERS, late: true }, undefined, NO_FILTERS, 'a&b')).toBe(
      '#oc-late=1',
    );
  });

  it('records a default the attributes preset and the reader turned off', () => {
    const preset: FilterState = { ...NO_FILTERS, status: ['limited'] };
    const hash = writeHash('', NO_FILTERS, undefined, preset);
    expect(hash).toBe('#oc-status=');
    expect(readHash(hash).filters.status).toEqual([]);
  });
});

describe('commitmentKey', () => {
  it('gives dashboards without an id, or with one that cannot scope the hash, the same key', () => {
    expect(commitmentKey('')).toBe('commitment');
    expect(commitmentKey('two words')).toBe('commitment');
    expect(commitmentKey('ville')).toBe('ville.commitment');
    expect(commitmentKey('ville')).not.toBe(commitmentKey('metropole'));
  });
});

describe('parseCategories', () => {
  it('reads a comma-separated attribute value', () => {
    expect(parseCategories(' limited , complete,bogus')).toEqual(['limited', 'complete']);
    expect(parseCategories(null)).toEqual([]);
  });
});

describe('limitToShow (chunked rendering)', () => {
  const many = Array.from({ length: 10_000 }, (_, i) => row(`C${i}`, i));
  it('keeps the current limit when the commitment is already rendered', () => {
    expect(limitToShow(many, 'C10', PAGE_SIZE)).toBe(PAGE_SIZE);
    expect(limitToShow(many, undefined, PAGE_SIZE)).toBe(PAGE_SIZE);
  });
  it('grows to whole pages so that a shared link to a far commitment shows it', () => {
    expect(limitToShow(many, 'C5000', PAGE_SIZE)).toBe(5050);
    expect(limitToShow(many, 'C99', PAGE_SIZE)).toBe(100);
  });
  it('ignores an unknown commitment', () => {
    expect(limitToShow(many, 'nope', PAGE_SIZE)).toBe(PAGE_SIZE);
  });
});
