import { describe, expect, it } from 'vitest';
import { namesOwnPages } from './own-pages.ts';

describe('which of a feed’s patterns the extension uses', () => {
  it('leaves out a pattern whose host is any site, keeping a domain and its subdomains', () => {
    expect(namesOwnPages('*://*/*')).toBe(false);
    expect(namesOwnPages('https://*/marches/*')).toBe(false);
    expect(namesOwnPages('*://*.exemple.fr/*')).toBe(true);
    expect(namesOwnPages('https://www.exemple.fr/*')).toBe(true);
  });

  it('leaves out a domain pattern for every site under a public suffix, ICANN or private', () => {
    expect(namesOwnPages('*://*.fr/*')).toBe(false);
    expect(namesOwnPages('https://*.gouv.fr/*')).toBe(false);
    expect(namesOwnPages('https://*.co.uk/*')).toBe(false);
    expect(namesOwnPages('https://*.github.io/*')).toBe(false);
    expect(namesOwnPages('https://*.xn--p1ai/*')).toBe(false);
    expect(namesOwnPages('https://*.РФ/*')).toBe(false);
    expect(namesOwnPages('https://*.fr./*')).toBe(false);
    expect(namesOwnPages('https://*.GOUV.FR:443/*')).toBe(false);
  });

  it('keeps a site under a public suffix, and a name the list does not hold', () => {
    expect(namesOwnPages('https://*.exemple.gouv.fr/*')).toBe(true);
    expect(namesOwnPages('https://*.paris.fr/*')).toBe(true);
    expect(namesOwnPages('https://*.paris.fr./*')).toBe(true);
    expect(namesOwnPages('https://ville.github.io/plan/*')).toBe(true);
    expect(namesOwnPages('https://gouv.fr/*')).toBe(true);
    expect(namesOwnPages('http://*.ville.example/*')).toBe(true);
    expect(namesOwnPages('http://*.localhost/*')).toBe(true);
  });

  it('leaves out a pattern it cannot read', () => {
    expect(namesOwnPages('<all_urls>')).toBe(false);
  });
});
