import { describe, expect, it } from 'vitest';
import type { Channel, Commitment, Feed, Interpellation } from '../feed/types.ts';
import { computeProgress } from './compute-progress.ts';
import { addDays, daysBetween, todayString } from './dates.ts';
import { daysOverdue, isLate, isOverdue } from './late.ts';
import { resolveStatus } from './resolve-status.ts';
import { summariseFeed, viewCommitment } from './view-commitment.ts';

function commitment(fields: Partial<Commitment>): Commitment {
  return { id: 'C', title: 't', status: 'limited', ...fields };
}

const feed: Feed = {
  format: 'open-commitments/1',
  publisher: { name: 'Ville', kind: 'municipality' },
  updated: '2026-01-01T00:00:00Z',
  statuses: [
    { key: 'en-marche', label: { fr: 'En cours de marché' }, category: 'limited', progress: 30 },
    { key: 'vote', label: 'Voté en conseil', category: 'complete' },
  ],
  commitments: [
    commitment({ id: 'A', status: 'en-marche', due: '2026-06-30' }),
    commitment({ id: 'B', status: 'vote', due: '2026-01-31' }),
    commitment({ id: 'C', status: 'unknown' }),
    commitment({ id: 'D', status: 'withdrawn', due: '2020-01-01', progress: 10 }),
  ],
};

describe('resolveStatus', () => {
  it("maps a publisher's status to its category, label and progress", () => {
    expect(resolveStatus(feed, 'en-marche')).toEqual({
      key: 'en-marche',
      category: 'limited',
      label: { fr: 'En cours de marché' },
      progress: 30,
    });
    expect(resolveStatus(feed, 'vote')).toEqual({
      key: 'vote',
      category: 'complete',
      label: 'Voté en conseil',
    });
  });

  it('gives a bare category without a label', () => {
    expect(resolveStatus(feed, 'substantial')).toEqual({
      key: 'substantial',
      category: 'substantial',
    });
  });

  it('resolves an unknown key to unknown rather than failing', () => {
    expect(resolveStatus(feed, 'nope').category).toBe('unknown');
  });
});

describe('computeProgress', () => {
  it("uses the commitment's own progress first", () => {
    expect(computeProgress(feed, commitment({ status: 'en-marche', progress: 55 }))).toBe(55);
  });

  it("then the status's progress", () => {
    expect(computeProgress(feed, commitment({ status: 'en-marche' }))).toBe(30);
  });

  it('then the weighted share of milestones done', () => {
    const milestones = [
      { title: 'a', done: '2026-01-01', weight: 1 },
      { title: 'b', weight: 3 },
    ];
    expect(computeProgress(feed, commitment({ milestones }))).toBe(25);
    expect(
      computeProgress(
        feed,
        commitment({ milestones: [{ title: 'a', done: '2026-01-01' }, { title: 'b' }] }),
      ),
    ).toBe(50);
  });

  it('stays a number for huge weights', () => {
    const milestones = [
      { title: 'a', done: '2026-01-01', weight: 1e308 },
      { title: 'b', weight: 1e308 },
    ];
    expect(computeProgress(feed, commitment({ milestones }))).toBe(50);
  });

  it('else is unknown, not zero', () => {
    expect(computeProgress(feed, commitment({}))).toBeUndefined();
    expect(computeProgress(feed, commitment({ milestones: [] }))).toBeUndefined();
  });
});

describe('isLate', () => {
  it('is late when due before today and not complete or withdrawn', () => {
    const c = commitment({ due: '2026-06-30' });
    expect(isLate(feed, c, '2026-07-01')).toBe(true);
    expect(isLate(feed, c, '2026-06-30')).toBe(false);
    expect(isLate(feed, commitment({}), '2099-01-01')).toBe(false);
  });

  it('is never late once complete or withdrawn, through a status definition too', () => {
    expect(isLate(feed, commitment({ status: 'complete', due: '2020-01-01' }), '2026-01-01')).toBe(
      false,
    );
    expect(isLate(feed, commitment({ status: 'vote', due: '2020-01-01' }), '2026-01-01')).toBe(
      false,
    );
    expect(isLate(feed, commitment({ status: 'withdrawn', due: '2020-01-01' }), '2026-01-01')).toBe(
      false,
    );
  });
});

describe('isOverdue and daysOverdue', () => {
  const asked: Interpellation = { id: 'I', date: '2026-01-01', question: '?', status: 'open' };
  const channel: Channel = { url: 'https://x.example/', responseDays: 30 };

  it('is overdue when still open past date + responseDays', () => {
    expect(isOverdue(asked, channel, '2026-01-31')).toBe(false);
    expect(isOverdue(asked, channel, '2026-02-01')).toBe(true);
    expect(daysOverdue(asked, channel, '2026-01-31')).toBe(0);
    expect(daysOverdue(asked, channel, '2026-02-10')).toBe(10);
  });

  it('stays well defined for a promise of a huge number of days', () => {
    const patient: Channel = { url: 'https://x.example/', responseDays: Number.MAX_SAFE_INTEGER };
    expect(isOverdue(asked, patient, '2027-01-01')).toBe(false);
    expect(daysOverdue(asked, patient, '2027-01-01')).toBe(0);
  });

  it('is never overdue once answered, or without a promise', () => {
    const answered: Interpellation = {
      ...asked,
      status: 'answered',
      answer: { date: '2026-03-01', text: 'r' },
    };
    expect(isOverdue(answered, channel, '2027-01-01')).toBe(false);
    expect(isOverdue(asked, { url: 'https://x.example/' }, '2027-01-01')).toBe(false);
    expect(isOverdue(asked, undefined, '2027-01-01')).toBe(false);
    expect(daysOverdue(asked, undefined, '2027-01-01')).toBe(0);
  });
});

describe('dates', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('stays within years 0000–9999, whatever the number of days', () => {
    expect(addDays('0050-03-01', -1)).toBe('0050-02-28');
    expect(addDays('2026-01-01', 1e15)).toBe('9999-12-31');
    expect(addDays('2026-01-01', -1e15)).toBe('0000-01-01');
    expect(addDays('2026-01-01', Number.NaN)).toBe('0000-01-01');
  });

  it('counts days between dates, ignoring daylight saving', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-12-31', '2026-01-01')).toBe(-364);
  });

  it("tells today's date where the viewer is", () => {
    const now = new Date('2026-06-30T23:30:00Z');
    expect(todayString(now, 'UTC')).toBe('2026-06-30');
    expect(todayString(now, 'Europe/Paris')).toBe('2026-07-01');
    expect(todayString(now, 'America/Cayenne')).toBe('2026-06-30');
    expect(todayString(now, 'Not/AZone')).toMatch(/^2026-0[67]-[0-9]{2}$/);
  });
});

describe('viewCommitment and summariseFeed', () => {
  it('derives status, progress and lateness for one day', () => {
    const a = feed.commitments[0] as Commitment;
    expect(viewCommitment(feed, a, '2026-07-01')).toEqual({
      commitment: a,
      status: resolveStatus(feed, 'en-marche'),
      progress: 30,
      late: true,
    });
    expect(
      viewCommitment(feed, feed.commitments[2] as Commitment, '2026-07-01'),
    ).not.toHaveProperty('progress');
  });

  it('counts by category, counts the late ones and averages known progress', () => {
    expect(summariseFeed(feed, '2026-07-01')).toEqual({
      total: 4,
      byCategory: {
        'not-started': 0,
        limited: 1,
        substantial: 0,
        complete: 1,
        withdrawn: 1,
        unknown: 1,
      },
      late: 1,
      // The mean of the two commitments that give a progress, and says how many it covers.
      known: 2,
      progress: 20,
    });
    expect(summariseFeed({ ...feed, commitments: [] }, '2026-07-01')).toEqual({
      total: 0,
      byCategory: {
        'not-started': 0,
        limited: 0,
        substantial: 0,
        complete: 0,
        withdrawn: 0,
        unknown: 0,
      },
      late: 0,
      known: 0,
    });
  });
});
