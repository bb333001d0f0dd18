import { describe, expect, it } from 'vitest';
import {
  grantCovers,
  grantedPatterns,
  missingOrigins,
  originOfUrl,
  originPattern,
  originPatterns,
} from './origins.ts';

describe('host permissions from match patterns', () => {
  it('reduces a page pattern to the host permission that covers it', () => {
    expect(originPattern('https://www.exemple.fr/marches/*')).toBe('https://www.exemple.fr/*');
    expect(originPattern('*://*.opengovpartnership.org/*members/france/*')).toBe(
      '*://*.opengovpartnership.org/*',
    );
    expect(originPattern('http://127.0.0.1:8080/town/*')).toBe('http://127.0.0.1/*');
    expect(originPattern('<all_urls>')).toBeUndefined();
    expect(originPattern('file:///tmp/*')).toBeUndefined();
  });

  it('deduplicates hosts in first-seen order', () => {
    expect(
      originPatterns(['https://a.fr/x/*', 'https://b.fr/*', 'https://a.fr/y*', 'nonsense']),
    ).toEqual(['https://a.fr/*', 'https://b.fr/*']);
  });

  it('gives a feed URL’s host permission, without its port', () => {
    expect(originOfUrl('http://127.0.0.1:4321/feed.json')).toBe('http://127.0.0.1/*');
    expect(originOfUrl('ftp://example.fr/feed.json')).toBeUndefined();
    expect(originOfUrl('not a url')).toBeUndefined();
  });
});

describe('which patterns a grant covers', () => {
  it('matches scheme and host like the browser does', () => {
    expect(grantCovers('https://*/*', 'https://www.exemple.fr/a*')).toBe(true);
    expect(grantCovers('http://*/*', 'https://www.exemple.fr/a*')).toBe(false);
    expect(grantCovers('*://*.exemple.fr/*', 'https://www.exemple.fr/a*')).toBe(true);
    expect(grantCovers('*://*.exemple.fr/*', 'https://exemple.fr/a*')).toBe(true);
    expect(grantCovers('https://www.exemple.fr/*', 'https://*.exemple.fr/*')).toBe(false);
    expect(grantCovers('https://exemple.fr/*', 'https://notexemple.fr/*')).toBe(false);
    expect(grantCovers('<all_urls>', 'https://exemple.fr/*')).toBe(true);
    // A pattern for both schemes needs both granted.
    expect(grantCovers('http://127.0.0.1/*', '*://127.0.0.1/*')).toBe(false);
  });
});

describe('registration patterns', () => {
  const patterns = [
    '*://*.opengovpartnership.org/*members/france/*',
    'http://127.0.0.1/town/*',
    'https://www.exemple.fr/marches/*',
  ];

  it('keeps only the patterns some grant covers, sorted', () => {
    expect(
      grantedPatterns(patterns, ['*://*.opengovpartnership.org/*', 'http://127.0.0.1/*']),
    ).toEqual(['*://*.opengovpartnership.org/*members/france/*', 'http://127.0.0.1/town/*']);
  });

  it('registers nothing when nothing is granted', () => {
    expect(grantedPatterns(patterns, [])).toEqual([]);
  });

  it('lists the hosts still to ask for', () => {
    expect(missingOrigins(patterns, ['http://127.0.0.1/*'])).toEqual([
      '*://*.opengovpartnership.org/*',
      'https://www.exemple.fr/*',
    ]);
  });
});
