import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../shared/index.ts';
import { messages as contentMessages } from './messages.ts';
import { pageMessages, t } from './page-messages.ts';

// Every text of both tables: what the content script carries and what only the pages show.
const messages = {
  en: { ...contentMessages.en, ...pageMessages.en },
  fr: { ...contentMessages.fr, ...pageMessages.fr },
};

describe('extension texts', () => {
  it("keeps each text in one table, so that a page reads the content script's texts unchanged", () => {
    const pageKeys = new Set(Object.keys(pageMessages.en));
    expect(Object.keys(contentMessages.en).filter((key) => pageKeys.has(key))).toEqual([]);
    for (const lang of ['fr', 'en'] as const satisfies readonly Lang[]) {
      expect(t(lang)).toEqual(messages[lang]);
    }
  });

  it('names the toolbar button as the popup it opens is headed, in each language', () => {
    for (const lang of ['fr', 'en'] as const) {
      const locale = JSON.parse(
        readFileSync(`extension/public/_locales/${lang}/messages.json`, 'utf8'),
      ) as { actionTitle: { message: string } };
      expect(locale.actionTitle.message).toBe(messages[lang].overlayTitle);
    }
  });

  it('has every text in French and English, none empty', () => {
    const keys = Object.keys(messages.en).sort();
    expect(Object.keys(messages.fr).sort()).toEqual(keys);
    for (const lang of ['fr', 'en'] as const) {
      for (const key of keys) {
        const value = messages[lang][key as keyof typeof messages.en] as
          string | ((...a: never[]) => string);
        const text =
          typeof value === 'function' ? (value as (...a: unknown[]) => string)('x', 'y') : value;
        expect(text.trim(), `${lang}.${key}`).not.toBe('');
      }
    }
  });

  it('writes the French apostrophe as ’ everywhere, manifest texts included', () => {
    const texts: string[] = [];
    for (const value of Object.values(messages.fr) as (string | ((...a: unknown[]) => string))[]) {
      if (typeof value === 'string') texts.push(value);
      else
        for (const arg of [
          1,
          2,
          'http',
          'network',
          'timeout',
          'too-large',
          'refused',
          'not-http',
          'aborted',
          undefined,
        ])
          texts.push(value(arg, arg));
    }
    const locale = JSON.parse(
      readFileSync(new URL('../public/_locales/fr/messages.json', import.meta.url), 'utf8'),
    ) as Record<string, { message: string; description?: string }>;
    for (const { message, description } of Object.values(locale))
      texts.push(message, description ?? '');
    expect(texts.filter((text) => text.includes("'"))).toEqual([]);
    // French puts a no-break space, never a breakable one, before : ; ! ? and inside « ».
    expect(texts.filter((text) => / [:;!?»]|« /.test(text))).toEqual([]);
  });

  it('writes a date after its label as French readers expect', () => {
    expect(messages.fr.due('30 juin 2027')).toBe('Échéance\u00a0: 30 juin 2027');
    expect(messages.fr.lastUpdate('3 mars 2026')).toBe('Dernière mise à jour le 3 mars 2026');
  });

  it('has the same manifest and store texts in both locales', () => {
    const read = (lang: string) =>
      JSON.parse(
        readFileSync(new URL(`../public/_locales/${lang}/messages.json`, import.meta.url), 'utf8'),
      ) as Record<string, { message: string }>;
    const en = read('en');
    const fr = read('fr');
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    // Chrome Web Store and AMO cut descriptions at 132 characters.
    expect(en.extDescription!.message.length).toBeLessThanOrEqual(132);
    expect(fr.extDescription!.message.length).toBeLessThanOrEqual(132);
  });

  it('says one day and one supporter in the singular, and groups digits as each language does', () => {
    expect(messages.en.responseDays(1)).toBe('Answer promised within 1 day');
    expect(messages.fr.responseDays(1)).toBe('Réponse promise sous 1 jour');
    expect(messages.en.threshold(1)).toBe('1 supporter needed for a formal answer or a debate');
    expect(messages.fr.threshold(1)).toBe(
      '1 soutien nécessaire pour obtenir une réponse officielle ou un débat',
    );
    expect(messages.en.threshold(1500)).toBe(
      '1,500 supporters needed for a formal answer or a debate',
    );
    // French groups thousands with a narrow no-break space.
    expect(messages.fr.threshold(1500)).toBe(
      '1\u202f500 soutiens nécessaires pour obtenir une réponse officielle ou un débat',
    );
    expect(messages.fr.responseDays(30)).toBe('Réponse promise sous 30 jours');
    // So does the count of changes that one notification tells instead of one each.
    expect(messages.en.manyChanges(1500)).toBe(
      '1,500 changes to commitments you follow: see them in “My commitments”.',
    );
    expect(messages.fr.manyChanges(1500)).toBe(
      '1\u202f500\u00a0changements sur les engagements que vous suivez\u00a0: consultez-les dans «\u00a0Mes engagements\u00a0».',
    );
  });

  it('does not say that kept parts of a feed were skipped', () => {
    expect(messages.en.warnings(2)).toBe(
      '2 problems were found in the feed; what could not be read was left out or shown as unknown:',
    );
    expect(messages.fr.warnings(1)).toBe(
      '1 problème a été trouvé dans le flux\u00a0; ce qui n’a pas pu être lu a été laissé de côté ou montré comme inconnu\u00a0:',
    );
    for (const lang of ['en', 'fr'] as const) {
      expect(messages[lang].warnings(2)).not.toMatch(/skipped|ignorée/);
    }
  });

  it('spells out a single followed commitment that leaves with its feed', () => {
    expect(messages.en.removeFollowed(1)).toBe(
      'You follow one of its commitments: it will be removed from “My commitments”.',
    );
    expect(messages.fr.removeFollowed(1)).toBe(
      'Vous suivez un de ses engagements\u00a0: il sera retiré de «\u00a0Mes engagements\u00a0».',
    );
  });
});
