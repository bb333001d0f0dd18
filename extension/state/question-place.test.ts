import { describe, expect, it } from 'vitest';
import type { QuestionView } from '../messaging/protocol.ts';
import { feedsToNamePlan, questionPlace } from './question-place.ts';

const town = { publisher: { text: 'Town' }, plan: { text: 'Plan 2026' } };

describe('a kept question’s place', () => {
  it('names a plan only when another listed feed has the same publisher', () => {
    expect(
      feedsToNamePlan([
        { feedId: 'town', place: town },
        { feedId: 'town', place: town },
        { feedId: 'region', place: { publisher: { text: 'Region' } } },
        { feedId: 'gone', place: undefined },
      ]),
    ).toEqual(new Set());
    expect(
      feedsToNamePlan([
        { feedId: 'town', place: town },
        { feedId: 'town-2027', place: { ...town, plan: { text: 'Plan 2027' } } },
      ]),
    ).toEqual(new Set(['town', 'town-2027']));
  });

  it('keeps only http(s) links, and a form only for a question asked on one', () => {
    const question: QuestionView = {
      id: 1,
      feedId: 'town',
      commitmentId: 'A1',
      title: 'A1',
      askedOn: '2026-11-01',
      channel: { kind: 'url', target: 'town.example' },
    };
    const place = { ...town, url: 'mailto:x@town.example', form: 'https://town.example/ask' };
    expect(questionPlace({ ...question, place } as QuestionView)).toEqual({
      ...town,
      form: 'https://town.example/ask',
    });
    expect(
      questionPlace({
        ...question,
        channel: { kind: 'email', target: 'x@town.example' },
        place: { ...place, url: 'https://town.example/A1' },
      } as QuestionView),
    ).toEqual({ ...town, url: 'https://town.example/A1' });
    // Markup or no name: nothing is shown.
    expect(
      questionPlace({
        ...question,
        place: { publisher: '<b>Town</b>' },
      } as unknown as QuestionView),
    ).toBeUndefined();
    expect(questionPlace(question)).toBeUndefined();
  });
});
