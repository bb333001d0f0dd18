/** Dates, lateness and progress over generated inputs, against the format's rules. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDate } from '../feed/formats.ts';
import { parseFeed } from '../feed/parse-feed.ts';
import {
  CATEGORIES,
  type Category,
  type Channel,
  type Commitment,
  type Feed,
  type Interpellation,
} from '../feed/types.ts';
import { computeProgress } from './compute-progress.ts';
import { addDays, dateToUtc, daysBetween, todayString } from './dates.ts';
import { daysOverdue, isLate, isOverdue } from './late.ts';
import { summariseFeed } from './view-commitment.ts';

const RUNS = { numRuns: 500, seed: 20261205 };
const DAY_MS = 86_400_000;

/** Any calendar date of years 0000–9999, as `YYYY-MM-DD`. */
const dateArb = fc
  .integer({ min: dateToUtc('0000-01-01') / DAY_MS, max: dateToUtc('9999-12-31') / DAY_MS })
  .map((days) => {
    const d = new Date(days * DAY_MS);
    const year = d.getUTCFullYear();
    return `${String(year).padStart(4, '0')}-${d.toISOString().slice(-19, -14)}`;
  });
const zone = fc.constantFrom(
  undefined,
  'UTC',
  'Europe/Paris',
  'America/Cayenne',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
  'Indian/Reunion',
  'Not/AZone',
);

describe('dates over years 0000–9999', () => {
  it('generates real dates', () => {
    fc.assert(
      fc.property(dateArb, (date) => {
        expect(isDate(date), date).toBe(true);
      }),
      RUNS,
    );
  });

  it('adds days and counts them back, within the years a date can hold', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -4000, max: 4000 }), (date, n) => {
        const later = addDays(date, n);
        expect(isDate(later), later).toBe(true);
        const within = dateToUtc(date) + n * DAY_MS;
        if (within >= dateToUtc('0000-01-01') && within <= dateToUtc('9999-12-31')) {
          expect(daysBetween(date, later)).toBe(n);
          expect(addDays(later, -n)).toBe(date);
          expect(later > date).toBe(n > 0);
        }
      }),
      RUNS,
    );
  });

  // Intl writes the year 0000 as 1 BC, which todayString does not read: no clock shows it.
  const clockDate = dateArb.filter((date) => date >= '0001-01-02' && date <= '9999-12-30');

  it('gives as today the UTC date of any moment of that day', () => {
    fc.assert(
      fc.property(clockDate, fc.integer({ min: 0, max: DAY_MS - 1 }), (date, ms) => {
        expect(todayString(new Date(dateToUtc(date) + ms), 'UTC')).toBe(date);
      }),
      RUNS,
    );
  });

  it('gives as today a real date, the UTC date or one day beside it, in any zone', () => {
    fc.assert(
      fc.property(
        clockDate,
        fc.integer({ min: 0, max: DAY_MS - 1 }),
        zone,
        (date, ms, timeZone) => {
          const today = todayString(new Date(dateToUtc(date) + ms), timeZone);
          expect(isDate(today), today).toBe(true);
          expect(Math.abs(daysBetween(date, today))).toBeLessThanOrEqual(1);
        },
      ),
      RUNS,
    );
  });
});

const categories = fc.constantFrom<Category>(...CATEGORIES);

describe('late, overdue and progress', () => {
  it('marks late exactly when due is before today and the category is neither complete nor withdrawn', () => {
    fc.assert(
      fc.property(
        fc.option(dateArb, { nil: undefined }),
        dateArb,
        categories,
        fc.boolean(),
        (due, today, category, own) => {
          const feed: Feed = {
            format: 'open-commitments/1',
            publisher: { name: 'P', kind: 'other' },
            updated: '2026-01-01T00:00:00Z',
            statuses: [{ key: 'own', label: 'Own', category }],
            commitments: [],
          };
          const commitment: Commitment = {
            id: 'C',
            title: 't',
            status: own ? 'own' : category,
            ...(due === undefined ? {} : { due }),
          };
          const expected =
            due !== undefined &&
            dateToUtc(due) < dateToUtc(today) &&
            category !== 'complete' &&
            category !== 'withdrawn';
          expect(isLate(feed, commitment, today)).toBe(expected);
        },
      ),
      RUNS,
    );
  });

  it('marks overdue exactly when open past date + responseDays', () => {
    fc.assert(
      fc.property(
        dateArb,
        dateArb,
        fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: undefined }),
        fc.constantFrom<Interpellation['status']>('open', 'answered', 'declined'),
        (date, today, responseDays, status) => {
          const interpellation = { id: 'Q', date, question: 'q', status } as Interpellation;
          const channel: Channel = {
            url: 'https://x.fr/',
            ...(responseDays === undefined ? {} : { responseDays }),
          };
          const promised =
            responseDays === undefined ? undefined : dateToUtc(date) + responseDays * DAY_MS;
          const expected =
            status === 'open' && promised !== undefined && promised < dateToUtc(today);
          expect(isOverdue(interpellation, channel, today)).toBe(expected);
          const days = daysOverdue(interpellation, channel, today);
          expect(days > 0).toBe(expected);
          if (expected && promised !== undefined)
            expect(days).toBe(Math.round((dateToUtc(today) - promised) / DAY_MS));
        },
      ),
      RUNS,
    );
  });

  it('gives a progress from 0 to 100, or none, for any feed a reader keeps', () => {
    const weight = fc.oneof(
      fc.constantFrom(5e-324, 1e-300, 1, 1e300, 1.7976931348623157e308),
      fc.double({ min: 0, noNaN: true }),
      fc.constant(-1),
      fc.constant('x'),
    );
    const percent = fc.oneof(
      fc.constantFrom(-0, 0, 100, 1e-320),
      fc.double({ min: 0, max: 100, noNaN: true }),
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.record(
            { title: fc.constant('m'), weight, done: fc.constantFrom('2026-01-01', undefined) },
            { requiredKeys: ['title'] },
          ),
          { maxLength: 5 },
        ),
        fc.option(percent, { nil: undefined }),
        fc.option(percent, { nil: undefined }),
        (milestones, progress, statusProgress) => {
          const result = parseFeed({
            format: 'open-commitments/1',
            publisher: { name: 'P', kind: 'other' },
            updated: '2026-01-01T00:00:00Z',
            statuses: [
              {
                key: 'own',
                label: 'Own',
                category: 'limited',
                ...(statusProgress === undefined ? {} : { progress: statusProgress }),
              },
            ],
            commitments: [
              {
                id: 'C',
                title: 't',
                status: 'own',
                milestones: JSON.parse(JSON.stringify(milestones)) as unknown,
                ...(progress === undefined ? {} : { progress }),
              },
            ],
          });
          if (!result.ok) throw new Error(JSON.stringify(result.errors));
          const feed = result.feed;
          const value = computeProgress(feed, feed.commitments[0] as Commitment);
          if (value !== undefined) {
            expect(value).toBeGreaterThanOrEqual(0);
            expect(value).toBeLessThanOrEqual(100);
            expect(Object.is(value, -0)).toBe(false);
          }
          const summary = summariseFeed(feed, '2026-01-01');
          if (summary.progress !== undefined) expect(summary.progress).toBeLessThanOrEqual(100);
        },
      ),
      RUNS,
    );
  });
});
