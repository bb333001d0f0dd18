/**
 * The dashboard's model: followed commitments as they stand, recent changes with their dates, and
 * the person's questions (overdue ones flagged), with delete, unfollow, and keeping a question
 * asked from here.
 */
import { signal } from '@preact/signals';
import { ask } from '../messaging/send.ts';
import type { DashboardData } from '../messaging/protocol.ts';

/** Creates the model. */
export function createDashboardModel() {
  const data = signal<DashboardData | null>(null);
  const error = signal<string | null>(null);

  async function load(): Promise<void> {
    try {
      data.value = await ask({ type: 'dashboard' });
      // A failure said before is over: the page is no longer out of date.
      error.value = null;
    } catch (e) {
      error.value = e instanceof Error ? e.message : String(e);
    }
  }

  async function deleteQuestion(id: number): Promise<void> {
    await ask({ type: 'delete-question', id });
    await load();
  }

  async function unfollow(feedId: string, commitmentId: string): Promise<void> {
    await ask({ type: 'follow', feedId, commitmentId, follow: false });
    await load();
  }

  /** Keeps a question about a followed commitment (no page: the background checks the follow). */
  async function rememberQuestion(feedId: string, commitmentId: string): Promise<void> {
    await ask({ type: 'remember-question', feedId, commitmentId });
    await load();
  }

  return { data, error, load, deleteQuestion, unfollow, rememberQuestion };
}

/** The dashboard model's type. */
export type DashboardModel = ReturnType<typeof createDashboardModel>;

/** Whether a question's answer is overdue today (due date passed, no answer seen). */
export function questionOverdue(
  q: { dueOn?: string; answeredOn?: string },
  today: string,
): boolean {
  return q.dueOn !== undefined && q.answeredOn === undefined && q.dueOn < today;
}
