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

/** Of those, the ones whose content is text to the first end tag of the same name. */
const RAW_TEXT = new Set(['script', 'style', 'iframe', 'noscript', 'title', 'textarea']);

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

function isAsciiAlpha(char: string): boolean {
  return (char >= 'a' && char <= 'z') || (char >= 'A' && char <= 'Z');
}

function isSpace(char: string): boolean {
  return char === ' ' || char === '\t' || char === '\n' || char === '\f' || char === '\r';
}

/**
 * Reads a tag from its name, at `start`, to its `>`, with the states of the HTML tokenizer: a
 * quote opens a value only after `=`, and a `>` inside a quoted value does not end the tag. One
 * pass, so that any input takes linear time. Undefined when the input ends inside the tag.
 */
function readTag(
  html: string,
  start: number,
): { name: string; selfClosing: boolean; end: number; href?: string } | undefined {
  let i = start;
  while (i < html.length && !isSpace(html[i]!) && html[i] !== '/' && html[i] !== '>') i += 1;
  const name = html.slice(start, i).toLowerCase();
  // before: between attributes; name: in an attribute's name; equals: after its `=`; value: in an
  // unquoted value; a quote character: in a value it opened.
  let state: 'before' | 'name' | 'equals' | 'value' | '"' | "'" = 'before';
  let slash = false;
  // Where the current attribute's name and value start, and the first `href` value, if any.
  let nameStart = i;
  let attribute = '';
  let valueStart = i;
  let href: string | undefined;
  const endValue = (end: number): void => {
    if (attribute === 'href' && href === undefined) href = html.slice(valueStart, end);
  };
  for (; i < html.length; i += 1) {
    const char = html[i]!;
    if (state === '"' || state === "'") {
      if (char === state) {
        endValue(i);
        state = 'before';
      }
      continue;
    }
    if (char === '>') {
      if (state === 'value') endValue(i);
      return { name, selfClosing: slash, end: i + 1, ...(href === undefined ? {} : { href }) };
    }
    slash = false;
    if (isSpace(char)) {
      if (state === 'value') {
        endValue(i);
        state = 'before';
      }
    } else if (state === 'equals') {
      state = char === '"' || char === "'" ? char : 'value';
      valueStart = state === 'value' ? i : i + 1;
    } else if (state !== 'value') {
      if (char === '/') {
        slash = true;
        state = 'before';
      } else if (char === '=' && state === 'name') {
        // The last word before `=`: a name ends at a space (`<a target href=…>`, `href = …`).
        attribute = html.slice(nameStart, i).trim().split(/\s+/).pop()?.toLowerCase() ?? '';
        state = 'equals';
      } else {
        if (state !== 'name') nameStart = i;
        state = 'name';
      }
    }
  }
  return undefined;
}

/** Where the end tag `</name` (followed by a space, `/` or `>`) starts, from `from`; -1 if none. */
function findEndTag(html: string, name: string, from: number): number {
  const endTag = new RegExp(`</${name}(?=[\\t\\n\\f\\r />]|$)`, 'gi');
  endTag.lastIndex = from;
  return endTag.exec(html)?.index ?? -1;
}

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

/** An `href` worth writing out: an absolute http or https address, decoded; else undefined. */
function linkAddress(href: string | undefined): string | undefined {
  if (href === undefined) return undefined;
  const address = decodeEntities(href).trim();
  return /^https?:\/\/[^\s]+$/i.test(address) ? address : undefined;
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
  let link: { start: number; href: string | undefined } | undefined;
  const endLine = (): void => {
    const text = collapse(decodeEntities(line));
    const current = paragraphs[paragraphs.length - 1];
    if (text !== '' && current) current.push(text);
    line = '';
    // A link that goes on past a line break: its text resumes on the next line.
    if (link) link.start = 0;
  };
  const endParagraph = (): void => {
    endLine();
    if ((paragraphs[paragraphs.length - 1]?.length ?? 0) > 0) paragraphs.push([]);
  };

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
    const next = html[i + 1] ?? '';
    const closing = next === '/';
    if (next === '!' || next === '?' || (closing && !isAsciiAlpha(html[i + 2] ?? ''))) {
      // A declaration, a processing instruction or a malformed end tag: dropped up to its `>`.
      const end = html.indexOf('>', i);
      i = end === -1 ? html.length : end + 1;
      continue;
    }
    if (!closing && !isAsciiAlpha(next)) {
      // A `<` that opens nothing (`a < b`, `5<10`) is text.
      if (skipUntil === undefined) line += '<';
      i += 1;
      continue;
    }
    const tag = readTag(html, closing ? i + 2 : i + 1);
    // A tag the input ends in swallows the rest, as in a browser.
    if (tag === undefined) break;
    i = tag.end;
    const name = tag.name;
    if (skipUntil !== undefined) {
      if (closing && name === skipUntil) skipUntil = undefined;
      continue;
    }
    if (!closing && !tag.selfClosing && DROPPED_CONTENT.has(name)) {
      if (RAW_TEXT.has(name)) {
        // Nothing inside is markup: it ends at the first `</name`, as in a browser.
        const end = findEndTag(html, name, i);
        if (end === -1) break;
        i = end;
      } else skipUntil = name;
      continue;
    }
    if (name === 'a') {
      // A link's address follows its text, "le plan (https://…)": a feed's text has no links,
      // and a description's link to a deliberation or a document is worth keeping.
      if (!closing) link = { start: line.length, href: linkAddress(tag.href) };
      else if (link) {
        const text = collapse(decodeEntities(line.slice(link.start)));
        if (link.href !== undefined && text !== link.href && text !== '') line += ` (${link.href})`;
        else if (link.href !== undefined && text === '') line += link.href;
        link = undefined;
      }
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
