import type { DateString } from '../feed/types.ts';

const DAY_MS = 86_400_000;

/** Milliseconds at UTC midnight of a `YYYY-MM-DD` date. */
function toUtc(date: DateString): number {
  return Date.UTC(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10)),
  );
}

/** `YYYY-MM-DD` of a UTC timestamp. */
function fromUtc(ms: number): DateString {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * Today's date where the viewer is (or in `timeZone`), as `YYYY-MM-DD`: the `today` that every
 * late/overdue function takes, so that those stay pure and testable.
 */
export function todayString(now: Date, timeZone?: string): DateString {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

/** The date `n` days after `date` (before, when `n` is negative). */
export function addDays(date: DateString, n: number): DateString {
  return fromUtc(toUtc(date) + n * DAY_MS);
}

/** Whole days from `a` to `b`: positive when `b` is later. */
export function daysBetween(a: DateString, b: DateString): number {
  return Math.round((toUtc(b) - toUtc(a)) / DAY_MS);
}
