/**
 * Turns a refreshed feed into the person's change list: what changed in the commitments they
 * follow (status, progress, due date, a new update, interpellation or answer), answers published
 * on the ones they asked about, and either kind missing from the new copy, kept as facts that are
 * worded when shown, in the language of that moment. The comparison is against a stored baseline,
 * in one IndexedDB transaction with the change records: a worker stopped at any moment either
 * recorded a change or will find it again on its next run, never both and never neither.
 */
import { resolveStatus, type Feed, type Text } from '../../shared/index.ts';
import { diffFeeds, type Change } from '../../shared/diff/index.ts';
import { clipNote, type ChangeFact, type StatusFact } from '../state/change-words.ts';
import { db, type ChangeRecord } from './db.ts';
import { feedStore } from './feeds.ts';
import { notifyPending } from './notifications.ts';

/** How many change records are kept; older ones are dropped so that the list cannot grow forever. */
export const MAX_CHANGES = 500;

/**
 * The kinds of change that a follower is told about: what became of the commitment, and the
 * questions citizens formally put about it and their answers. An edit of its title, summary or
 * description is left out: it is mostly a wording corrected or a translation added, "Text edited"
 * would not say which, and the next change told names it by its new title.
 */
export const FOLLOWED_KINDS: ReadonlySet<Change['kind']> = new Set([
  'status',
  'progress',
  'due',
  'update-added',
  'interpellation-added',
  'answer-published',
]);

/** A status as it stood in `feed`: its label in every language given, and its category. */
function statusFact(feed: Feed, key: string): StatusFact {
  const { label, category } = resolveStatus(feed, key);
  return label === undefined ? { category } : { label, category };
}

/** A feed's text kept for a change line: cut in each language, so that records stay small. */
function kept(text: Text): Text {
  if (typeof text === 'string') return clipNote(text);
  return Object.fromEntries(Object.entries(text).map(([lang, words]) => [lang, clipNote(words)]));
}

/** An update's note kept to be shown in its change line, when it has one. */
function keptNote(note: Text | undefined): { note?: Text } {
  return note === undefined ? {} : { note: kept(note) };
}

/**
 * One change as the facts to word it with when shown: a status's labels are taken from the copy
 * that gave them, which is gone by then; a new update's `note` and a new interpellation's
 * `question` are kept too, in every language, cut.
 */
export function changeFact(change: Change, before: Feed, after: Feed): ChangeFact {
  switch (change.kind) {
    case 'status':
      return {
        kind: 'status',
        from: statusFact(before, change.from),
        to: statusFact(after, change.to),
      };
    case 'progress':
      return { kind: change.kind, from: change.from, to: change.to };
    case 'due':
      return { kind: change.kind, from: change.from, to: change.to };
    case 'update-added':
      return { kind: change.kind, date: change.date, ...keptNote(change.note) };
    case 'answer-published':
      return { kind: change.kind, date: change.date };
    case 'interpellation-added':
      return { kind: change.kind, date: change.date, question: kept(change.question) };
    case 'text':
      return { kind: change.kind };
  }
}

/**
 * Compares the stored copy of `feedId` with its baseline, records the changes that matter to
 * the person, moves the baseline, then shows notifications. The first copy only sets the baseline.
 */
export async function recordChanges(feedId: string, url: string): Promise<number> {
  const entry = await (await feedStore()).get(url);
  if (!entry) return 0;
  const database = await db();
  const tx = database.transaction(
    ['subscriptions', 'baselines', 'changes', 'follows', 'questions'],
    'readwrite',
  );
  // Removed meanwhile: no baseline is kept for a feed no longer followed.
  if (!(await tx.objectStore('subscriptions').get(feedId))) return 0;
  const baseline = await tx.objectStore('baselines').get(feedId);
  // A copy dated before the one last compared (a cache or a mirror lagging behind the publisher)
  // is no news: nothing is said of it, and the baseline stays, so that the newer copy coming back
  // is none either. A baseline dated in the future (a clock set wrong) is not trusted for this.
  const then = Date.parse(baseline?.feed.updated ?? '');
  const older = then <= Date.now() && Date.parse(entry.feed.updated) < then;
  const moved = !older && baseline?.fetchedAt !== entry.fetchedAt;
  let recorded = 0;
  if (baseline && moved) {
    const followed = new Set(
      (await tx.objectStore('follows').index('byFeed').getAll(feedId)).map((f) => f.commitmentId),
    );
    const questions = (await tx.objectStore('questions').getAll()).filter(
      (q) => q.feedId === feedId,
    );
    const asked = new Set(questions.map((q) => q.commitmentId));
    const diff = diffFeeds(baseline.feed, entry.feed);
    const languages = entry.feed.languages ? { languages: entry.feed.languages } : {};
    for (const { id, changes } of diff.changed) {
      const relevant = changes.filter(
        (c) =>
          (followed.has(id) && FOLLOWED_KINDS.has(c.kind)) ||
          (asked.has(id) && c.kind === 'answer-published'),
      );
      if (relevant.length === 0) continue;
      const commitment = entry.feed.commitments.find((c) => c.id === id);
      const record: ChangeRecord = {
        feedId,
        commitmentId: id,
        title: commitment?.title ?? id,
        ...languages,
        publisher: entry.feed.publisher.name,
        at: Date.now(),
        facts: relevant.map((c) => changeFact(c, baseline.feed, entry.feed)),
        notified: false,
      };
      await tx.objectStore('changes').add(record);
      recorded++;
      const answer = relevant.find((c) => c.kind === 'answer-published');
      if (answer && answer.kind === 'answer-published') {
        for (const q of questions) {
          if (q.commitmentId === id && !q.answeredOn && answer.date >= q.askedOn) {
            await tx.objectStore('questions').put({ ...q, answeredOn: answer.date });
          }
        }
      }
    }
    // A commitment followed or asked about that the publisher took out of the feed: said once,
    // rather than leaving it to vanish from the person's list without a word.
    for (const id of diff.removed) {
      if (!followed.has(id) && !asked.has(id)) continue;
      const commitment = baseline.feed.commitments.find((c) => c.id === id);
      await tx.objectStore('changes').add({
        feedId,
        commitmentId: id,
        title: commitment?.title ?? id,
        ...(baseline.feed.languages ? { languages: baseline.feed.languages } : {}),
        publisher: baseline.feed.publisher.name,
        at: Date.now(),
        facts: [{ kind: 'removed' }],
        notified: false,
      });
      recorded++;
    }
  }
  if (recorded > 0) {
    const store = tx.objectStore('changes');
    let excess = (await store.count()) - MAX_CHANGES;
    for (let cursor = await store.index('byAt').openCursor(); cursor && excess > 0; excess--) {
      await cursor.delete();
      cursor = await cursor.continue();
    }
  }
  if (moved) {
    await tx.objectStore('baselines').put({ feedId, fetchedAt: entry.fetchedAt, feed: entry.feed });
  }
  await tx.done;
  // Refused by the browser (notifications turned off for it, say), they are shown at a later
  // wake: what was recorded stays, and the refresh that found it has not failed.
  await notifyPending().catch(() => undefined);
  return recorded;
}
