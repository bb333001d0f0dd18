import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { messages } from './messages.ts';

describe('extension texts', () => {
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
});
