/** The string formats over generated strings, against plain readings of their rules. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isDate, isDateTime, isHttpUrl, isUrlTemplate } from './formats.ts';

const RUNS = { numRuns: 500, seed: 20261205 };

/** Strings made of the characters that matter to a URL parser. */
const urlish = fc
  .array(
    fc.constantFrom(
      'http',
      'https',
      'HTTPS',
      'javascript',
      ':',
      '//',
      '/',
      '\\',
      '@',
      '%40',
      '%2F',
      '?',
      '#',
      '.',
      'a',
      'ville.fr',
      ' ',
      '\t',
      '\n',
      '[',
      ']',
      '::1',
      ':8080',
      '{id}',
      '{x}',
      '%',
      '\u3002',
      '\uFF0E',
      'xn--',
      '\u0000',
    ),
    { maxLength: 10 },
  )
  .map((parts) => parts.join(''));

/**
 * Interpellation URL templates as a publisher writes them (a scheme, a host, a path with
 * placeholders), and hostile variants: other schemes, a user name, unknown or broken placeholders,
 * white space.
 */
const templateish = fc
  .tuple(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom('https://', 'http://', 'HTTPS://') },
      { weight: 1, arbitrary: fc.constantFrom('ftp://', 'https:/', '//', '') },
    ),
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom('ville.fr', 'www.ville.fr:8080', '{id}.ville.fr') },
      {
        weight: 1,
        arbitrary: fc.constantFrom('ville.fr@evil.example', '{x}.ville.fr', 'ville .fr', ''),
      },
    ),
    fc
      .array(
        fc.oneof(
          {
            weight: 4,
            arbitrary: fc.constantFrom('/', 'ask', '?c=', '&from=', '#', '{id}', '{title}'),
          },
          { weight: 2, arbitrary: fc.constantFrom('{plan}', '{page}') },
          { weight: 1, arbitrary: fc.constantFrom('{x}', '{ID}', '{', '}', ' ', '@', '\\', '%') },
        ),
        { maxLength: 8 },
      )
      .map((parts) => parts.join('')),
  )
  .map(([scheme, host, path]) => scheme + host + path);

describe('formats over generated strings', () => {
  it('accepts as an http(s) link only a URL with a host and no user name or password', () => {
    fc.assert(
      fc.property(
        fc.oneof(urlish, fc.webUrl({ withQueryParameters: true, withFragments: true })),
        (value) => {
          if (!isHttpUrl(value)) return;
          const url = new URL(value);
          expect(['http:', 'https:']).toContain(url.protocol);
          expect(url.hostname).not.toBe('');
          expect(url.username + url.password, value).toBe('');
        },
      ),
      RUNS,
    );
  });

  it('accepts as a template only a link whose values, whatever they are, keep it on its host', () => {
    let accepted = 0;
    fc.assert(
      fc.property(
        fc.oneof(urlish, templateish, templateish),
        fc.constantFrom('', 'x', '..', 'a.b'),
        (value, filler) => {
          if (!isUrlTemplate(value)) return;
          accepted += 1;
          expect(isHttpUrl(value.replace(/\{[a-z]+\}/g, filler === '' ? 'x' : filler)), value).toBe(
            true,
          );
        },
      ),
      RUNS,
    );
    // The generated strings include templates a publisher would write, so the check above ran.
    expect(accepted).toBeGreaterThan(RUNS.numRuns / 10);
  });

  it('accepts exactly the dates of the proleptic Gregorian calendar', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (y, m, d) => {
          const text = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          const day = new Date(0);
          day.setUTCFullYear(y, m - 1, d);
          const real = m >= 1 && m <= 12 && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
          expect(isDate(text), text).toBe(real);
          expect(isDateTime(`${text}T12:00:00Z`)).toBe(real);
        },
      ),
      RUNS,
    );
  });

  it('reads every date-time it accepts as the instant Date.parse gives', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1970-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }),
        fc.constantFrom('Z', 'z', '+01:00', '-09:30', '+14:00'),
        (date, offset) => {
          const text = `${date.toISOString().slice(0, 19)}${offset}`;
          expect(isDateTime(text), text).toBe(true);
          expect(Number.isNaN(Date.parse(text.replace('z', 'Z')))).toBe(false);
        },
      ),
      { ...RUNS, numRuns: 300 },
    );
  });
});
