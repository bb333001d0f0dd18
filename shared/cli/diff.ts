/** `open-commitments diff <old> <new>`: what changed between two versions of a feed. */
import { diffFeedsFully, isEmptyFullDiff, type FullChange } from '../diff/diff-details.ts';
import type { Feed, FeedIssue, Text } from '../feed/types.ts';
import { pickText } from '../text/pick-text.ts';
import { defineMessages } from '../i18n/define-messages.ts';
import { formatNumber, plural } from '../i18n/format.ts';
import { EXIT, InputError, type CliIo } from './io.ts';
import { issueLabel } from './issue-words.ts';
import { cliLang, inEnglish, say } from './lang.ts';
import { issueLine, loadFeed } from './output.ts';
import { COMMITMENT_COLUMNS } from './spreadsheet.ts';

/**
 * The French names of the fields a change names: a commitment's as the spreadsheet template calls
 * its columns, and the others'.
 */
const FIELDS_FR: Readonly<Record<string, string>> = {
  ...Object.fromEntries(COMMITMENT_COLUMNS.map((column) => [column.field, column.fr])),
  refs: 'références (refs)',
  milestones: 'jalons',
  updates: 'mises à jour',
  interpellations: 'interpellations',
  format: 'format',
  publisher: 'éditeur',
  plan: 'plan',
  languages: 'langues',
  site: 'site',
  statuses: 'statuts',
  interpellation: 'canal d’interpellation',
  'commitment order': 'ordre des engagements',
};

const fieldFr = (field: string): string => FIELDS_FR[field] ?? field;

/** The lines of the report, in each language. */
const messages = defineMessages({
  fr: {
    colon: '\u00a0: ',
    none: 'aucun',
    noDue: 'aucune',
    noValue: '(aucune valeur)',
    percent: (value: number) => `${formatNumber(Math.round(value * 10) / 10, 'fr')}\u00a0%`,
    status: (from: string, to: string) => `statut\u00a0: ${from} -> ${to}`,
    progress: (from: string, to: string) => `avancement\u00a0: ${from} -> ${to}`,
    due: (from: string, to: string, explained: boolean) =>
      `échéance\u00a0: ${from} -> ${to}${explained ? '' : '  [déplacée sans mise à jour qui l’explique]'}`,
    changed: (field: string) => `modifié\u00a0: ${fieldFr(field)}`,
    updateAdded: (date: string) => `mise à jour ajoutée, datée du ${date}`,
    interpellationAdded: (id: string, date: string, question: string) =>
      `interpellation ajoutée\u00a0: ${id}, posée le ${date}\u00a0: ${question}`,
    answerPublished: (id: string, date: string) =>
      `réponse publiée le ${date} à l’interpellation ${id}`,
    milestoneAdded: (milestone: string) => `jalon ajouté\u00a0: ${milestone}`,
    milestoneRemoved: (milestone: string) => `jalon retiré\u00a0: ${milestone}`,
    milestoneDone: (milestone: string, date: string) =>
      `jalon réalisé le ${date}\u00a0: ${milestone}`,
    milestoneChanged: (milestone: string) => `jalon modifié\u00a0: ${milestone}`,
    updateRemoved: (date: string) => `mise à jour retirée, datée du ${date}`,
    updateChanged: (date: string) => `mise à jour modifiée, datée du ${date}`,
    interpellationRemoved: (id: string) => `interpellation retirée\u00a0: ${id}`,
    interpellationChanged: (id: string) => `interpellation modifiée\u00a0: ${id}`,
    was: 'avant\u00a0: ',
    now: 'après\u00a0: ',
    noChange: 'aucun changement',
    updatedBack: (after: string, before: string) =>
      `la date «\u00a0updated\u00a0» du nouveau flux, ${after}, est antérieure à celle de l’ancien, ${before}\u00a0: les tableaux de bord et l’extension qui ont l’ancien le gardent pendant un jour\u00a0; avancez-la.`,
    feedChanged: (field: string, keys: readonly string[] | undefined) =>
      `~ flux  modifié\u00a0: ${fieldFr(field)}${keys && keys.length > 0 ? ` (${keys.join(', ')})` : ''}`,
    added: (id: string, title: string) => `+ ${id}  ajouté\u00a0: ${title}`,
    removed: (id: string, title: string) => `- ${id}  retiré\u00a0: ${title}`,
    summary: (
      added: number,
      removed: number,
      changed: number,
      feed: readonly string[],
      unexplained: readonly string[],
    ) =>
      `${plural('fr', added, { one: '{n} engagement ajouté', other: '{n} engagements ajoutés' })}, ${plural('fr', removed, { one: '{n} retiré', other: '{n} retirés' })}, ${plural('fr', changed, { one: '{n} modifié', other: '{n} modifiés' })}${feed.length > 0 ? `, flux\u00a0: ${feed.map(fieldFr).join(', ')}` : ''}${unexplained.length > 0 ? `\u00a0; échéances déplacées sans explication\u00a0: ${unexplained.join(', ')}` : ''}`,
  },
  en: {
    colon: ': ',
    none: 'none',
    noDue: 'none',
    noValue: 'none',
    percent: (value: number) => `${Math.round(value * 10) / 10}%`,
    status: (from: string, to: string) => `status: ${from} -> ${to}`,
    progress: (from: string, to: string) => `progress: ${from} -> ${to}`,
    due: (from: string, to: string, explained: boolean) =>
      `due: ${from} -> ${to}${explained ? '' : '  [moved with no update explaining it]'}`,
    changed: (field: string) => `${field} changed`,
    updateAdded: (date: string) => `update added, dated ${date}`,
    interpellationAdded: (id: string, date: string, question: string) =>
      `interpellation added: ${id}, asked on ${date}: ${question}`,
    answerPublished: (id: string, date: string) => `answer published to ${id} on ${date}`,
    milestoneAdded: (milestone: string) => `milestone added: ${milestone}`,
    milestoneRemoved: (milestone: string) => `milestone removed: ${milestone}`,
    milestoneDone: (milestone: string, date: string) => `milestone done on ${date}: ${milestone}`,
    milestoneChanged: (milestone: string) => `milestone changed: ${milestone}`,
    updateRemoved: (date: string) => `update removed, dated ${date}`,
    updateChanged: (date: string) => `update changed, dated ${date}`,
    interpellationRemoved: (id: string) => `interpellation removed: ${id}`,
    interpellationChanged: (id: string) => `interpellation changed: ${id}`,
    was: 'was: ',
    now: 'now: ',
    noChange: 'no change',
    updatedBack: (after: string, before: string) =>
      `the new feed's updated, ${after}, is earlier than the old one's, ${before}: dashboards and the extension that hold the old copy keep it for a day; move it forward.`,
    feedChanged: (field: string, keys: readonly string[] | undefined) =>
      `~ feed  ${field} changed${keys && keys.length > 0 ? `: ${keys.join(', ')}` : ''}`,
    added: (id: string, title: string) => `+ ${id}  added: ${title}`,
    removed: (id: string, title: string) => `- ${id}  removed: ${title}`,
    summary: (
      added: number,
      removed: number,
      changed: number,
      feed: readonly string[],
      unexplained: readonly string[],
    ) =>
      `${added} added, ${removed} removed, ${changed} changed${feed.length > 0 ? `, feed: ${feed.join(', ')}` : ''}${unexplained.length > 0 ? `; due dates moved without explanation: ${unexplained.join(', ')}` : ''}`,
  },
});

/** Options of `diff`. */
export interface DiffOptions {
  readonly json?: boolean;
  readonly timeoutMs: number;
}

function titleOf(feed: Feed, id: string): string {
  const commitment = feed.commitments.find((c) => c.id === id);
  const lang = feed.languages?.[0] ?? 'en';
  return commitment ? (pickText(commitment.title, lang, feed.languages)?.text ?? '') : '';
}

/** A progress for reading: one decimal at most (`33.3%`, `33,3 %`); `--json` keeps the exact value. */
function percent(value: number | undefined): string {
  return value === undefined ? say(messages).none : say(messages).percent(value);
}

/** A status as written, with its category when it is one of the publisher's own. */
function statusText(status: string, category: string): string {
  return status === category ? status : `${status} (${category})`;
}

/** One change as a line a publisher or journalist reads. */
export function describeChange(change: FullChange): string {
  const words = say(messages);
  switch (change.kind) {
    case 'status':
      return words.status(
        statusText(change.from, change.fromCategory),
        statusText(change.to, change.toCategory),
      );
    case 'progress':
      return words.progress(percent(change.from), percent(change.to));
    case 'due':
      return words.due(
        change.from ?? words.noDue,
        change.to ?? words.noDue,
        change.explained === true,
      );
    case 'text':
    case 'field':
      return words.changed(change.field);
    case 'update-added':
      return words.updateAdded(change.date);
    case 'interpellation-added':
      return words.interpellationAdded(
        change.interpellationId,
        change.date,
        quoted(pickText(change.question, cliLang())?.text ?? ''),
      );
    case 'answer-published':
      return words.answerPublished(change.interpellationId, change.date);
    case 'milestone-added':
      return words.milestoneAdded(change.milestone);
    case 'milestone-removed':
      return words.milestoneRemoved(change.milestone);
    case 'milestone-done':
      return words.milestoneDone(change.milestone, change.date);
    case 'milestone-changed':
      return words.milestoneChanged(change.milestone);
    case 'update-removed':
      return words.updateRemoved(change.date);
    case 'update-changed':
      return words.updateChanged(change.date);
    case 'interpellation-removed':
      return words.interpellationRemoved(change.interpellationId);
    case 'interpellation-changed':
      return words.interpellationChanged(change.interpellationId);
  }
}

/** Fields whose old and new values `diff` shows under their change, shortened. */
const SHOWN_FIELDS = new Set([
  'title',
  'summary',
  'description',
  'lead',
  'themes',
  'partners',
  'start',
  'url',
  'pages',
  'refs',
]);

/** Longest value shown, in characters, before it is cut with "…". */
const SHOWN_LENGTH = 100;

/** A value as one quoted line: line breaks shown as "↵", cut after SHOWN_LENGTH characters. */
function quoted(text: string): string {
  const line = text.replace(/\r?\n/g, '↵');
  return JSON.stringify(line.length > SHOWN_LENGTH ? `${line.slice(0, SHOWN_LENGTH - 1)}…` : line);
}

/** A commitment's field by id, as written in the feed. */
function fieldOf(feed: Feed, id: string, field: string): unknown {
  const commitment = feed.commitments.find((c) => c.id === id);
  return (commitment as Record<string, unknown> | undefined)?.[field];
}

/**
 * A commitment's field as one line in the feed's first language: lists joined with " | ", `refs`
 * as JSON; "none" when absent.
 */
function shownValue(feed: Feed, id: string, field: string): string {
  const value = fieldOf(feed, id, field);
  if (value === undefined) return say(messages).noValue;
  if (field === 'refs') return JSON.stringify(value);
  const lang = feed.languages?.[0] ?? 'en';
  const one = (item: unknown): string =>
    typeof item === 'string'
      ? item
      : (pickText(item as Text, lang, feed.languages)?.text ?? JSON.stringify(item));
  return quoted(Array.isArray(value) ? value.map(one).join(' | ') : one(value));
}

/** A text by language: an object whose keys are language tags and whose values are strings. */
function isText(value: unknown): value is Record<string, string> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const entries = Object.entries(value);
  return (
    entries.length > 0 &&
    entries.every(
      ([key, text]) => /^[a-z]{2,3}(-[a-z0-9]+)*$/i.test(key) && typeof text === 'string',
    )
  );
}

/**
 * A value of the feed outside its commitments as one line: a text in the feed's first language, a
 * list joined with " | ", anything else as JSON; "none" when absent.
 */
function feedValue(feed: Feed, value: unknown): string {
  if (value === undefined) return say(messages).noValue;
  if (typeof value === 'string') return quoted(value);
  if (Array.isArray(value))
    return quoted(
      value.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))).join(' | '),
    );
  if (isText(value))
    return quoted(pickText(value, feed.languages?.[0] ?? 'en', feed.languages)?.text ?? '');
  return JSON.stringify(value);
}

/**
 * The old and new values of a changed part of the feed outside its commitments, with the key each
 * is under (none for `site` or `languages`), so that a publisher sees what a rename or a new
 * address will show: a publisher's or plan's key, the channel's; none for the statuses (their
 * keys are named) or the order of the commitments.
 */
function feedValues(
  before: Feed,
  after: Feed,
  field: string,
  keys: readonly string[] | undefined,
): [label: string, was: string, now: string][] {
  if (field === 'statuses' || field === 'commitment order') return [];
  const old = (before as unknown as Record<string, unknown>)[field];
  const next = (after as unknown as Record<string, unknown>)[field];
  if (keys === undefined) return [['', feedValue(before, old), feedValue(after, next)]];
  const part = (value: unknown, key: string): unknown =>
    (value as Record<string, unknown> | undefined)?.[key];
  return keys.map((key) => {
    const was = feedValue(before, part(old, key));
    const now = feedValue(after, part(next, key));
    // The same in the first language: the change is in another; both are shown whole.
    return was === now
      ? [key, JSON.stringify(part(old, key)), JSON.stringify(part(next, key))]
      : [key, was, now];
  });
}

/**
 * The old and new values of a changed field. When they read the same in the first language, a
 * text shows the languages it changed in (`en: "…"`).
 */
function shownChange(before: Feed, after: Feed, id: string, field: string): [string, string] {
  const was = shownValue(before, id, field);
  const now = shownValue(after, id, field);
  const old = fieldOf(before, id, field);
  const next = fieldOf(after, id, field);
  if (was !== now || typeof old !== 'object' || typeof next !== 'object' || Array.isArray(old))
    return [was, now];
  const texts = [old, next].map((text) => (text ?? {}) as Record<string, string>);
  const langs = [...new Set([...Object.keys(texts[0]!), ...Object.keys(texts[1]!)])].filter(
    (lang) => texts[0]![lang] !== texts[1]![lang],
  );
  const side = (text: Record<string, string>): string =>
    langs
      .map(
        (lang) =>
          `${lang}${say(messages).colon}${text[lang] === undefined ? say(messages).noValue : quoted(text[lang])}`,
      )
      .join(', ');
  return [side(texts[0]!), side(texts[1]!)];
}

/** A feed read as readers read it, with what they would skip or correct in it. */
interface Loaded {
  readonly feed: Feed;
  readonly warnings: readonly FeedIssue[];
}

/** A feed read as readers read it, or the errors that make them refuse it. */
type Read = Loaded | { readonly errors: readonly FeedIssue[] };

async function load(source: string, io: CliIo, timeoutMs: number): Promise<Read> {
  const result = await loadFeed(source, io, 'tolerant', timeoutMs);
  if (!result.ok) {
    for (const issue of result.errors) io.stderr(issueLine('error', source, issue));
    return { errors: result.errors };
  }
  for (const warning of result.warnings) io.stderr(issueLine('warning', source, warning));
  return { feed: result.feed, warnings: result.warnings };
}

/**
 * The changes as `--json` gives them: a due date added or removed has both `from` and `to`, the
 * missing one `null`, so that a script finds the same keys in every `due` change.
 */
function jsonChanges(diff: ReturnType<typeof diffFeedsFully>): ReturnType<typeof diffFeedsFully> {
  return {
    ...diff,
    changed: diff.changed.map((entry) => ({
      ...entry,
      changes: entry.changes.map((change) =>
        change.kind === 'due'
          ? ({
              ...change,
              from: change.from ?? null,
              to: change.to ?? null,
            } as unknown as FullChange)
          : change,
      ),
    })),
  };
}

/**
 * Prints everything that changed: the parts of the feed outside its commitments, then commitment
 * by commitment. The `updated` time alone is not a change. Like diff(1): exit 0 when nothing changed,
 * 1 when something did, 2 when a feed cannot be read.
 */
export async function diffCommand(
  oldSource: string,
  newSource: string,
  options: DiffOptions,
  io: CliIo,
): Promise<number> {
  const json = options.json === true;
  const printJson = (value: object): void =>
    io.stdout(`${JSON.stringify({ old: oldSource, new: newSource, ...value }, null, 2)}\n`);
  let oldFeed: Read;
  let newFeed: Read;
  try {
    const both = async (): Promise<[Read, Read]> => [
      await load(oldSource, io, options.timeoutMs),
      await load(newSource, io, options.timeoutMs),
    ];
    [oldFeed, newFeed] = await (json ? inEnglish(both) : both());
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    if (json) printJson({ readError: error.message });
    else io.stderr(`${issueLabel('error')}${error.message}\n`);
    return EXIT.trouble;
  }
  if (!('feed' in oldFeed) || !('feed' in newFeed)) {
    if (json)
      printJson({
        errors: {
          old: 'errors' in oldFeed ? oldFeed.errors : [],
          new: 'errors' in newFeed ? newFeed.errors : [],
        },
      });
    return EXIT.trouble;
  }
  const before = oldFeed.feed;
  const after = newFeed.feed;
  const diff = diffFeedsFully(before, after);
  const same = isEmptyFullDiff(diff);
  if (json) {
    // The warnings too: a script comparing versions learns that readers skip part of a feed.
    printJson({ ...jsonChanges(diff), warnings: { old: oldFeed.warnings, new: newFeed.warnings } });
    return same ? EXIT.ok : EXIT.invalid;
  }
  const words = say(messages);
  if (same) {
    io.stdout(`${words.noChange}\n`);
    return EXIT.ok;
  }
  for (const { field, keys } of diff.feed) {
    io.stdout(`${words.feedChanged(field, keys)}\n`);
    for (const [label, was, now] of feedValues(before, after, field, keys))
      io.stdout(
        `${label ? `    ${label}\n` : ''}      ${words.was}${was}\n      ${words.now}${now}\n`,
      );
  }
  for (const id of diff.added) io.stdout(`${words.added(id, titleOf(after, id))}\n`);
  for (const id of diff.removed) io.stdout(`${words.removed(id, titleOf(before, id))}\n`);
  for (const { id, changes } of diff.changed) {
    io.stdout(`~ ${id}  ${titleOf(after, id)}\n`);
    for (const change of changes) {
      io.stdout(`    ${describeChange(change)}\n`);
      // What a text became: a review before publishing catches a wrong edit or a broken accent.
      if ((change.kind === 'text' || change.kind === 'field') && SHOWN_FIELDS.has(change.field)) {
        const [was, now] = shownChange(before, after, id, change.field);
        io.stdout(`      ${words.was}${was}\n      ${words.now}${now}\n`);
      }
    }
  }
  // Readers keep the copy they have over one dated earlier (a lagging cache serves those).
  if (Date.parse(after.updated) < Date.parse(before.updated)) {
    io.stdout(`${issueLabel('warning')}${words.updatedBack(after.updated, before.updated)}\n`);
  }
  const unexplained = diff.changed.filter(({ changes }) =>
    changes.some((c) => c.kind === 'due' && !c.explained && c.from !== undefined),
  );
  io.stdout(
    `${words.summary(
      diff.added.length,
      diff.removed.length,
      diff.changed.length,
      diff.feed.map((c) => c.field),
      unexplained.map((c) => c.id),
    )}\n`,
  );
  return EXIT.invalid;
}
