import { describe, expect, it } from 'vitest';
import { changeLines, clipNote, describeChange, NOTE_MAX } from './change-words.ts';

describe('the line of a new update', () => {
  const note = { en: 'Contract signed', fr: 'Marché signé' };

  it('gives the update’s own words in the reader’s language, isolated', () => {
    const fact = { kind: 'update-added', date: '2026-11-20', note } as const;
    expect(describeChange(fact, 'en')).toBe(
      'New update (November 20, 2026): \u2068Contract signed\u2069',
    );
    expect(describeChange(fact, 'fr')).toBe(
      'Nouvelle mise à jour (20 novembre 2026)\u00a0: \u2068Marché signé\u2069',
    );
  });

  it('falls back to the feed’s first language when the reader’s is not given', () => {
    const fact = { kind: 'update-added', date: '2026-11-20', note: { de: 'X', fr: 'Y' } } as const;
    expect(describeChange(fact, 'en', ['fr', 'de'])).toBe(
      'New update (November 20, 2026): \u2068Y\u2069',
    );
  });

  it('gives the date alone for an update without a note, and for a record kept before notes were', () => {
    expect(describeChange({ kind: 'update-added', date: '2026-11-20', note: ' ' }, 'en')).toBe(
      'New update (November 20, 2026)',
    );
    const older = {
      commitmentId: 'A1',
      title: 'Open data',
      facts: [{ kind: 'update-added', date: '2026-11-20' }] as const,
    };
    expect(changeLines(older, 'fr')).toEqual(['Nouvelle mise à jour (20 novembre 2026)']);
  });

  it('keeps markup as the text it is, and a long note to one short line cut at a word', () => {
    const long = `<b>Signed</b> with\nthe contractor.\n\n${'All lots are awarded. '.repeat(20)}`;
    const line = describeChange({ kind: 'update-added', date: '2026-11-20', note: long }, 'en');
    expect(line).toMatch(
      /^New update \(November 20, 2026\): \u2068<b>Signed<\/b> with the contractor\. All lots/,
    );
    expect(line).not.toContain('\n');
    const clipped = clipNote(long);
    expect(clipped).toBe(
      `<b>Signed</b> with the contractor. ${'All lots are awarded. '.repeat(5)}All…`,
    );
    expect(clipped.length).toBeLessThanOrEqual(NOTE_MAX);
    // Cut once when recorded, it is shown as it was kept.
    expect(clipNote(clipped)).toBe(clipped);
  });
});

describe('the line of a new interpellation', () => {
  const question = {
    en: 'Why is the register late?',
    fr: 'Pourquoi le registre est-il en retard ?',
  };

  it('gives the date it was asked and the citizen’s words, quoted and isolated, in the reader’s language', () => {
    const fact = { kind: 'interpellation-added', date: '2026-11-20', question } as const;
    expect(describeChange(fact, 'en')).toBe(
      'New citizen question (November 20, 2026): “\u2068Why is the register late?\u2069”',
    );
    expect(describeChange(fact, 'fr')).toBe(
      'Nouvelle interpellation (20 novembre 2026)\u00a0: «\u00a0\u2068Pourquoi le registre est-il en retard ?\u2069\u00a0»',
    );
  });

  it('falls back to the feed’s first language, and to the date alone for a blank question', () => {
    const fact = {
      kind: 'interpellation-added',
      date: '2026-11-20',
      question: { de: 'X', fr: 'Y' },
    } as const;
    expect(describeChange(fact, 'en', ['fr', 'de'])).toBe(
      'New citizen question (November 20, 2026): “\u2068Y\u2069”',
    );
    expect(
      describeChange({ kind: 'interpellation-added', date: '2026-11-20', question: ' ' }, 'fr'),
    ).toBe('Nouvelle interpellation (20 novembre 2026)');
  });

  it('words a record kept before the date and question were, in either language', () => {
    const older = {
      commitmentId: 'A1',
      title: 'Open data',
      facts: [{ kind: 'interpellation-added' }] as const,
    };
    expect(changeLines(older, 'en')).toEqual(['New citizen question']);
    expect(changeLines(older, 'fr')).toEqual(['Nouvelle interpellation']);
  });

  it('keeps markup as the text it is, and a long question to one short line cut at a word', () => {
    const long = `<i>Why</i> is\nthe register late? ${'Please say when it opens. '.repeat(20)}`;
    const line = describeChange(
      { kind: 'interpellation-added', date: '2026-11-20', question: long },
      'en',
    );
    expect(line).toBe(
      `New citizen question (November 20, 2026): “\u2068<i>Why</i> is the register late? ${'Please say when it opens. '.repeat(4)}Please say…\u2069”`,
    );
    expect(clipNote(long).length).toBeLessThanOrEqual(NOTE_MAX);
  });
});
