/**
 * A recorded change of a followed or asked-about commitment, as facts, worded only when shown (in
 * a notification, in My commitments) in the viewer's language of that moment: a person who
 * switches the browser to another language reads the changes recorded before in it too.
 */
import type { Category, DateString, Lang, LocalText, Text } from '../../shared/index.ts';
import { coreMessages } from '../../shared/i18n/core-messages.ts';
import { formatDate, formatPercent } from '../../shared/i18n/format.ts';
import { clampText } from '../../shared/text/clamp-text.ts';
import { isolate } from '../../shared/text/isolate.ts';
import { pickText } from '../../shared/text/pick-text.ts';
import { t } from '../i18n/page-messages.ts';

/** A status as it stood: the publisher's label in every language it gave, and its category. */
export interface StatusFact {
  readonly label?: Text;
  readonly category: Category;
}

/** One thing that changed in a commitment, as data. */
export type ChangeFact =
  | { readonly kind: 'status'; readonly from: StatusFact; readonly to: StatusFact }
  | { readonly kind: 'progress'; readonly from?: number; readonly to?: number }
  | { readonly kind: 'due'; readonly from?: DateString; readonly to?: DateString }
  /** `note`: the update's own words, cut (see `clipNote`); absent from older records. */
  | { readonly kind: 'update-added'; readonly date: DateString; readonly note?: Text }
  | { readonly kind: 'answer-published'; readonly date: DateString }
  /**
   * A citizen's question published: `date`, when it was asked, and `question`, its words cut (see
   * `clipNote`); both absent from older records.
   */
  | {
      readonly kind: 'interpellation-added';
      readonly date?: DateString;
      readonly question?: Text;
    }
  /** A text edited, the commitment missing from the latest copy. */
  | { readonly kind: 'text' | 'removed' };

/** What is kept of a change to word it again: its commitment's title and the facts. */
export interface RecordedChange {
  readonly commitmentId: string;
  /** The commitment's title in every language the feed gave (one string in older records). */
  readonly title: Text;
  /** The feed's languages, to pick a title or a label in when the viewer's is missing. */
  readonly languages?: readonly string[];
  /**
   * The publisher's name in every language the feed gave: with several feeds, a change would not
   * say whose it is (absent from older records).
   */
  readonly publisher?: Text;
  readonly facts?: readonly ChangeFact[];
  /** The words of a record made before facts were kept, in the language of that time. */
  readonly lines?: readonly string[];
}

/** The commitment's title, in the viewer's language when the feed gave it. */
export function changeTitle(change: RecordedChange, lang: Lang): LocalText {
  return pickText(change.title, lang, change.languages) ?? { text: change.commitmentId };
}

/** The publisher's name, in the viewer's language when the feed gave it; none in older records. */
export function changePublisher(change: RecordedChange, lang: Lang): LocalText | undefined {
  return change.publisher === undefined
    ? undefined
    : pickText(change.publisher, lang, change.languages);
}

/** The most characters of an update's note, or of a new question, that a change line carries. */
export const NOTE_MAX = 150;

/**
 * An update's note (or a question) made one line of at most `NOTE_MAX` characters, cut at a word
 * with an ellipsis: a change line names what happened, and the commitment's page has it whole.
 */
export function clipNote(note: string): string {
  return clampText(note.replace(/\s+/g, ' ').trim(), NOTE_MAX);
}

/** A status in the viewer's words: the publisher's label, isolated inside our sentence. */
function statusWords(status: StatusFact, lang: Lang, languages?: readonly string[]): string {
  const label = pickText(status.label, lang, languages)?.text;
  return label === undefined ? coreMessages[lang].category[status.category] : isolate(label);
}

/** One change in the viewer's words. */
export function describeChange(
  fact: ChangeFact,
  lang: Lang,
  languages?: readonly string[],
): string {
  const m = t(lang);
  switch (fact.kind) {
    case 'status':
      return m.changeStatus(
        statusWords(fact.from, lang, languages),
        statusWords(fact.to, lang, languages),
      );
    case 'progress':
      return m.changeProgress(
        fact.from === undefined ? m.noProgress : formatPercent(fact.from, lang),
        fact.to === undefined ? m.noProgress : formatPercent(fact.to, lang),
      );
    case 'due':
      return m.changeDue(
        fact.from === undefined ? m.noDue : formatDate(fact.from, lang),
        fact.to === undefined ? m.noDue : formatDate(fact.to, lang),
      );
    case 'update-added': {
      const note = clipNote(pickText(fact.note, lang, languages)?.text ?? '');
      const date = formatDate(fact.date, lang);
      return note === '' ? m.changeUpdate(date) : m.changeUpdateNote(date, isolate(note));
    }
    case 'answer-published':
      return m.changeAnswer(formatDate(fact.date, lang));
    case 'interpellation-added': {
      if (fact.date === undefined) return m.changeInterpellation;
      const question = clipNote(pickText(fact.question, lang, languages)?.text ?? '');
      const date = formatDate(fact.date, lang);
      return question === ''
        ? m.changeInterpellationAsked(date)
        : m.changeInterpellationQuestion(date, isolate(question));
    }
    case 'text':
      return m.changeText;
    case 'removed':
      return m.changeRemoved;
  }
}

/** What changed, one line each, in the viewer's words (an older record's own words as kept). */
export function changeLines(change: RecordedChange, lang: Lang): string[] {
  return change.facts
    ? change.facts.map((fact) => describeChange(fact, lang, change.languages))
    : [...(change.lines ?? [])];
}
