import type { Commitment, Feed, Milestone, Text, Update } from '../feed/types.ts';
import { diffFeeds, sameContent, type Change } from './diff-feeds.ts';

/** A part of the feed outside its commitments. `updated` is not one: it is when, not what. */
export type FeedField =
  | 'format'
  | 'publisher'
  | 'plan'
  | 'languages'
  | 'site'
  | 'statuses'
  | 'interpellation'
  | 'commitment order';

/**
 * A part of the feed outside its commitments that changed. `keys`, for the publisher, the plan
 * and the interpellation channel: their fields that changed (`name`, `responseDays`); for the
 * statuses: the keys of those added, removed or changed.
 */
export interface FeedChange {
  readonly field: FeedField;
  readonly keys?: readonly string[];
}

/**
 * A change that `diffFeeds` leaves out because readers are not notified of it, but that a
 * publisher checking an edit must see. `field` names a commitment field (`lead`, `themes`, …)
 * whose value changed in a way no other change describes.
 */
export type DetailChange =
  | { readonly kind: 'field'; readonly field: string }
  | { readonly kind: 'milestone-added'; readonly milestone: string }
  | { readonly kind: 'milestone-removed'; readonly milestone: string }
  | { readonly kind: 'milestone-done'; readonly milestone: string; readonly date: string }
  | { readonly kind: 'milestone-changed'; readonly milestone: string }
  | { readonly kind: 'update-removed'; readonly date: string }
  | { readonly kind: 'update-changed'; readonly date: string }
  | { readonly kind: 'interpellation-removed'; readonly interpellationId: string }
  | { readonly kind: 'interpellation-changed'; readonly interpellationId: string };

/** Any change `diffFeedsFully` reports about one commitment. */
export type FullChange = Change | DetailChange;

/**
 * Everything that differs between two versions of a feed, for the CLI's `diff`: the changes of
 * `diffFeeds` (what readers are notified of) followed, for each commitment, by the other ones,
 * plus the parts of the feed outside its commitments. Empty only when the two versions hold the
 * same content, ignoring key order, `updated`, and a plain text against the same text tagged
 * with languages.
 */
export interface FullFeedDiff {
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly changed: readonly { readonly id: string; readonly changes: readonly FullChange[] }[];
  readonly feed: readonly FeedChange[];
}

const FEED_FIELDS: readonly (FeedField & keyof Feed)[] = [
  'format',
  'publisher',
  'plan',
  'languages',
  'site',
  'statuses',
  'interpellation',
];

/** Commitment fields `diffFeeds` already accounts for, or that the code below looks into. */
const COVERED = new Set(['id', 'title', 'summary', 'description', 'status', 'due']);

/** Compares two versions of one feed completely; see `FullFeedDiff`. */
export function diffFeedsFully(old: Feed, next: Feed): FullFeedDiff {
  const core = diffFeeds(old, next);
  const coreById = new Map(core.changed.map((c) => [c.id, c.changes]));
  const oldById = new Map(old.commitments.map((c) => [c.id, c]));
  const changed: { id: string; changes: FullChange[] }[] = [];
  for (const commitment of next.commitments) {
    const before = oldById.get(commitment.id);
    if (!before) continue;
    const coreChanges = coreById.get(commitment.id) ?? [];
    const changes: FullChange[] = [
      ...coreChanges,
      ...detailChanges(before, commitment, coreChanges),
    ];
    if (changes.length > 0) changed.push({ id: commitment.id, changes });
  }
  const feed: FeedChange[] = FEED_FIELDS.filter(
    (field) => !sameContent(old[field], next[field]),
  ).map((field) => {
    const keys = changedKeys(field, old, next);
    return keys ? { field, keys } : { field };
  });
  const nextIds = new Set(next.commitments.map((c) => c.id));
  const kept = old.commitments.filter((c) => nextIds.has(c.id)).map((c) => c.id);
  const keptNext = next.commitments.filter((c) => oldById.has(c.id)).map((c) => c.id);
  if (kept.some((id, i) => keptNext[i] !== id)) feed.push({ field: 'commitment order' });
  return { added: core.added, removed: core.removed, changed, feed };
}

/** What changed inside an object part of the feed, or in its statuses; see `FeedChange`. */
function changedKeys(field: FeedField, old: Feed, next: Feed): string[] | undefined {
  if (field === 'statuses') {
    const before = new Map((old.statuses ?? []).map((s) => [s.key, s]));
    const after = new Map((next.statuses ?? []).map((s) => [s.key, s]));
    const keys = [...new Set([...before.keys(), ...after.keys()])];
    return keys.filter((key) => !sameContent(before.get(key), after.get(key)));
  }
  if (field !== 'publisher' && field !== 'plan' && field !== 'interpellation') return undefined;
  const before = (old[field] ?? {}) as Record<string, unknown>;
  const after = (next[field] ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return keys.filter((key) => !sameContent(before[key], after[key]));
}

/** True when the two versions hold the same content. */
export function isEmptyFullDiff(diff: FullFeedDiff): boolean {
  return (
    diff.added.length === 0 &&
    diff.removed.length === 0 &&
    diff.changed.length === 0 &&
    diff.feed.length === 0
  );
}

function detailChanges(old: Commitment, next: Commitment, core: readonly Change[]): FullChange[] {
  const changes: FullChange[] = [];
  const oldRecord = old as unknown as Record<string, unknown>;
  const nextRecord = next as unknown as Record<string, unknown>;
  // In the order of the format, whatever the order of keys in the files.
  const keys = [...new Set([...Object.keys(oldRecord), ...Object.keys(nextRecord)])].sort(
    (a, b) => fieldRank(a) - fieldRank(b) || (a < b ? -1 : a > b ? 1 : 0),
  );
  for (const key of keys) {
    if (COVERED.has(key) || sameContent(oldRecord[key], nextRecord[key])) continue;
    if (key === 'milestones') changes.push(...milestoneChanges(old.milestones, next.milestones));
    else if (key === 'updates') changes.push(...updateChanges(old.updates, next.updates));
    else if (key === 'interpellations') changes.push(...interpellationChanges(old, next, core));
    else if (key === 'progress' && core.some((c) => c.kind === 'progress')) continue;
    else changes.push({ kind: 'field', field: key });
  }
  // A change the comparisons above cannot name, such as updates put in another order.
  for (const key of ['milestones', 'updates', 'interpellations'] as const) {
    const named = [...core, ...changes].some((c) => belongsTo(c, key));
    if (!named && !sameContent(old[key], next[key])) changes.push({ kind: 'field', field: key });
  }
  return changes;
}

const FIELD_ORDER = [
  'lead',
  'partners',
  'themes',
  'progress',
  'start',
  'url',
  'pages',
  'refs',
  'milestones',
  'updates',
  'interpellations',
];

function fieldRank(key: string): number {
  const rank = FIELD_ORDER.indexOf(key);
  return rank === -1 ? FIELD_ORDER.length : rank;
}

function belongsTo(change: FullChange, key: 'milestones' | 'updates' | 'interpellations'): boolean {
  if (change.kind === 'field') return change.field === key;
  const prefix = {
    milestones: 'milestone-',
    updates: 'update-',
    interpellations: 'interpellation-',
  };
  return (
    change.kind.startsWith(prefix[key]) ||
    (key === 'interpellations' && change.kind === 'answer-published')
  );
}

/**
 * A milestone's name in a report: its title in the first language, followed by its id when it has
 * one, so that a reader sees what the milestone is and can still find it in the feed.
 */
function milestoneName(milestone: Milestone): string {
  const title = firstText(milestone.title);
  return milestone.id === undefined ? title : `${title} (${milestone.id})`;
}

function firstText(text: Text): string {
  return typeof text === 'string' ? text : (Object.values(text)[0] ?? '');
}

/** Milestones are matched by id, else by title; the n-th of equal titles with the n-th. */
function milestoneChanges(
  old: readonly Milestone[] = [],
  next: readonly Milestone[] = [],
): DetailChange[] {
  const key = (m: Milestone) => (m.id !== undefined ? `id ${m.id}` : `title ${firstText(m.title)}`);
  const pending = new Map<string, Milestone[]>();
  for (const milestone of old)
    pending.set(key(milestone), [...(pending.get(key(milestone)) ?? []), milestone]);
  const changes: DetailChange[] = [];
  for (const milestone of next) {
    const before = pending.get(key(milestone))?.shift();
    const name = milestoneName(milestone);
    if (!before) changes.push({ kind: 'milestone-added', milestone: name });
    else if (sameContent(before, milestone)) continue;
    else if (milestone.done !== undefined && before.done === undefined) {
      changes.push({ kind: 'milestone-done', milestone: name, date: milestone.done });
      const { done: _was, ...restBefore } = before;
      const { done: _now, ...restNext } = milestone;
      if (!sameContent(restBefore, restNext))
        changes.push({ kind: 'milestone-changed', milestone: name });
    } else changes.push({ kind: 'milestone-changed', milestone: name });
  }
  for (const left of pending.values()) {
    for (const milestone of left)
      changes.push({ kind: 'milestone-removed', milestone: milestoneName(milestone) });
  }
  return changes;
}

/** Updates are matched by date; the n-th of one date with the n-th. Added ones come from `diffFeeds`. */
function updateChanges(old: readonly Update[] = [], next: readonly Update[] = []): DetailChange[] {
  const pending = new Map<string, Update[]>();
  for (const update of old) pending.set(update.date, [...(pending.get(update.date) ?? []), update]);
  const changes: DetailChange[] = [];
  for (const update of next) {
    const before = pending.get(update.date)?.shift();
    if (before && !sameContent(before, update))
      changes.push({ kind: 'update-changed', date: update.date });
  }
  for (const left of pending.values()) {
    for (const update of left) changes.push({ kind: 'update-removed', date: update.date });
  }
  return changes;
}

function interpellationChanges(
  old: Commitment,
  next: Commitment,
  core: readonly Change[],
): DetailChange[] {
  const nextById = new Map((next.interpellations ?? []).map((i) => [i.id, i]));
  const changes: DetailChange[] = [];
  for (const before of old.interpellations ?? []) {
    const after = nextById.get(before.id);
    if (!after) changes.push({ kind: 'interpellation-removed', interpellationId: before.id });
    else if (!sameContent(before, after)) {
      const published = core.some(
        (c) => c.kind === 'answer-published' && c.interpellationId === before.id,
      );
      const { answer: _a, status: _s, ...restBefore } = before;
      const { answer: _b, status: _t, ...restAfter } = after;
      // A newly published answer is the change; only report what else differs.
      if (!published || !sameContent(restBefore, restAfter)) {
        changes.push({ kind: 'interpellation-changed', interpellationId: before.id });
      }
    }
  }
  return changes;
}
