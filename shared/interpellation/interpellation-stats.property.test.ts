/** `interpellationStats` over generated interpellations: figures within their bounds. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Feed, Interpellation } from '../feed/types.ts';
import { daysBetween } from '../status/dates.ts';
import { interpellationStats } from './interpellation-stats.ts';

const RUNS = { numRuns: 300, seed: 20261205 };

const day = fc
  .integer({ min: 0, max: 2000 })
  .map((n) => new Date(Date.UTC(2022, 0, 1 + n)).toISOString().slice(0, 10));
const interpellationArb: fc.Arbitrary<Interpellation> = fc
  .tuple(
    day,
    day,
    fc.constantFrom<Interpellation['status']>('open', 'answered', 'declined', 'inadmissible'),
  )
  .map(([date, answered, status]) => ({
    id: 'Q',
    date,
    question: 'q',
    status,
    ...(status === 'answered' ? { answer: { date: answered, text: 'a' } } : {}),
  }));

describe('interpellationStats over generated interpellations', () => {
  it('counts within bounds, and gives a median delay among the delays of the answers', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(interpellationArb, { maxLength: 4 }), { maxLength: 4 }),
        day,
        (lists, today) => {
          const feed: Feed = {
            format: 'open-commitments/1',
            publisher: { name: 'P', kind: 'other' },
            updated: '2026-01-01T00:00:00Z',
            interpellation: { email: 'a@b.fr', responseDays: 30 },
            commitments: lists.map((interpellations, i) => ({
              id: `E${i}`,
              title: 't',
              status: 'limited',
              interpellations,
            })),
          };
          const all = lists.flat();
          const stats = interpellationStats(feed, undefined, today);
          expect(stats.asked).toBe(all.length);
          expect(stats.answered + stats.open).toBeLessThanOrEqual(stats.asked);
          expect(stats.overdue).toBeLessThanOrEqual(stats.open);
          if (stats.answerRate !== undefined) {
            expect(stats.answerRate).toBeGreaterThanOrEqual(0);
            expect(stats.answerRate).toBeLessThanOrEqual(100);
          }
          const delays = all
            .flatMap((i) => (i.answer ? [daysBetween(i.date, i.answer.date)] : []))
            .filter((d) => d >= 0);
          if (stats.medianDaysToAnswer === undefined) expect(delays).toEqual([]);
          else {
            expect(stats.medianDaysToAnswer).toBeGreaterThanOrEqual(Math.min(...delays));
            expect(stats.medianDaysToAnswer).toBeLessThanOrEqual(Math.max(...delays));
          }
        },
      ),
      RUNS,
    );
  });
});
