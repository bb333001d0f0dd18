import { describe, expect, it } from 'vitest';
import { pageLink } from './page-link.ts';

describe('pageLink', () => {
  it('links a pattern with one trailing wildcard to the URL without it', () => {
    expect(pageLink('https://www.valfleurie.example/marches-publics/*')).toEqual({
      href: 'https://www.valfleurie.example/marches-publics/',
      label: 'www.valfleurie.example/marches-publics/',
    });
    expect(pageLink('https://www.valfleurie.example/accessibilite*')).toEqual({
      href: 'https://www.valfleurie.example/accessibilite',
      label: 'www.valfleurie.example/accessibilite',
    });
  });

  it('links a pattern without wildcard as it is, and keeps an explicit port', () => {
    expect(pageLink('http://www.exemple.fr/conseil.html')).toEqual({
      href: 'http://www.exemple.fr/conseil.html',
      label: 'www.exemple.fr/conseil.html',
    });
    expect(pageLink('http://127.0.0.1:8080/valfleurie/*')).toEqual({
      href: 'http://127.0.0.1:8080/valfleurie/',
      label: '127.0.0.1:8080/valfleurie/',
    });
  });

  it('links nothing for a wildcard scheme or host', () => {
    expect(
      pageLink('*://*.opengovpartnership.org/members/france/commitments/FR0031*'),
    ).toBeUndefined();
    expect(pageLink('*://www.exemple.fr/*')).toBeUndefined();
    expect(pageLink('https://*.exemple.fr/budget/*')).toBeUndefined();
    expect(pageLink('https://*/budget/*')).toBeUndefined();
  });

  it('links nothing for a wildcard inside the path', () => {
    expect(
      pageLink('https://www.valfleurie.example/marches-publics/2026-0*-ecoles*'),
    ).toBeUndefined();
    expect(pageLink('https://www.exemple.fr/*/budget')).toBeUndefined();
    expect(pageLink('https://www.exemple.fr/budget**')).toBeUndefined();
  });

  it('links nothing for a loopback host without port, which matches every port', () => {
    expect(pageLink('http://127.0.0.1/valfleurie/*')).toBeUndefined();
    expect(pageLink('http://localhost/valfleurie/*')).toBeUndefined();
  });

  it('links nothing for other schemes or what is not a pattern', () => {
    expect(pageLink('file:///home/*')).toBeUndefined();
    expect(pageLink('ftp://www.exemple.fr/*')).toBeUndefined();
    expect(pageLink('<all_urls>')).toBeUndefined();
    expect(pageLink('https://www.exemple.fr')).toBeUndefined();
  });
});
