import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { parseFeed, type Feed } from '../../shared/index.ts';

/** The browser's interface language, which the person may change after keeping a question. */
let uiLanguage = 'en-GB';
vi.mock('wxt/browser', () => ({
  browser: { i18n: { getUILanguage: () => uiLanguage } },
}));

const { deleteQuestion, listQuestions, rememberQuestion } = await import('./questions.ts');
const { db } = await import('./db.ts');

const feedId = 'https://www.exemple.fr/feed.json';
const parsed = parseFeed({
  format: 'open-commitments/1',
  publisher: { name: 'Ville', kind: 'municipality' },
  updated: '2026-11-01T00:00:00Z',
  interpellation: { url: 'https://www.exemple.fr/q?id={id}', responseDays: 30 },
  commitments: [
    { id: 'A1', title: { en: 'Open data', fr: 'Données ouvertes' }, status: 'limited' },
    { id: 'B1', title: 'Bike lanes', status: 'limited' },
  ],
});
if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
const feed: Feed = parsed.feed;
const [a1, b1] = feed.commitments as [Feed['commitments'][0], Feed['commitments'][0]];

beforeEach(async () => {
  uiLanguage = 'en-GB';
  await (await db()).clear('questions');
});

/** What "My questions" lists: title, asked, due, answered. */
async function listed() {
  return (await listQuestions()).map((q) => [q.title, q.askedOn, q.dueOn, q.answeredOn]);
}

describe('questions kept', () => {
  it('keeps one entry per commitment however often its form is opened, with the latest date', async () => {
    await rememberQuestion(feedId, feed, a1, new Date('2026-11-02T10:00:00Z'));
    await rememberQuestion(feedId, feed, a1, new Date('2026-11-02T10:05:00Z'));
    expect(await listed()).toEqual([['Open data', '2026-11-02', '2026-12-02', undefined]]);

    await rememberQuestion(feedId, feed, b1, new Date('2026-11-03T10:00:00Z'));
    await rememberQuestion(feedId, feed, a1, new Date('2026-11-20T10:00:00Z'));
    expect(await listed()).toEqual([
      ['Open data', '2026-11-20', '2026-12-20', undefined],
      ['Bike lanes', '2026-11-03', '2026-12-03', undefined],
    ]);
  });

  it('forgets an answer seen before the question was asked again, not one seen since', async () => {
    const first = await rememberQuestion(feedId, feed, a1, new Date('2026-11-02T10:00:00Z'));
    const database = await db();
    await database.put('questions', { ...first, answeredOn: '2026-11-10' });
    await rememberQuestion(feedId, feed, a1, new Date('2026-11-10T18:00:00Z'));
    expect(await listed()).toEqual([['Open data', '2026-11-10', '2026-12-10', '2026-11-10']]);
    await rememberQuestion(feedId, feed, a1, new Date('2026-11-12T18:00:00Z'));
    expect(await listed()).toEqual([['Open data', '2026-11-12', '2026-12-12', undefined]]);
  });

  it('shows twice-kept questions of an earlier version once, and deletes them together', async () => {
    const database = await db();
    const question = {
      feedId,
      commitmentId: 'A1',
      title: 'Open data',
      channel: { kind: 'url' as const, target: 'www.exemple.fr' },
    };
    await database.add('questions', { ...question, askedOn: '2026-11-02' });
    await database.add('questions', { ...question, askedOn: '2026-11-04' });
    await rememberQuestion(feedId, feed, b1, new Date('2026-11-01T10:00:00Z'));
    const shown = await listQuestions();
    expect(shown.map((q) => [q.title, q.askedOn])).toEqual([
      ['Bike lanes', '2026-11-01'],
      ['Open data', '2026-11-04'],
    ]);
    await deleteQuestion(shown[1]!.id);
    expect(await listed()).toEqual([['Bike lanes', '2026-11-01', '2026-12-01', undefined]]);
    expect(await database.count('questions')).toBe(1);
  });

  it('names a question’s commitment in the browser’s language of the moment', async () => {
    await rememberQuestion(feedId, feed, a1, new Date('2026-11-02T10:00:00Z'));
    uiLanguage = 'fr-FR';
    expect((await listQuestions()).map((q) => q.title)).toEqual(['Données ouvertes']);
    uiLanguage = 'en-US';
    expect((await listQuestions()).map((q) => q.title)).toEqual(['Open data']);
  });
});
