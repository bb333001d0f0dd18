import { describe, expect, it } from 'vitest';
import type { Commitment, Feed, Interpellation } from '../feed/types.ts';
import { interpellationStats } from './interpellation-stats.ts';

function asked(id: string, date: string, answeredOn?: string): Interpellation {
  return answeredOn
    ? { id, date, question: 'Q', status: 'answered', answer: { date: answeredOn, text: 'A' } }
    : { id, date, question: 'Q', status: 'open' };
}

function feedOf(commitments: Commitment[], responseDays?: number): Feed {
  return {
    format: 'open-commitments/1',
    publisher: { name: 'Ville', kind: 'municipality' },
    updated: '2026-11-30T09:00:00Z',
    interpellation: {
      url: 'https://exemple.fr/q?e={id}',
      ...(responseDays ? { responseDays } : {}),
    },
    commitments,
  };
}

function commitmentWith(id: string, interpellations: Interpellation[]): Commitment {
  return { id, title: id, status: 'limited', interpellations };
}

const TODAY = '2026-12-01';

describe('interpellationStats', () => {
  it('counts, rates and takes the median of an odd number of answers', () => {
    const feed = feedOf(
      [
        commitmentWith('E1', [
          asked('I1', '2026-01-01', '2026-01-11'), // 10 days
          asked('I2', '2026-02-01', '2026-03-03'), // 30 days
          asked('I3', '2026-11-20'),
        ]),
        commitmentWith('E2', [
          asked('I4', '2026-03-01', '2026-03-05'), // 4 days
          { id: 'I5', date: '2026-04-01', question: 'Q', status: 'declined' },
        ]),
      ],
      30,
    );
    expect(interpellationStats(feed, undefined, TODAY)).toEqual({
      asked: 5,
      answered: 3,
      answerRate: 60,
      medianDaysToAnswer: 10,
      open: 1,
      overdue: 0,
    });
  });

  it('takes the mean of the two middle delays for an even number of answers', () => {
    const feed = feedOf([
      commitmentWith('E1', [
        asked('I1', '2026-01-01', '2026-01-03'), // 2
        asked('I2', '2026-01-01', '2026-01-06'), // 5
        asked('I3', '2026-01-01', '2026-01-11'), // 10
        asked('I4', '2026-01-01', '2026-03-02'), // 60
      ]),
    ]);
    const stats = interpellationStats(feed, undefined, TODAY);
    expect(stats.medianDaysToAnswer).toBe(7.5);
    expect(stats.answerRate).toBe(100);
  });

  it('counts days across months and years', () => {
    const feed = feedOf([commitmentWith('E1', [asked('I1', '2025-12-20', '2026-01-19')])]);
    expect(interpellationStats(feed, undefined, TODAY).medianDaysToAnswer).toBe(30);
  });

  it('leaves out of the median an answer dated before its question, never a negative delay', () => {
    const feed = feedOf([
      commitmentWith('E1', [
        asked('Q1', '2026-03-01', '2026-03-11'),
        asked('Q2', '2026-11-01', '2025-11-20'),
      ]),
    ]);
    const stats = interpellationStats(feed, undefined, TODAY);
    expect(stats.answered).toBe(2);
    expect(stats.medianDaysToAnswer).toBe(10);
    const typoOnly = feedOf([commitmentWith('E1', [asked('Q2', '2026-11-01', '2025-11-20')])]);
    expect(interpellationStats(typoOnly, undefined, TODAY).medianDaysToAnswer).toBeUndefined();
  });

  it('has no median when nothing is answered, and no rate when nothing is asked', () => {
    const open = feedOf([
      commitmentWith('E1', [asked('I1', '2026-11-01'), asked('I2', '2026-11-02')]),
    ]);
    const stats = interpellationStats(open, undefined, TODAY);
    expect(stats).toEqual({ asked: 2, answered: 0, answerRate: 0, open: 2, overdue: 0 });
    expect(stats.medianDaysToAnswer).toBeUndefined();

    const none = interpellationStats(feedOf([commitmentWith('E1', [])]), undefined, TODAY);
    expect(none).toEqual({ asked: 0, answered: 0, open: 0, overdue: 0 });
    expect('answerRate' in none).toBe(false);
  });

  it('counts open interpellations past the promised delay as overdue', () => {
    const commitments = [
      commitmentWith('E1', [
        asked('late', '2026-10-01'), // due 2026-10-31
        asked('due-today', '2026-11-01'), // due 2026-12-01, not yet overdue
        asked('recent', '2026-11-25'),
        asked('answered-late', '2026-01-01', '2026-06-01'),
      ]),
    ];
    expect(interpellationStats(feedOf(commitments, 30), undefined, TODAY)).toMatchObject({
      open: 3,
      overdue: 1,
    });
    // Without a promise, nothing is overdue.
    expect(interpellationStats(feedOf(commitments), undefined, TODAY).overdue).toBe(0);
  });

  it('gives one commitment its own figures', () => {
    const e1 = commitmentWith('E1', [asked('I1', '2026-01-01', '2026-01-05')]);
    const e2 = commitmentWith('E2', [asked('I2', '2026-01-01'), asked('I3', '2026-01-02')]);
    const feed = feedOf([e1, e2], 30);
    expect(interpellationStats(feed, [e2], TODAY)).toEqual({
      asked: 2,
      answered: 0,
      answerRate: 0,
      open: 2,
      overdue: 2,
    });
    expect(interpellationStats(feed, [e1], TODAY)).toMatchObject({
      asked: 1,
      medianDaysToAnswer: 4,
    });
  });
});
