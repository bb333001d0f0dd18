import { describe, expect, it } from 'vitest';
import { langFromEnv } from './lang.ts';

describe('langFromEnv', () => {
  it('speaks French on a French system and English on any other', () => {
    expect(langFromEnv({ LANG: 'fr_FR.UTF-8' })).toBe('fr');
    expect(langFromEnv({ LANG: 'fr_CA.UTF-8' })).toBe('fr');
    expect(langFromEnv({ LANG: 'fr' })).toBe('fr');
    expect(langFromEnv({ LANG: 'en_GB.UTF-8' })).toBe('en');
    expect(langFromEnv({ LANG: 'de_DE.UTF-8' })).toBe('en');
    expect(langFromEnv({ LANG: 'fy_NL.UTF-8' })).toBe('en');
  });

  it('reads LC_ALL before LC_MESSAGES before LANG, as POSIX programs do', () => {
    expect(langFromEnv({ LC_ALL: 'en_US.UTF-8', LANG: 'fr_FR.UTF-8' })).toBe('en');
    expect(langFromEnv({ LC_MESSAGES: 'fr_BE.UTF-8', LANG: 'en_US.UTF-8' })).toBe('fr');
  });

  it('looks past an unset or portable "C" locale to the system locale (Windows sets no LANG)', () => {
    expect(langFromEnv({ LC_ALL: 'C.UTF-8', LANG: 'fr_FR.UTF-8' })).toBe('fr');
    expect(langFromEnv({ LANG: 'POSIX' }, 'fr-FR')).toBe('fr');
    expect(langFromEnv({ LANG: '' }, 'fr-FR')).toBe('fr');
    expect(langFromEnv({}, 'en-US')).toBe('en');
    expect(langFromEnv({})).toBe('en');
  });

  it('lets OPEN_COMMITMENTS_LANG choose, whatever the locale', () => {
    expect(langFromEnv({ OPEN_COMMITMENTS_LANG: 'fr', LANG: 'en_US.UTF-8' })).toBe('fr');
    expect(langFromEnv({ OPEN_COMMITMENTS_LANG: 'EN', LANG: 'fr_FR.UTF-8' })).toBe('en');
    expect(langFromEnv({ OPEN_COMMITMENTS_LANG: 'de', LANG: 'fr_FR.UTF-8' })).toBe('fr');
  });
});
