import type { DateString } from '../feed/types.ts';

const DAY_MS = 86_400_000;

/** Milliseconds at UTC midnight of a `YYYY-MM-DD` date (years 0–99 included, unlike `Date.UTC`). */
export function dateToUtc(date: DateString): number {
  const day = new Date(0);
  day.setUTCFullYear(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10)),
  );
  return day.getTime();
}

const FIRST_DAY = dateToUtc('0000-01-01');
const LAST_DAY = dateToUtc('9999-12-31');

/** `YYYY-MM-DD` of a UTC timestamp, held within years 0000–9999 so that it stays a date. */
function fromUtc(ms: number): DateString {
  if (!(ms >= FIRST_DAY)) return '0000-01-01';
  if (ms > LAST_DAY) return '9999-12-31';
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * Today's date where the viewer is (or in `timeZone`), as `YYYY-MM-DD`: the `today` that every
 * late/overdue function takes, so that those stay pure and testable.
 */
export function todayString(now: Date, timeZone?: string): DateString {
  const options: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit' };
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', { ...options, timeZone });
  } catch {
    // An unknown time zone name: the runtime's own zone is the best guess of the viewer's.
    format = new Intl.DateTimeFormat('en-US', options);
  }
  const parts = format.formatToParts(now);
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

/** The date `n` days after `date` (before, when `n` is negative). */
export function addDays(date: DateString, n: number): DateString {
  return fromUtc(dateToUtc(date) + n * DAY_MS);
}

/** Whole days from `a` to `b`: positive when `b` is later. */
export function daysBetween(a: DateString, b: DateString): number {
  return Math.round((dateToUtc(b) - dateToUtc(a)) / DAY_MS);
}
