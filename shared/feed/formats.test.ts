import { describe, expect, it } from 'vitest';
import {
  EMAIL_RE,
  IDENTIFIER_RE,
  isDate,
  isDateTime,
  isHttpUrl,
  isUrlTemplate,
} from './formats.ts';

const SCRIPT_URL = ['javascript', 'alert(1)'].join(':');

describe('isDate', () => {
  it.each(['2027-06-30', '2024-02-29', '2000-02-29', '0001-01-01', '2026-12-31'])(
    'accepts %s',
    (value) => {
      expect(isDate(value)).toBe(true);
    },
  );
  it.each([
    '2023-02-30',
    '2023-02-29',
    '1900-02-29',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '2026-1-01',
    '30/06/2027',
    '2026-06-30T00:00:00Z',
    ' 2026-06-30',
    '',
  ])('refuses %s', (value) => {
    expect(isDate(value)).toBe(false);
  });
});

describe('isDateTime', () => {
  it.each([
    '2026-11-30T09:00:00Z',
    '2026-11-30t09:00:00z',
    '2026-11-30 09:00:00+01:00',
    '2024-02-29T23:59:59.999-05:30',
    '2016-12-31T23:59:60Z',
    '2016-12-31T15:59:60-08:00',
    '2017-01-01T00:59:60+01:00',
  ])('accepts %s', (value) => {
    expect(isDateTime(value)).toBe(true);
  });
  it.each([
    '2026-11-30T09:00:00',
    '2026-11-30',
    '2026-02-30T09:00:00Z',
    '2026-11-30T24:00:00Z',
    '2026-11-30T09:60:00Z',
    '2026-11-30T09:00:00+0100',
    '2026-11-30T09:00:00+25:00',
    '2026-11-30T09:00:60Z',
    '2016-12-31T23:59:60+01:00',
  ])('refuses %s', (value) => {
    expect(isDateTime(value)).toBe(false);
  });
});

describe('isHttpUrl', () => {
  it.each([
    'https://www.ville.example/',
    'http://ville.example',
    'HTTPS://ville.example/a?b=c#d',
    'https://bücher.example/',
    'https://ville.example:8443/x',
  ])('accepts %s', (value) => {
    expect(isHttpUrl(value)).toBe(true);
  });
  it.each([
    SCRIPT_URL,
    'data:text/html,x',
    'ftp://ville.example/',
    'file:///etc/passwd',
    '/relative',
    '//ville.example/x',
    'https://',
    'https:///x',
    'https://ville .example/',
    ' https://ville.example/',
    'https://www.ville.example@evil.example/',
    'https://user:pw@ville.example/',
    'https://[zz]/',
  ])('refuses %s', (value) => {
    expect(isHttpUrl(value)).toBe(false);
  });
});

describe('isUrlTemplate', () => {
  it('accepts the four placeholders, in host, path and query', () => {
    expect(isUrlTemplate('https://ville.example/i?e={id}&t={title}&p={plan}&u={page}')).toBe(true);
    expect(isUrlTemplate('https://ville.example/{id}/form')).toBe(true);
  });
  it('refuses other placeholders, stray braces and other schemes', () => {
    expect(isUrlTemplate('https://ville.example/i?e={identifiant}')).toBe(false);
    expect(isUrlTemplate('https://ville.example/i?e={id')).toBe(false);
    expect(isUrlTemplate('https://ville.example/i?e={+id}')).toBe(false);
    expect(isUrlTemplate(`${SCRIPT_URL}/{id}`)).toBe(false);
  });
});

describe('identifiers and e-mail addresses', () => {
  it('accepts 1 to 64 characters of A-Z a-z 0-9 . _ -', () => {
    expect(IDENTIFIER_RE.test('FR0067')).toBe(true);
    expect(IDENTIFIER_RE.test('a'.repeat(64))).toBe(true);
    expect(IDENTIFIER_RE.test('a'.repeat(65))).toBe(false);
    expect(IDENTIFIER_RE.test('')).toBe(false);
    expect(IDENTIFIER_RE.test('é')).toBe(false);
    expect(IDENTIFIER_RE.test('a b')).toBe(false);
  });
  it('accepts usable e-mail addresses only', () => {
    expect(EMAIL_RE.test('interpellation@ville.example')).toBe(true);
    expect(EMAIL_RE.test('mairie at ville.example')).toBe(false);
    expect(EMAIL_RE.test('a@b')).toBe(false);
    expect(EMAIL_RE.test("jean-marie.o'neil+ogp@ville-exemple.example")).toBe(true);
    expect(EMAIL_RE.test('a@b.example?subject=x')).toBe(false);
    expect(EMAIL_RE.test('a?cc=b@ville.example')).toBe(false);
    expect(EMAIL_RE.test('a%40b@ville.example')).toBe(false);
    expect(EMAIL_RE.test('mairie@bücher.example')).toBe(false);
    expect(EMAIL_RE.test('mairie@xn--bcher-kva.example')).toBe(true);
  });
});
