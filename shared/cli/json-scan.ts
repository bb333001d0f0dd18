/**
 * What `validate` finds in a feed's JSON text that the reader cannot see once the text is parsed:
 * a key written twice in one object (JSON.parse keeps the last one without a word), and markup in
 * a text (the format's texts are plain text, shown as written, so a tag would show as `<b>`).
 */
import { jsonPathAt } from '../feed/json-path.ts';
import type { FeedIssue } from '../feed/types.ts';
import { defineMessages } from '../i18n/define-messages.ts';
import { worded } from './issue-words.ts';

const words = defineMessages({
  fr: {
    duplicateKey: (key: string, line: number, first: number) =>
      `clé «\u00a0${key}\u00a0» en double dans cet objet, à la ligne ${line} (déjà à la ligne ${first})\u00a0: JSON ne garde que la dernière\u00a0; retirez l’une des deux`,
    html: (tag: string) =>
      `«\u00a0${tag}\u00a0» ressemble à une balise HTML\u00a0: les textes d’un flux sont du texte brut, que les lecteurs affichent tel quel, balise comprise\u00a0; retirez-la`,
  },
  en: {
    duplicateKey: (key: string, line: number, first: number) =>
      `key "${key}" written twice in this object, on line ${line} (first on line ${first}): JSON keeps only the last one; remove one of them`,
    html: (tag: string) =>
      `"${tag}" looks like an HTML tag: a feed's texts are plain text, which readers show as written, tag included; remove it`,
  },
});

/** At most this many duplicate keys are reported: a feed with more is broken in one way. */
const MAX_DUPLICATES = 50;

const at = jsonPathAt;

/**
 * The keys written twice in one object of a JSON text, each as an error at its path, with its line
 * and the line of the first. `text` must be JSON that parses: the scan trusts its syntax.
 */
export function duplicateKeys(text: string): FeedIssue[] {
  const found: { path: string; key: string; at: number; first: number }[] = [];
  let i = 0;
  const space = (): void => {
    while (i < text.length && /[ \t\r\n]/.test(text[i] ?? '')) i++;
  };
  const string = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (path: string): void => {
    space();
    const c = text[i];
    if (c === '{') {
      i++;
      const seen = new Map<string, number>();
      space();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        space();
        const keyAt = i;
        const key = string();
        const first = seen.get(key);
        if (first === undefined) seen.set(key, keyAt);
        else if (found.length < MAX_DUPLICATES)
          found.push({ path: at(path, key), key, at: keyAt, first });
        space();
        i++; // :
        value(at(path, key));
        space();
        if (text[i++] === '}') return;
      }
    }
    if (c === '[') {
      i++;
      space();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (let index = 0; ; index++) {
        value(at(path, index));
        space();
        if (text[i++] === ']') return;
      }
    }
    if (c === '"') {
      string();
      return;
    }
    while (i < text.length && !/[\s,\]}]/.test(text[i] ?? '')) i++;
  };
  try {
    value('$');
  } catch {
    // Nesting deeper than the stack: such a feed has errors enough of its own.
    return [];
  }
  const lineOf = lines(text);
  return found.map((dup) => ({
    path: dup.path,
    message: worded(words, (w) => w.duplicateKey(dup.key, lineOf(dup.at), lineOf(dup.first))),
  }));
}

/** The line (from 1) of an offset in `text`. */
function lines(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
}

/** The elements a text written for a web page is likely to hold. */
const TAGS =
  'a|abbr|b|blockquote|br|code|del|div|em|font|h[1-6]|hr|i|iframe|img|ins|li|mark|ol|p|pre|s|script|small|span|strong|style|sub|sup|table|td|th|tr|u|ul';

/**
 * A tag of one of `TAGS`: `<b>`, `</p>`, `<br/>`, `<a href="…">`. A lone `<` in prose (`< 5 %`,
 * `a<b`, `a<b and c>d`) is none: the name must end at `>` or `/>`, or be followed by an attribute.
 */
const TAG = new RegExp(String.raw`</?(?:${TAGS})(?:\s*/?>|\s+[a-z-]+\s*=[^<>]*>)`, 'i');

/** Warnings for the texts of a parsed feed that hold what looks like an HTML tag, at their path. */
export function htmlInTexts(json: unknown): FeedIssue[] {
  const issues: FeedIssue[] = [];
  const walk = (value: unknown, path: string): void => {
    if (typeof value === 'string') {
      const tag = TAG.exec(value);
      if (tag) issues.push({ path, message: worded(words, (w) => w.html(tag[0])) });
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => walk(item, at(path, index)));
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) walk(item, at(path, key));
    }
  };
  try {
    walk(json, '$');
  } catch {
    // Nesting deeper than the stack: such a feed has errors enough of its own.
  }
  return issues;
}
