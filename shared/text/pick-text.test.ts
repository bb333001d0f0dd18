import { describe, expect, it } from 'vitest';
import { pickText } from './pick-text.ts';

describe('pickText', () => {
  const title = { en: 'Open data', fr: 'Données ouvertes', 'de-CH': 'Offene Daten' };

  it('returns a plain string as is, without a language', () => {
    expect(pickText('Un titre', 'en')).toEqual({ text: 'Un titre' });
  });

  it("picks the viewer's language, matching tags by primary subtag", () => {
    expect(pickText(title, 'fr')).toEqual({ text: 'Données ouvertes', lang: 'fr' });
    expect(pickText(title, 'fr-FR')).toEqual({ text: 'Données ouvertes', lang: 'fr' });
    expect(pickText(title, 'EN')).toEqual({ text: 'Open data', lang: 'en' });
    expect(pickText(title, 'de')).toEqual({ text: 'Offene Daten', lang: 'de-CH' });
  });

  it('prefers an exact tag to a regional one', () => {
    expect(pickText({ 'fr-CA': 'Courriel', fr: 'Mél' }, 'fr')).toEqual({ text: 'Mél', lang: 'fr' });
    expect(pickText({ fr: 'Mél', 'fr-CA': 'Courriel' }, 'fr-CA')).toEqual({
      text: 'Courriel',
      lang: 'fr-CA',
    });
  });

  it("falls back to the feed's first language, then to any", () => {
    expect(pickText(title, 'it', ['fr', 'en'])).toEqual({ text: 'Données ouvertes', lang: 'fr' });
    expect(pickText(title, 'it', ['es'])).toEqual({ text: 'Open data', lang: 'en' });
    expect(pickText({ es: 'Datos' }, 'fr')).toEqual({ text: 'Datos', lang: 'es' });
  });

  it('passes over a language whose translation is empty or blank', () => {
    expect(pickText({ fr: '', en: 'Open data' }, 'fr')).toEqual({ text: 'Open data', lang: 'en' });
    expect(pickText({ en: ' ', fr: 'Données ouvertes' }, 'en', ['en'])).toEqual({
      text: 'Données ouvertes',
      lang: 'fr',
    });
    expect(pickText({ fr: '', en: '\u00a0' }, 'fr')).toBeUndefined();
  });

  it('returns undefined for no text', () => {
    expect(pickText(undefined, 'fr')).toBeUndefined();
    expect(pickText({}, 'fr')).toBeUndefined();
  });
});
