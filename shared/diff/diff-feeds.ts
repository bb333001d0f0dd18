import type {
  Category,
  Commitment,
  DateString,
  Feed,
  Interpellation,
  Text,
  Update,
} from '../feed/types.ts';
import { sameJson } from '../cache/same-json.ts';
import { computeProgress } from '../status/compute-progress.ts';
import { resolveStatus } from '../status/resolve-status.ts';

/** The texts of a commitment whose edits are reported. */
export type TextField = 'title' | 'summary' | 'description';

/** One thing that changed in a commitment between two versions of a feed. Data only. */
export type Change =
  /** The status key changed, or the category its key maps to. */
  | {
      readonly kind: 'status';
      readonly from: string;
      readonly to: string;
      readonly fromCategory: Category;
      readonly toCategory: Category;
    }
  /** Progress as readers see it (`computeProgress`), compared in whole percents. */
  | { readonly kind: 'progress'; readonly from?: number; readonly to?: number }
  /**
   * The due date moved, appeared or went away. `explained`: the new version adds an update with
   * a note, dated on or after the day of the old version, that can account for it.
   */
  | {
      readonly kind: 'due';
      readonly from?: DateString;
      readonly to?: DateString;
      readonly explained: boolean;
    }
  | { readonly kind: 'text'; readonly field: TextField }
  /** `note`: the added update's own words, when it has some, for a reader to be told them. */
  | { readonly kind: 'update-added'; readonly date: DateString; readonly note?: Text }
  /** `date`: when it was asked; `question`: the citizen's words, for a reader to be told them. */
  | {
      readonly kind: 'interpellation-added';
      readonly interpellationId: string;
      readonly date: DateString;
      readonly question: Text;
    }
  /** An interpellation now has an answer it did not have (also for one added already answered). */
  | {
      readonly kind: 'answer-published';
      readonly interpellationId: string;
      readonly date: DateString;
    };

/** The changes of one commitment present in both versions. */
export interface CommitmentChanges {
  readonly id: string;
  readonly changes: readonly Change[];
}

/**
 * What changed between two versions of a feed: commitment ids added (in the new order), removed
 * (in the old order), and the changes of the others (in the new order; within one commitment:
 * status, progress, due, texts, updates by date, interpellations added, answers published).
 * The same input always gives the same output, so notifications and `diff` output are stable.
 */
export interface FeedDiff {
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly changed: readonly CommitmentChanges[];
}

const TEXT_FIELDS: readonly TextField[] = ['title', 'summary', 'description'];

/**
 * Compares two versions of one feed, for the extension's notifications and the CLI's `diff`.
 * Rendering is left to callers: every change is data, with the keys and dates they need.
 */
export function diffFeeds(old: Feed, next: Feed): FeedDiff {
  const oldById = new Map(old.commitments.map((c) => [c.id, c]));
  const nextIds = new Set(next.commitments.map((c) => c.id));
  const added: string[] = [];
  const changed: CommitmentChanges[] = [];
  for (const commitment of next.commitments) {
    const before = oldById.get(commitment.id);
    if (!before) {
      added.push(commitment.id);
      continue;
    }
    const changes = diffCommitment(old, before, next, commitment);
    if (changes.length > 0) changed.push({ id: commitment.id, changes });
  }
  const removed = old.commitments.filter((c) => !nextIds.has(c.id)).map((c) => c.id);
  return { added, removed, changed };
}

/** True when nothing a reader would notice changed. */
export function isEmptyDiff(diff: FeedDiff): boolean {
  return diff.added.length === 0 && diff.removed.length === 0 && diff.changed.length === 0;
}

function diffCommitment(
  oldFeed: Feed,
  old: Commitment,
  nextFeed: Feed,
  next: Commitment,
): Change[] {
  const changes: Change[] = [];

  const fromStatus = resolveStatus(oldFeed, old.status);
  const toStatus = resolveStatus(nextFeed, next.status);
  if (fromStatus.key !== toStatus.key || fromStatus.category !== toStatus.category) {
    changes.push({
      kind: 'status',
      from: fromStatus.key,
      to: toStatus.key,
      fromCategory: fromStatus.category,
      toCategory: toStatus.category,
    });
  }

  const fromProgress = computeProgress(oldFeed, old);
  const toProgress = computeProgress(nextFeed, next);
  if (wholePercent(fromProgress) !== wholePercent(toProgress)) {
    changes.push({
      kind: 'progress',
      ...optional('from', fromProgress),
      ...optional('to', toProgress),
    });
  }

  const addedUpdates = addedByDate(old.updates ?? [], next.updates ?? []);
  if (old.due !== next.due) {
    const oldDay = oldFeed.updated.slice(0, 10);
    const explained = addedUpdates.some((u) => u.date >= oldDay && u.note !== undefined);
    changes.push({
      kind: 'due',
      ...optional('from', old.due),
      ...optional('to', next.due),
      explained,
    });
  }

  for (const field of TEXT_FIELDS) {
    if (!sameContent(old[field], next[field])) changes.push({ kind: 'text', field });
  }

  for (const update of [...addedUpdates].sort(byDate)) {
    changes.push({ kind: 'update-added', date: update.date, ...optional('note', update.note) });
  }

  const oldInterpellations = new Map((old.interpellations ?? []).map((i) => [i.id, i]));
  const nextInterpellations = next.interpellations ?? [];
  for (const interpellation of nextInterpellations) {
    if (!oldInterpellations.has(interpellation.id)) {
      changes.push({
        kind: 'interpellation-added',
        interpellationId: interpellation.id,
        date: interpellation.date,
        question: interpellation.question,
      });
    }
  }
  for (const interpellation of nextInterpellations) {
    const before: Interpellation | undefined = oldInterpellations.get(interpellation.id);
    if (interpellation.answer && !before?.answer) {
      changes.push({
        kind: 'answer-published',
        interpellationId: interpellation.id,
        date: interpellation.answer.date,
      });
    }
  }
  return changes;
}

/**
 * The updates of `next` beyond those of `old`, matched by date only (updates carry no id), so
 * that correcting an update's note is not reported as a new one. For a date with more entries
 * than before, the last ones are the added ones.
 */
function addedByDate(old: readonly Update[], next: readonly Update[]): Update[] {
  const remaining = new Map<DateString, number>();
  for (const update of old) remaining.set(update.date, (remaining.get(update.date) ?? 0) + 1);
  const added: Update[] = [];
  for (const update of next) {
    const left = remaining.get(update.date) ?? 0;
    if (left > 0) remaining.set(update.date, left - 1);
    else added.push(update);
  }
  return added;
}

function byDate(a: Update, b: Update): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}

function wholePercent(progress: number | undefined): number | undefined {
  return progress === undefined ? undefined : Math.round(progress);
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/**
 * Deep equality of two parts of parsed feeds, ignoring key order, where a plain text equals the
 * same text given for one or more languages (`"Oui"` and `{"fr": "Oui"}`): a spreadsheet round
 * trip or a second language added by hand must not read as an edit of the text.
 */
export function sameContent(a: unknown, b: unknown): boolean {
  return sameJson(a, b, (x, y) => sameText(x, y) || sameText(y, x));
}

function sameText(plain: unknown, tagged: unknown): boolean {
  if (typeof plain !== 'string' || typeof tagged !== 'object' || !tagged) return false;
  if (Array.isArray(tagged)) return false;
  const values = Object.values(tagged as Record<string, unknown>);
  return values.length > 0 && values.every((v) => v === plain);
}
