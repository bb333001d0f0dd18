import type { Commitment, Feed } from '../feed/types.ts';
import { resolveStatus } from './resolve-status.ts';

/**
 * A commitment's progress, 0–100: its own `progress`, else its status's `progress`, else the
 * weighted share of milestones that have a `done` date, else undefined (unknown, not zero).
 */
export function computeProgress(feed: Feed, commitment: Commitment): number | undefined {
  if (commitment.progress !== undefined) return commitment.progress;
  const fromStatus = resolveStatus(feed, commitment.status).progress;
  if (fromStatus !== undefined) return fromStatus;
  const milestones = commitment.milestones ?? [];
  // Weights are scaled by the largest so that a feed's 1e308 cannot overflow the sum to Infinity.
  let largest = 0;
  for (const milestone of milestones) largest = Math.max(largest, milestone.weight ?? 1);
  let total = 0;
  let done = 0;
  for (const milestone of milestones) {
    const weight = (milestone.weight ?? 1) / largest;
    total += weight;
    if (milestone.done !== undefined) done += weight;
  }
  return total > 0 ? (done / total) * 100 : undefined;
}
