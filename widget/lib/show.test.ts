import { describe, expect, it } from 'vitest';
import { safeHref } from './show.ts';

/** A `javascript:` URL, built so that the linter's script-URL rule stays on for real code. */
const script = (scheme: string) => [scheme, 'alert(1)'].join(':');

describe('safeHref', () => {
  it('keeps an absolute http(s) address, normalised', () => {
    expect(safeHref('HTTPS://www.ville.example/plan')).toBe('https://www.ville.example/plan');
    expect(safeHref('http://www.ville.example')).toBe('http://www.ville.example/');
  });

  it('links nothing that runs code or names another scheme', () => {
    for (const url of [
      script('javascript'),
      script('JAVASCRIPT'),
      'java\tscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      '//evil.example/',
    ]) {
      expect(safeHref(url), url).toBeUndefined();
    }
  });

  it('links nothing that hides its host behind a user name or white space', () => {
    for (const url of [
      'https://www.ville.example@evil.example/',
      'https://user:secret@www.ville.example/',
      ' https://evil.example/',
      'https://evil.example/\n',
      'https://www.ville.example/a b',
      '\u0000https://evil.example/',
      'ht\ttps://evil.example/',
      'https:\\\\evil.example/',
    ]) {
      expect(safeHref(url), JSON.stringify(url)).toBeUndefined();
    }
  });
});
