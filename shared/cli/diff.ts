/** `open-commitments diff <old> <new>`: what changed between two versions of a feed. */
import { diffFeedsFully, isEmptyFullDiff, type FullChange } from '../diff/diff-details.ts';
import type { Feed, FeedIssue, Text } from '../feed/types.ts';
import { pickText } from '../text/pick-text.ts';
import { EXIT, InputError, type CliIo } from './io.ts';
import { loadFeed } from './output.ts';

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

/** A progress for reading: one decimal at most (`33.3%`); `--json` keeps the exact value. */
function percent(value: number | undefined): string {
  return value === undefined ? 'none' : `${Math.round(value * 10) / 10}%`;
}

/** A status as written, with its category when it is one of the publisher's own. */
function statusText(status: string, category: string): string {
  return status === category ? status : `${status} (${category})`;
}

/** One change as a line a publisher or journalist reads. */
export function describeChange(change: FullChange): string {
  switch (change.kind) {
    case 'status':
      return `status: ${statusText(change.from, change.fromCategory)} -> ${statusText(change.to, change.toCategory)}`;
    case 'progress':
      return `progress: ${percent(change.from)} -> ${percent(change.to)}`;
    case 'due':
      return `due: ${change.from ?? 'none'} -> ${change.to ?? 'none'}${change.explained ? '' : '  [moved with no update explaining it]'}`;
    case 'text':
      return `${change.field} changed`;
    case 'update-added':
      return `update added, dated ${change.date}`;
    case 'interpellation-added':
      return `interpellation added: ${change.interpellationId}`;
    case 'answer-published':
      return `answer published to ${change.interpellationId} on ${change.date}`;
    case 'field':
      return `${change.field} changed`;
    case 'milestone-added':
      return `milestone added: ${change.milestone}`;
    case 'milestone-removed':
      return `milestone removed: ${change.milestone}`;
    case 'milestone-done':
      return `milestone done on ${change.date}: ${change.milestone}`;
    case 'milestone-changed':
      return `milestone changed: ${change.milestone}`;
    case 'update-removed':
      return `update removed, dated ${change.date}`;
    case 'update-changed':
      return `update changed, dated ${change.date}`;
    case 'interpellation-removed':
      return `interpellation removed: ${change.interpellationId}`;
    case 'interpellation-changed':
      return `interpellation changed: ${change.interpellationId}`;
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
  if (value === undefined) return 'none';
  if (field === 'refs') return JSON.stringify(value);
  const lang = feed.languages?.[0] ?? 'en';
  const one = (item: unknown): string =>
    typeof item === 'string'
      ? item
      : (pickText(item as Text, lang, feed.languages)?.text ?? JSON.stringify(item));
  return quoted(Array.isArray(value) ? value.map(one).join(' | ') : one(value));
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
      .map((lang) => `${lang}: ${text[lang] === undefined ? 'none' : quoted(text[lang])}`)
      .join(', ');
  return [side(texts[0]!), side(texts[1]!)];
}

/** A feed read as readers read it, with what they would skip or correct in it. */
interface Loaded {
  readonly feed: Feed;
  readonly warnings: readonly FeedIssue[];
}

async function load(source: string, io: CliIo, timeoutMs: number): Promise<Loaded | undefined> {
  const result = await loadFeed(source, io, 'tolerant', timeoutMs);
  if (!result.ok) {
    for (const issue of result.errors)
      io.stderr(`error    ${source}: ${issue.path}: ${issue.message}\n`);
    return undefined;
  }
  for (const warning of result.warnings)
    io.stderr(`warning  ${source}: ${warning.path}: ${warning.message}\n`);
  return { feed: result.feed, warnings: result.warnings };
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
  let oldFeed: Loaded | undefined;
  let newFeed: Loaded | undefined;
  try {
    oldFeed = await load(oldSource, io, options.timeoutMs);
    newFeed = await load(newSource, io, options.timeoutMs);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    io.stderr(`${error.message}\n`);
    return EXIT.trouble;
  }
  if (!oldFeed || !newFeed) return EXIT.trouble;
  const before = oldFeed.feed;
  const after = newFeed.feed;
  const diff = diffFeedsFully(before, after);
  const same = isEmptyFullDiff(diff);
  if (options.json) {
    // The warnings too: a script comparing versions learns that readers skip part of a feed.
    const warnings = { old: oldFeed.warnings, new: newFeed.warnings };
    io.stdout(
      `${JSON.stringify({ old: oldSource, new: newSource, ...diff, warnings }, null, 2)}\n`,
    );
    return same ? EXIT.ok : EXIT.invalid;
  }
  if (same) {
    io.stdout('no change\n');
    return EXIT.ok;
  }
  for (const { field, keys } of diff.feed) {
    io.stdout(`~ feed  ${field} changed${keys && keys.length > 0 ? `: ${keys.join(', ')}` : ''}\n`);
  }
  for (const id of diff.added) io.stdout(`+ ${id}  added: ${titleOf(after, id)}\n`);
  for (const id of diff.removed) io.stdout(`- ${id}  removed: ${titleOf(before, id)}\n`);
  for (const { id, changes } of diff.changed) {
    io.stdout(`~ ${id}  ${titleOf(after, id)}\n`);
    for (const change of changes) {
      io.stdout(`    ${describeChange(change)}\n`);
      // What a text became: a review before publishing catches a wrong edit or a broken accent.
      if ((change.kind === 'text' || change.kind === 'field') && SHOWN_FIELDS.has(change.field)) {
        const [was, now] = shownChange(before, after, id, change.field);
        io.stdout(`      was: ${was}\n      now: ${now}\n`);
      }
    }
  }
  const unexplained = diff.changed.filter(({ changes }) =>
    changes.some((c) => c.kind === 'due' && !c.explained && c.from !== undefined),
  );
  io.stdout(
    `${diff.added.length} added, ${diff.removed.length} removed, ${diff.changed.length} changed${diff.feed.length > 0 ? `, feed: ${diff.feed.map((c) => c.field).join(', ')}` : ''}${unexplained.length > 0 ? `; due dates moved without explanation: ${unexplained.map((c) => c.id).join(', ')}` : ''}\n`,
  );
  return EXIT.invalid;
}
