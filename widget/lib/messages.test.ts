import { describe, expect, it } from 'vitest';
import { dashboardMessages } from '../components/open-commitments/open-commitments.messages.ts';
import { commonMessages } from './messages.ts';

/** Every key path of a message table, with what a function message returns for sample arguments. */
function flatten(table: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(table)) {
    const path = `${prefix}${key}`;
    if (typeof value === 'string') out.set(path, value);
    else if (typeof value === 'function') out.set(path, String(value('7', '3', 7, 3)));
    else for (const [k, v] of flatten(value as object, `${path}.`)) out.set(k, v);
  }
  return out;
}

describe('widget messages', () => {
  for (const [name, tables] of [
    ['common', commonMessages],
    ['dashboard', dashboardMessages],
  ] as const) {
    it(`has every ${name} message in French and English, none empty`, () => {
      const fr = flatten(tables.fr);
      const en = flatten(tables.en);
      expect([...en.keys()].sort()).toEqual([...fr.keys()].sort());
      for (const [key, text] of [...fr, ...en]) expect(text.trim(), key).not.toBe('');
    });

    it(`writes the ${name} French messages with French typography`, () => {
      for (const [key, text] of flatten(tables.fr)) {
        expect(text, key).not.toMatch(/ [:;!?»]|« |'/);
      }
    });
  }

  it('says how many supporters are still needed, or that the threshold is reached', () => {
    expect(dashboardMessages.fr.supportersOf('1', '50', 1, 50)).toBe('1 soutien sur 50 requis');
    expect(dashboardMessages.fr.supportersOf('63', '50', 63, 50)).toBe(
      '63 soutiens, seuil de 50 atteint',
    );
    expect(dashboardMessages.fr.supportersOf('1', '1', 1, 1)).toBe('1 soutien, seuil de 1 atteint');
    expect(dashboardMessages.en.supportersOf('1', '1', 1, 1)).toBe(
      '1 supporter, threshold of 1 reached',
    );
    expect(dashboardMessages.en.supportersOf('12', '50', 12, 50)).toBe(
      '12 of the 50 supporters needed',
    );
    expect(dashboardMessages.en.supportersOf('50', '50', 50, 50)).toBe(
      '50 supporters, threshold of 50 reached',
    );
  });

  it('names the well-known references in words, and the others as references by their key', () => {
    expect(dashboardMessages.fr.refLabel('ogp')).toBe('Référence PGO');
    expect(dashboardMessages.en.refLabel('decidim')).toBe('On Decidim');
    expect(dashboardMessages.en.refLabel('deliberation')).toBe('Reference “deliberation”');
    expect(dashboardMessages.fr.refLabel('deliberation')).toBe(
      'Référence «\u00a0deliberation\u00a0»',
    );
  });

  it('agrees French words with the number', () => {
    expect(commonMessages.fr.commitmentStats('1', '0', 1, 0)).toBe('1 question, 0 réponse');
    expect(commonMessages.fr.commitmentStats('3', '2', 3, 2)).toBe('3 questions, 2 réponses');
  });

  it('puts no-break spaces inside French quotation marks', () => {
    expect(commonMessages.fr.commitmentMissing('A1')).toBe(
      'L’engagement «\u00a0A1\u00a0» ne figure pas dans ce plan.',
    );
    expect(commonMessages.fr.badgeDetails('Vélo')).toBe(
      'Détails de l’engagement «\u00a0Vélo\u00a0»',
    );
  });

  it('names the publisher in words that read right before any name', () => {
    expect(`${commonMessages.fr.by} État`).toBe('Engagement porté par État');
  });
});
