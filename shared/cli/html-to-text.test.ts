import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToText } from './html-to-text.ts';

describe('htmlToText', () => {
  it('keeps paragraphs apart and line breaks within them', () => {
    expect(htmlToText('<p>One<br>two</p><p>Three</p>')).toBe('One\ntwo\n\nThree');
  });

  it('drops what scripts, styles and templates contain, and every attribute', () => {
    expect(
      htmlToText(
        '<p onclick="alert(1)">Hi</p><script>alert("<p>x</p>")</script><style>p{}</style><template><b>no</b></template>',
      ),
    ).toBe('Hi');
  });

  it('lists items on their own lines', () => {
    expect(htmlToText('<ul><li>a</li><li>b</li></ul>')).toBe('- a\n- b');
  });

  it('keeps a lone < as text and drops comments and doctypes', () => {
    expect(htmlToText('<!DOCTYPE html><!-- note -->a < b')).toBe('a < b');
  });

  it('keeps tags that never close as text, however many', () => {
    const unclosed = '<a x="1" '.repeat(2_000);
    expect(htmlToText(`<p>Budget</p>${unclosed}`)).toBe(`Budget\n\n${unclosed.trim()}`);
  });

  it('collapses white space, non-breaking spaces included', () => {
    expect(htmlToText('  a&nbsp;&nbsp;b\n\n c ')).toBe('a b c');
  });

  it('never turns decoded entities into markup', () => {
    expect(htmlToText('&lt;script&gt;alert(1)&lt;/script&gt;')).toBe('<script>alert(1)</script>');
  });
});

describe('decodeEntities', () => {
  it('decodes named, decimal and hexadecimal references', () => {
    expect(decodeEntities('&eacute;t&#233; &#xE9; &euro; &amp;amp;')).toBe('été é € &amp;');
  });

  it('replaces impossible code points and leaves unknown names as written', () => {
    expect(decodeEntities('&#0;&#xD800;&#x110000; &bogus;')).toBe('\uFFFD\uFFFD\uFFFD &bogus;');
  });
});
