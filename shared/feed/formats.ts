/**
 * The string formats of the feed (dates, identifiers, URLs, language tags, e-mail addresses),
 * shared by the parser, the status functions and the JSON Schema agreement tests.
 */

/** `YYYY-MM-DD` shape; `isDate` also checks the day exists. */
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** RFC 3339 date-time: a date, `T` (or `t`, or a space), a time and an offset. */
const DATE_TIME_RE =
  /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;

/** Identifiers: 1–64 characters of `A-Z a-z 0-9 . _ -`. */
export const IDENTIFIER_RE = /^[A-Za-z0-9._-]{1,64}$/;

/** A language tag as used in Text objects (`fr`, `en`, `fr-FR`, `zh-Hant-TW`). */
export const LANGUAGE_TAG_RE = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;

/**
 * Absolute http(s) URL with a host, no white space and no user name or password (a link to
 * `https://www.ville.example@evil.example/` would lie about where it goes); the parser also
 * checks `new URL`.
 */
export const HTTP_URL_RE = /^[Hh][Tt][Tt][Pp][Ss]?:\/\/[^\s/?#@]+(?:[/?#][^\s]*)?$/;

/** The placeholders an interpellation URL template may use. */
export const TEMPLATE_FIELDS = ['id', 'title', 'plan', 'page'] as const;

/** An interpellation URL template: an http(s) URL whose braces only name known placeholders. */
export const URL_TEMPLATE_RE =
  /^[Hh][Tt][Tt][Pp][Ss]?:\/\/(?:[^\s/?#@{}]|\{(?:id|title|plan|page)\})+(?:[/?#](?:[^\s{}]|\{(?:id|title|plan|page)\})*)?$/;

/**
 * An e-mail address that is safe in a `mailto:` link as is: a plain local part (letters, digits,
 * `. _ + ' -`, nothing that a URL would read as `?`, `&` or `%`) and a dotted domain in ASCII
 * (international domains in punycode).
 */
export const EMAIL_RE =
  /^[A-Za-z0-9._+'-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/** Keys that are never copied into an object built from feed data. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
]);

/** Days in each month of a non-leap year. */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function dayExists(year: number, month: number, day: number): boolean {
  const days = month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1];
  return days !== undefined && day >= 1 && day <= days;
}

/** True for a `YYYY-MM-DD` string naming a real calendar date (not 2023-02-30). */
export function isDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  return m !== null && dayExists(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** True for an RFC 3339 date-time with a real date, a valid time and an explicit offset. */
export function isDateTime(value: string): boolean {
  const m = DATE_TIME_RE.exec(value);
  if (m === null || !isDate(m[1] ?? '')) return false;
  const [hour, minute, second] = [Number(m[2]), Number(m[3]), Number(m[4])];
  if (hour > 23 || minute > 59 || second > 60) return false;
  if (m[5] !== undefined && (Number(m[6]) > 23 || Number(m[7]) > 59)) return false;
  // A leap second (:60) is only ever the last second of a UTC day (RFC 3339 §5.7), as the JSON
  // Schema's date-time format also checks.
  const offset = m[5] === undefined ? 0 : Number(`${m[5]}1`) * (Number(m[6]) * 60 + Number(m[7]));
  return second < 60 || (hour * 60 + minute - offset + 1441) % 1440 === 0;
}

/** True for an absolute `http:` or `https:` URL with a host: the only links ever rendered. */
export function isHttpUrl(value: string): boolean {
  if (!HTTP_URL_RE.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** True for an interpellation URL template that is an http(s) URL once its placeholders are filled. */
export function isUrlTemplate(value: string): boolean {
  return URL_TEMPLATE_RE.test(value) && isHttpUrl(value.replace(/\{[a-z]+\}/g, 'x'));
}
