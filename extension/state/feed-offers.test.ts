import { describe, expect, it } from 'vitest';
import { feedOffers, MAX_OFFERS } from './feed-offers.ts';

describe('feedOffers', () => {
  it('offers announced http(s) feeds not followed yet, each once, in the page’s order', () => {
    const announced = [
      'https://www.exemple.fr/feed.json',
      'ftp://www.exemple.fr/feed.json',
      'https://www.exemple.fr/followed.json',
      'https://www.exemple.fr/feed.json',
      'http://agglo.exemple.fr/feed.json',
    ];
    expect(feedOffers(announced, new Set(['https://www.exemple.fr/followed.json']))).toEqual([
      'https://www.exemple.fr/feed.json',
      'http://agglo.exemple.fr/feed.json',
    ]);
  });

  it('knows a followed feed announced with a fragment or another case of its host', () => {
    const followed = new Set(['https://www.exemple.fr/feed.json']);
    expect(
      feedOffers(
        ['https://WWW.exemple.fr/feed.json#plan', 'https://www.exemple.fr/other.json#a'],
        followed,
      ),
    ).toEqual(['https://www.exemple.fr/other.json']);
  });

  it('offers only the first few feeds of a page that announces hundreds', () => {
    const announced = Array.from({ length: 500 }, (_, i) => `https://spam.example/${i}.json`);
    expect(feedOffers(announced, new Set())).toEqual(announced.slice(0, MAX_OFFERS));
  });
});
