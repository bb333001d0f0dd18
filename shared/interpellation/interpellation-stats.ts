import type { Commitment, DateString, Feed } from '../feed/types.ts';
import { daysBetween } from '../status/dates.ts';
import { isOverdue } from '../status/late.ts';

/** How a publisher answers the questions it is asked: the accountability figures of a plan. */
export interface InterpellationStats {
  /** Every published interpellation, whatever its status. */
  readonly asked: number;
  /** Those with status `answered`. */
  readonly answered: number;
  /** Percent of `asked` that are answered (0–100); undefined when none were asked. */
  readonly answerRate?: number;
  /**
   * Median days from question to answer over answered ones, leaving out an answer dated before its
   * question; undefined when none is left.
   */
  readonly medianDaysToAnswer?: number;
  /** Those still `open`. */
  readonly open: number;
  /** Open ones past the publisher's `responseDays` (see `isOverdue`). */
  readonly overdue: number;
}

/**
 * Counts the interpellations of `commitments` (default: all of the feed's; pass `[commitment]`
 * for one commitment's figures) as of `today`.
 */
export function interpellationStats(
  feed: Feed,
  commitments: readonly Commitment[] | undefined,
  today: DateString,
): InterpellationStats {
  let asked = 0;
  let answered = 0;
  let open = 0;
  let overdue = 0;
  const delays: number[] = [];
  for (const commitment of commitments ?? feed.commitments) {
    for (const interpellation of commitment.interpellations ?? []) {
      asked += 1;
      if (interpellation.status === 'open') open += 1;
      if (isOverdue(interpellation, feed.interpellation, today)) overdue += 1;
      if (interpellation.status === 'answered') {
        answered += 1;
        // An answer dated before its question (a typo in either date) tells no delay.
        const delay = interpellation.answer
          ? daysBetween(interpellation.date, interpellation.answer.date)
          : -1;
        if (delay >= 0) delays.push(delay);
      }
    }
  }
  const medianDaysToAnswer = median(delays);
  return {
    asked,
    answered,
    ...(asked > 0 ? { answerRate: (answered / asked) * 100 } : {}),
    ...(medianDaysToAnswer !== undefined ? { medianDaysToAnswer } : {}),
    open,
    overdue,
  };
}

/** The middle value; for an even count, the mean of the two middle ones. */
function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? 0) + upper) / 2;
}
