import { describe, expect, it } from 'vitest';
import { directory } from './directory.ts';

describe('the bundled directory', () => {
  it('names every feed in each language, an English name for the English interface', () => {
    for (const entry of directory) {
      expect(entry.name.en, entry.id).not.toBe(entry.name.fr);
    }
  });

  it('leaves the fictional mark to the pages, which add it once', () => {
    for (const entry of directory.filter((e) => e.fictional)) {
      expect(entry.name.fr, entry.id).not.toMatch(/exemple|fictive/i);
      expect(entry.name.en, entry.id).not.toMatch(/example|fictional/i);
    }
  });
});
