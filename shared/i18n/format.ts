/**
 * Dates, numbers and plurals through Intl, so that French reads "30 juin 2027" (and "1er juillet 2027") and "45 %" and
 * English "June 30, 2027" and "45%", without shipping locale data.
 */
import type { DateString, DateTimeString } from '../feed/types.ts';
import { dateToUtc } from '../status/dates.ts';
import type { Lang } from './lang.ts';

/**
 * Intl formatters already made, by kind, language and options: making one takes far longer than
 * using it (a dashboard of 1,000 commitments spent 20 ms making the same few again and again), and
 * they are immutable, so one serves every call.
 */
const formatters = new Map<string, { format(value: number): string }>();

function formatter(
  key: string,
  make: () => { format(value: number): string },
): { format(value: number): string } {
  let made = formatters.get(key);
  if (made === undefined) {
    made = make();
    formatters.set(key, made);
  }
  return made;
}

/**
 * How a date is written: `long` "30 juin 2027" / "June 30, 2027", `medium` abbreviates the month
 * where the language does ("Jun 30, 2027"), `short` "30/06/2027" / "6/30/27".
 */
export type DateStyle = 'long' | 'medium' | 'short';

/**
 * French writes the first day of a month as an ordinal, « 1er janvier », where Intl writes
 * « 1 janvier »; every French date written out starts with its day.
 */
function firstOfMonth(text: string, lang: Lang): string {
  return lang === 'fr' ? text.replace(/^1(?=\s)/, '1er') : text;
}

/** Writes a `YYYY-MM-DD` date for readers of `lang`; the date is a calendar day, never shifted by a time zone. */
export function formatDate(date: DateString, lang: Lang, style: DateStyle = 'long'): string {
  const ms = dateToUtc(date);
  if (Number.isNaN(ms)) return date;
  return firstOfMonth(
    formatter(
      `d ${lang} ${style}`,
      () => new Intl.DateTimeFormat(lang, { dateStyle: style, timeZone: 'UTC' }),
    ).format(ms),
    lang,
  );
}

/**
 * French writes a time of day « 21 h 16 » and « 9 h 05 », with no-break spaces around the « h »,
 * where Intl writes « 21:16 » and « 09:05 ».
 */
function frenchTime(text: string, lang: Lang): string {
  return lang === 'fr'
    ? text.replace(
        /\b(\d{1,2}):(\d{2})\b/,
        (_, h: string, m: string) => `${Number(h)}\u00a0h\u00a0${m}`,
      )
    : text;
}

/** Writes an RFC 3339 date-time as a date and time in the reader's time zone (or `timeZone`). */
export function formatDateTime(value: DateTimeString, lang: Lang, timeZone?: string): string {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return value;
  return frenchTime(
    firstOfMonth(
      formatter(
        `t ${lang} ${timeZone ?? ''}`,
        () => new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short', timeZone }),
      ).format(ms),
      lang,
    ),
    lang,
  );
}

/** Writes a number for readers of `lang` (`1 234,5` in French). */
export function formatNumber(n: number, lang: Lang, options?: Intl.NumberFormatOptions): string {
  return formatter(
    `n ${lang} ${options === undefined ? '' : JSON.stringify(options)}`,
    () => new Intl.NumberFormat(lang, options),
  ).format(n);
}

/**
 * Writes a progress of 0–100 as a whole percentage (`45 %` in French, `45%` in English). Only 100
 * reads as 100 % and only 0 as 0 %: a 99.6 % reads 99 %, not as done, and a 0.3 % reads 1 %, not
 * as nothing done.
 */
export function formatPercent(progress: number, lang: Lang): string {
  return formatter(
    `p ${lang}`,
    () => new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }),
  ).format((progress > 0 && progress < 100 ? Math.min(Math.max(progress, 1), 99) : progress) / 100);
}

const pluralRules = new Map<Lang, Intl.PluralRules>();

/**
 * Picks the singular or plural form for `n` by the language's rules (French treats 0 and 1 as
 * singular) and replaces `{n}` in it with the formatted number.
 */
export function plural(lang: Lang, n: number, forms: { one: string; other: string }): string {
  let rules = pluralRules.get(lang);
  if (rules === undefined) {
    rules = new Intl.PluralRules(lang);
    pluralRules.set(lang, rules);
  }
  const form = rules.select(n) === 'one' ? forms.one : forms.other;
  return form.replaceAll('{n}', formatNumber(n, lang));
}
