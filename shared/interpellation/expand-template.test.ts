import { describe, expect, it } from 'vitest';
import { expandTemplate } from './expand-template.ts';

const FORM = 'https://participer.exemple.fr/interpeller?engagement={id}&titre={title}';

/** Expands the form template with `title` and parses the result as a browser would. */
function formWithTitle(title: string): URL {
  return new URL(expandTemplate(FORM, { id: 'E1', title }));
}

describe('expandTemplate', () => {
  it('replaces each known variable with its value', () => {
    expect(
      expandTemplate('https://x.fr/{plan}/{id}?p={page}&t={title}', {
        id: 'E1',
        title: 'Titre',
        plan: 'P-2026',
        page: 'https://x.fr/a',
      }),
    ).toBe('https://x.fr/P-2026/E1?p=https%3A%2F%2Fx.fr%2Fa&t=Titre');
  });

  it('encodes every reserved character, so that a value stays one parameter', () => {
    const reserved = ":/?#[]@!$&'()*+,;=";
    const expanded = expandTemplate(FORM, { id: 'E1', title: reserved });
    expect(expanded).toBe(
      `https://participer.exemple.fr/interpeller?engagement=E1&titre=` +
        '%3A%2F%3F%23%5B%5D%40%21%24%26%27%28%29%2A%2B%2C%3B%3D',
    );
    const url = new URL(expanded);
    expect([...url.searchParams.keys()]).toEqual(['engagement', 'titre']);
    expect(url.searchParams.get('titre')).toBe(reserved);
    expect(url.hash).toBe('');
    expect(url.pathname).toBe('/interpeller');
  });

  it('keeps unreserved characters and encodes percent signs and spaces', () => {
    expect(expandTemplate('{title}', { title: 'Az09-._~' })).toBe('Az09-._~');
    expect(expandTemplate('{title}', { title: '100 % fait' })).toBe('100%20%25%20fait');
    expect(formWithTitle('50%25 déjà').searchParams.get('titre')).toBe('50%25 déjà');
  });

  it('encodes non-ASCII text as UTF-8', () => {
    expect(expandTemplate('{title}', { title: 'é' })).toBe('%C3%A9');
    expect(expandTemplate('{title}', { title: '中' })).toBe('%E4%B8%AD');
    expect(expandTemplate('{title}', { title: '🌻' })).toBe('%F0%9F%8C%BB');
    expect(formWithTitle('Égalité 中文 🌻').searchParams.get('titre')).toBe('Égalité 中文 🌻');
  });

  it('replaces a lone surrogate instead of throwing', () => {
    expect(expandTemplate('{title}', { title: 'a\uD800b' })).toBe('a%EF%BF%BDb');
  });

  it('keeps a title from adding parameters, a fragment, a path or a line break', () => {
    const hostile = 'Vélo & co?admin=1#top {id}\r\nX-Injected: 1&engagement=E9';
    const url = formWithTitle(hostile);
    expect([...url.searchParams.keys()]).toEqual(['engagement', 'titre']);
    expect(url.searchParams.get('engagement')).toBe('E1');
    expect(url.searchParams.get('titre')).toBe(hostile);
    expect(url.hash).toBe('');
    expect(url.pathname).toBe('/interpeller');
    expect(url.href).not.toMatch(/[\r\n ]/);
  });

  it('leaves unknown expressions and other RFC 6570 operators untouched', () => {
    expect(expandTemplate('https://x.fr/{lang}/{+id}/{id}?q={#title}', { id: 'E1' })).toBe(
      'https://x.fr/{lang}/{+id}/E1?q={#title}',
    );
  });

  it('expands an absent value to nothing', () => {
    expect(expandTemplate('https://x.fr/?id={id}&page={page}', { id: 'E1' })).toBe(
      'https://x.fr/?id=E1&page=',
    );
  });
});
