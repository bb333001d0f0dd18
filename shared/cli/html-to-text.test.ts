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

  it('drops a tag the input ends in, and all after it, as a browser does', () => {
    const unclosed = '<a x="1" '.repeat(2_000);
    expect(htmlToText(`<p>Budget</p>${unclosed}`)).toBe('Budget');
    expect(htmlToText('<p>Budget</p>The end <b')).toBe('Budget\n\nThe end');
  });

  it('reads quotes as a browser does: they open a value only after =', () => {
    expect(htmlToText('<a title="a > b" href=\'x>y\'>link</a> after')).toBe('link after');
    expect(htmlToText('<p "x>Hi</p><p>there</p>')).toBe('Hi\n\nthere');
    expect(htmlToText('<p class=a>b>c</p>')).toBe('b>c');
    expect(htmlToText('a<br/>b<img src="y"/>c<br >d')).toBe('a\nbc\nd');
    expect(htmlToText('<a x="'.repeat(2_001) + '>Hi')).toBe('');
    expect(htmlToText('<a "x '.repeat(2_000) + '>Hi')).toBe('Hi');
  });

  it('reads no markup inside scripts, styles and titles, to their end tag', () => {
    expect(htmlToText('<script>if (a<b) x = "</p><p>"</script >Hi')).toBe('Hi');
    expect(htmlToText('<p>A</p><STYLE>p::after{content:"<p>"}</Style>B')).toBe('A\n\nB');
    expect(htmlToText('<p>A</p><script>never closed <p>B</p>')).toBe('A');
  });

  it("keeps a link's web address after its text, since a feed's text has no links", () => {
    expect(
      htmlToText(
        '<p>Voir <a class="x" href="https://ex.fr/deliberation?n=1&amp;a=2">la délibération</a>.</p>',
      ),
    ).toBe('Voir la délibération (https://ex.fr/deliberation?n=1&a=2).');
    expect(htmlToText('<a href="https://ex.fr/a">https://ex.fr/a</a>')).toBe('https://ex.fr/a');
    expect(htmlToText('<a target href = https://ex.fr/b><img src="b.png"></a>')).toBe(
      'https://ex.fr/b',
    );
    expect(htmlToText('<a href="https://ex.fr/c">Un<br>deux</a>')).toBe(
      'Un\ndeux (https://ex.fr/c)',
    );
    // Only absolute web addresses: a relative one means nothing outside its site.
    expect(
      htmlToText(
        '<a href="javascript:alert(1)">a</a> <a href="/page">b</a> <a data-href="https://x.fr">c</a>',
      ),
    ).toBe('a b c');
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
