import {
  CATEGORIES,
  type Category,
  type Commitment,
  type DateString,
  type Feed,
} from '../feed/types.ts';
import { computeProgress } from './compute-progress.ts';
import { isLate } from './late.ts';
import { resolveStatus, type ResolvedStatus } from './resolve-status.ts';

/** What a front end shows for one commitment on one day. */
export interface CommitmentView {
  readonly commitment: Commitment;
  readonly status: ResolvedStatus;
  /** 0–100; absent when unknown. */
  readonly progress?: number;
  readonly late: boolean;
}

/** The figures of a whole feed on one day, for a dashboard's header. */
export interface FeedSummary {
  readonly total: number;
  readonly byCategory: Readonly<Record<Category, number>>;
  /** How many commitments are late. */
  readonly late: number;
  /** Mean progress of the commitments whose progress is known; absent when none is. */
  readonly progress?: number;
  /** How many commitments that mean covers: those whose progress is known. */
  readonly known: number;
}

/** Derives everything shown for a commitment on `today`, so both front ends agree. */
export function viewCommitment(
  feed: Feed,
  commitment: Commitment,
  today: DateString,
): CommitmentView {
  const status = resolveStatus(feed, commitment.status);
  const progress = computeProgress(feed, commitment);
  const late = isLate(feed, commitment, today);
  return progress === undefined
    ? { commitment, status, late }
    : { commitment, status, progress, late };
}

/** Counts a feed's commitments by category and lateness, and averages the known progress. */
export function summariseFeed(feed: Feed, today: DateString): FeedSummary {
  const byCategory = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  let late = 0;
  let known = 0;
  let sum = 0;
  for (const commitment of feed.commitments) {
    const view = viewCommitment(feed, commitment, today);
    byCategory[view.status.category] += 1;
    if (view.late) late += 1;
    if (view.progress !== undefined) {
      known += 1;
      sum += view.progress;
    }
  }
  const total = feed.commitments.length;
  return known > 0
    ? { total, byCategory, late, known, progress: sum / known }
    : { total, byCategory, late, known };
}
