import { describe, expect, it } from 'vitest';
import { feedAddress } from './feed-address.ts';

describe('feedAddress', () => {
  it('gives one address for spellings that differ by a fragment or the host’s case', () => {
    expect(feedAddress('https://WWW.Ville.example/feed.json#E1')).toBe(
      'https://www.ville.example/feed.json',
    );
    expect(feedAddress('/feeds/paris.json#x', 'https://demo.example/plans/')).toBe(
      'https://demo.example/feeds/paris.json',
    );
  });
});
