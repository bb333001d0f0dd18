import { describe, expect, it } from 'vitest';
import { foldForSearch, matchesQuery, queryWords } from './search.ts';

describe('foldForSearch', () => {
  it('ignores case and accents, so "egalite" finds "Égalité"', () => {
    expect(foldForSearch('Égalité FEMMES-hommes')).toBe('egalite femmes-hommes');
    expect(foldForSearch('Accroître la participation')).toBe('accroitre la participation');
  });

  it('spells out French ligatures and straightens apostrophes', () => {
    expect(foldForSearch('Œuvre cœur')).toBe('oeuvre coeur');
    expect(foldForSearch('l’accès à l’information')).toBe("l'acces a l'information");
  });

  it('reads every hyphen and dash as the one on a keyboard', () => {
    expect(foldForSearch('Égalité femmes\u2011hommes')).toBe('egalite femmes-hommes');
    for (const dash of ['\u2010', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212']) {
      expect(foldForSearch(`a${dash}b`)).toBe('a-b');
    }
  });

  it('collapses runs of spaces and trims', () => {
    expect(foldForSearch('  open \n  data ')).toBe('open data');
  });
});

describe('matchesQuery', () => {
  const key = foldForSearch('Paris : budget participatif, Décidim');
  it('finds every word in any order', () => {
    expect(matchesQuery(key, queryWords(foldForSearch('participatif PARIS')))).toBe(true);
    expect(matchesQuery(key, queryWords(foldForSearch('decidim')))).toBe(true);
  });
  it('refuses when one word is missing', () => {
    expect(matchesQuery(key, queryWords(foldForSearch('budget vert')))).toBe(false);
  });
  it('lets everything through for an empty query', () => {
    expect(matchesQuery(key, queryWords(''))).toBe(true);
  });
});
