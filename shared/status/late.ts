import type {
  Category,
  Channel,
  Commitment,
  DateString,
  Feed,
  Interpellation,
} from '../feed/types.ts';
import { addDays, daysBetween } from './dates.ts';
import { resolveStatus } from './resolve-status.ts';

/**
 * True for a commitment done or given up (`complete`, `withdrawn`): it can no longer be late, and
 * without a figure it has nothing to say of progress.
 */
export function isSettled(category: Category): boolean {
  return category === 'complete' || category === 'withdrawn';
}

/** True when the commitment's `due` date is before `today` and it is neither complete nor withdrawn. */
export function isLate(feed: Feed, commitment: Commitment, today: DateString): boolean {
  if (commitment.due === undefined || commitment.due >= today) return false;
  return !isSettled(resolveStatus(feed, commitment.status).category);
}

/**
 * True when an interpellation is still `open` past the publisher's promise: the channel has
 * `responseDays` and `date + responseDays` is before `today`.
 */
export function isOverdue(
  interpellation: Interpellation,
  channel: Channel | undefined,
  today: DateString,
): boolean {
  return (
    interpellation.status === 'open' &&
    channel?.responseDays !== undefined &&
    addDays(interpellation.date, channel.responseDays) < today
  );
}

/** How many days past the promised answer date an open interpellation is; 0 when not overdue. */
export function daysOverdue(
  interpellation: Interpellation,
  channel: Channel | undefined,
  today: DateString,
): number {
  if (channel?.responseDays === undefined || !isOverdue(interpellation, channel, today)) return 0;
  return daysBetween(addDays(interpellation.date, channel.responseDays), today);
}
