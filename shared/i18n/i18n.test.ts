import { describe, expect, it } from 'vitest';
import { CATEGORIES, INTERPELLATION_STATUSES, PUBLISHER_KINDS } from '../feed/types.ts';
import { coreMessages } from './core-messages.ts';
import { defineMessages, type MessageTree } from './define-messages.ts';
import { formatDate, formatDateTime, formatNumber, formatPercent, plural } from './format.ts';
import { LANGS, pickLang } from './lang.ts';

/** Every key path of a message table, nested keys joined with dots. */
function keyPaths(tree: MessageTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' ? keyPaths(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

// Fewer spaces than Intl puts: French uses narrow no-break spaces before % and in thousands.
const plain = (text: string): string => text.replace(/[\u202f\u00a0]/g, ' ');

describe('core messages', () => {
  it('has every key in every language, none empty', () => {
    const reference = keyPaths(coreMessages.fr).sort();
    for (const lang of LANGS) {
      expect(keyPaths(coreMessages[lang]).sort()).toEqual(reference);
      for (const value of Object.values(coreMessages[lang])) expect(value).not.toBe('');
    }
  });

  it('labels every category, interpellation status and publisher kind', () => {
    for (const lang of LANGS) {
      expect(Object.keys(coreMessages[lang].category).sort()).toEqual([...CATEGORIES].sort());
      expect(Object.keys(coreMessages[lang].interpellationStatus).sort()).toEqual(
        [...INTERPELLATION_STATUSES].sort(),
      );
      expect(Object.keys(coreMessages[lang].publisherKind).sort()).toEqual(
        [...PUBLISHER_KINDS].sort(),
      );
    }
    expect(Object.values(coreMessages.fr.category)).toEqual([
      'Pas commencé',
      'Limité',
      'Substantiel',
      'Terminé',
      'Abandonné',
      'Inconnu',
    ]);
  });

  it('writes French with no-break spaces before : ; ! ? and the apostrophe ’', () => {
    const texts = keyPaths(coreMessages.fr).map((path) => {
      const value = path
        .split('.')
        .reduce<unknown>((table, key) => (table as Record<string, unknown>)[key], coreMessages.fr);
      return typeof value === 'function' ? String(value('7', 7)) : String(value);
    });
    expect(texts.filter((text) => / [:;!?»]|« |'/.test(text))).toEqual([]);
  });

  it('builds sentences with numbers in both languages', () => {
    expect(coreMessages.fr.daysOverdue('1', 1)).toBe('1 jour de retard');
    expect(coreMessages.fr.daysOverdue('12', 12)).toBe('12 jours de retard');
    expect(coreMessages.en.daysOverdue('1', 1)).toBe('1 day overdue');
    expect(coreMessages.en.updated('June 30, 2027')).toBe('Updated June 30, 2027');
  });
});

describe('defineMessages', () => {
  it('returns the tables it is given', () => {
    const tables = { fr: { hello: 'Bonjour' }, en: { hello: 'Hello' } };
    expect(defineMessages(tables)).toBe(tables);
  });
});

// A table missing a key or with an extra one is refused at type level, not at run time: never
// called, these lines fail `npm run typecheck` (whose root tsconfig includes the tests) the day
// `defineMessages` accepts either table.
const _refusesMismatchedTables = () => [
  // @ts-expect-error: the English table lacks `bye`.
  defineMessages({ fr: { hello: 'Bonjour', bye: 'Au revoir' }, en: { hello: 'Hello' } }),
  // @ts-expect-error: the English table has a key French lacks.
  defineMessages({ fr: { hello: 'Bonjour' }, en: { hello: 'Hello', bye: 'Bye' } }),
];

describe('pickLang', () => {
  it('reads a language tag, a list or an Accept-Language header', () => {
    expect(pickLang('fr-FR')).toBe('fr');
    expect(pickLang('en-GB')).toBe('en');
    expect(pickLang('EN')).toBe('en');
    expect(pickLang(['de-DE', 'en-US', 'fr'])).toBe('en');
    expect(pickLang('de-CH, en;q=0.8, fr;q=0.5')).toBe('en');
    expect(pickLang('en_US')).toBe('en');
  });

  it('falls back to French', () => {
    expect(pickLang()).toBe('fr');
    expect(pickLang(null)).toBe('fr');
    expect(pickLang('')).toBe('fr');
    expect(pickLang('de')).toBe('fr');
    expect(pickLang([])).toBe('fr');
  });
});

describe('formatting', () => {
  it('writes dates in each language, on the calendar day given', () => {
    expect(formatDate('2027-06-30', 'fr')).toBe('30 juin 2027');
    expect(formatDate('2027-06-30', 'en')).toBe('June 30, 2027');
    expect(formatDate('2027-01-01', 'fr', 'short')).toBe('01/01/2027');
    expect(formatDate('2027-07-01', 'en')).toBe('July 1, 2027');
  });

  it('writes the first of a month as an ordinal in French, and no other day', () => {
    expect(formatDate('2027-01-01', 'fr')).toBe('1er janvier 2027');
    expect(formatDate('2027-01-01', 'fr', 'medium')).toBe('1er janv. 2027');
    expect(formatDate('2027-01-11', 'fr')).toBe('11 janvier 2027');
    expect(formatDate('2027-01-21', 'fr')).toBe('21 janvier 2027');
    expect(formatDateTime('2027-03-01T09:00:00Z', 'fr', 'UTC')).toBe(
      '1er mars 2027 à 9\u00a0h\u00a000',
    );
    expect(formatDateTime('2027-03-10T09:00:00Z', 'fr', 'UTC')).toBe(
      '10 mars 2027 à 9\u00a0h\u00a000',
    );
    expect(formatDate('not a date', 'fr')).toBe('not a date');
    expect(formatDate('0050-03-01', 'en')).toBe('March 1, 50');
  });

  it('writes a time of day the French way in French, with hours and minutes around an h', () => {
    expect(formatDateTime('2026-12-05T21:16:00Z', 'fr', 'UTC')).toBe(
      '5 décembre 2026 à 21\u00a0h\u00a016',
    );
    expect(formatDateTime('2026-12-05T09:05:00Z', 'fr', 'UTC')).toBe(
      '5 décembre 2026 à 9\u00a0h\u00a005',
    );
    expect(formatDateTime('2026-12-05T00:30:00Z', 'fr', 'UTC')).toBe(
      '5 décembre 2026 à 0\u00a0h\u00a030',
    );
    expect(formatDateTime('2026-12-05T21:16:00Z', 'en', 'UTC')).toBe('December 5, 2026 at 9:16 PM');
  });

  it('writes numbers and percentages in each language', () => {
    expect(plain(formatNumber(1234.5, 'fr'))).toBe('1 234,5');
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
    expect(plain(formatPercent(45, 'fr'))).toBe('45 %');
    expect(formatPercent(45, 'en')).toBe('45%');
    expect(formatPercent(33.333, 'en')).toBe('33%');
    // Nearly done is not done, and barely begun is not nothing.
    expect(formatPercent(99.6, 'en')).toBe('99%');
    expect(formatPercent(99.5, 'en')).toBe('99%');
    expect(formatPercent(100, 'en')).toBe('100%');
    expect(formatPercent(0.3, 'en')).toBe('1%');
    expect(formatPercent(0, 'en')).toBe('0%');
  });

  it('chooses plural forms by each language rules', () => {
    const forms = { one: '{n} engagement', other: '{n} engagements' };
    expect(plural('fr', 0, forms)).toBe('0 engagement');
    expect(plural('fr', 1, forms)).toBe('1 engagement');
    expect(plural('fr', 2, forms)).toBe('2 engagements');
    expect(plural('en', 0, { one: '{n} commitment', other: '{n} commitments' })).toBe(
      '0 commitments',
    );
    expect(plain(plural('fr', 1500, forms))).toBe('1 500 engagements');
  });
});
