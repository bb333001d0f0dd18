/**
 * Turns the HTML of a Decidim description into plain text for a feed, without a DOM: feeds are
 * plain text, and a parser that builds a document would run the risks we keep out (scripts,
 * handlers, resource loads). This small tokenizer only drops tags, decodes character references,
 * keeps paragraphs and line breaks, and drops what `<script>`, `<style>` and the like contain.
 */

/** HTML 4 names of U+00A0–U+00FF, in code-point order. */
const LATIN1_NAMES =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml'.split(
    ' ',
  );

const NAMED: ReadonlyMap<string, string> = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
  ...LATIN1_NAMES.map((name, index): [string, string] => [
    name,
    String.fromCodePoint(0xa0 + index),
  ]),
  ['OElig', 'Œ'],
  ['oelig', 'œ'],
  ['Scaron', 'Š'],
  ['scaron', 'š'],
  ['Yuml', 'Ÿ'],
  ['circ', 'ˆ'],
  ['tilde', '˜'],
  ['ensp', '\u2002'],
  ['emsp', '\u2003'],
  ['thinsp', '\u2009'],
  ['zwnj', '\u200c'],
  ['zwj', '\u200d'],
  ['lrm', '\u200e'],
  ['rlm', '\u200f'],
  ['ndash', '–'],
  ['mdash', '—'],
  ['lsquo', '‘'],
  ['rsquo', '’'],
  ['sbquo', '‚'],
  ['ldquo', '“'],
  ['rdquo', '”'],
  ['bdquo', '„'],
  ['dagger', '†'],
  ['Dagger', '‡'],
  ['bull', '•'],
  ['hellip', '…'],
  ['permil', '‰'],
  ['lsaquo', '‹'],
  ['rsaquo', '›'],
  ['euro', '€'],
  ['trade', '™'],
]);

/** Elements whose content is never text for a reader. */
const DROPPED_CONTENT = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'iframe',
  'object',
  'svg',
  'math',
  'head',
  'title',
  'textarea',
  'select',
]);

/** Elements that end a paragraph. */
const BLOCKS = new Set([
  'p',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'aside',
  'nav',
  'main',
  'blockquote',
  'pre',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'dl',
  'table',
  'tr',
  'figure',
  'figcaption',
  'hr',
  'address',
  'details',
  'summary',
]);

/** Elements that end a line inside a paragraph. */
const LINES = new Set(['br', 'li', 'dt', 'dd']);

/** Decodes `&amp;`, `&eacute;`, `&#233;`, `&#xE9;`; unknown names stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(
    /&(#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});?/g,
    (whole, ref: string) => {
      if (ref.startsWith('#')) {
        const code =
          ref[1] === 'x' || ref[1] === 'X'
            ? parseInt(ref.slice(2), 16)
            : parseInt(ref.slice(1), 10);
        const invalid = code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff);
        if (invalid) return '\uFFFD';
        if (code < 0x20 && code !== 0x09 && code !== 0x0a) return '';
        return String.fromCodePoint(code);
      }
      return NAMED.get(ref) ?? whole;
    },
  );
}

/** Collapses white space the way a browser shows it, without leading or trailing spaces. */
function collapse(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/**
 * Plain text of an HTML fragment: paragraphs separated by a blank line, `<br>` and list items on
 * their own line (list items prefixed with `- `), tags and comments dropped, entities decoded.
 */
export function htmlToText(html: string): string {
  const paragraphs: string[][] = [[]];
  let line = '';
  let skipUntil: string | undefined;
  const endLine = (): void => {
    const text = collapse(decodeEntities(line));
    const current = paragraphs[paragraphs.length - 1];
    if (text !== '' && current) current.push(text);
    line = '';
  };
  const endParagraph = (): void => {
    endLine();
    if ((paragraphs[paragraphs.length - 1]?.length ?? 0) > 0) paragraphs.push([]);
  };

  // No tag can close after the last `>`: a `<` past it is text, found without trying to read a
  // tag to the end of the input each time (which made unclosed tags take quadratic time).
  const lastGt = html.lastIndexOf('>');
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    const chunk = lt === -1 ? html.slice(i) : html.slice(i, lt);
    if (skipUntil === undefined) line += chunk;
    if (lt === -1) break;
    i = lt;
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      i = end === -1 ? html.length : end + 3;
      continue;
    }
    const tag =
      i < lastGt
        ? /^<(\/?)([A-Za-z][A-Za-z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/.exec(html.slice(i))
        : null;
    if (!tag) {
      // A `<` that opens no tag (`a < b`, `<!DOCTYPE`, `<?xml`): text, or a declaration to drop.
      if (/^<[!?]/.test(html.slice(i))) {
        const end = html.indexOf('>', i);
        i = end === -1 ? html.length : end + 1;
      } else {
        if (skipUntil === undefined) line += '<';
        i += 1;
      }
      continue;
    }
    i += tag[0].length;
    const closing = tag[1] === '/';
    const name = (tag[2] ?? '').toLowerCase();
    if (skipUntil !== undefined) {
      if (closing && name === skipUntil) skipUntil = undefined;
      continue;
    }
    const selfClosing = /\/\s*$/.test(tag[3] ?? '');
    if (!closing && !selfClosing && DROPPED_CONTENT.has(name)) {
      skipUntil = name;
      continue;
    }
    if (BLOCKS.has(name)) endParagraph();
    else if (LINES.has(name)) {
      endLine();
      if (name === 'li' && !closing) line = '- ';
    } else if (name === 'td' || name === 'th') line += ' ';
  }
  endParagraph();
  return paragraphs
    .filter((lines) => lines.length > 0)
    .map((lines) => lines.filter((text) => text !== '-').join('\n'))
    .filter((text) => text !== '')
    .join('\n\n');
}
