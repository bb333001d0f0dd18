import { useState } from 'preact/hooks';

/** An action the background did not confirm: the row it was asked on, what to say, and why. */
interface Failure {
  at: string;
  text: string;
  reason: string;
}

/**
 * Says where it was asked that a page's action (follow, delete, pause, remove…) was not done,
 * because the background did not answer or answered an error, rather than nothing, which reads
 * as done. `reload`, run after a failure, shows the page's data as it now stands.
 */
export function useActionFailure(reload?: () => Promise<void>) {
  const [failed, setFailed] = useState<Failure>();
  /** Runs `action` for the row `at`; resolves to whether it was done, having said it if not. */
  const attempt = (at: string, text: string, action: () => Promise<unknown>): Promise<boolean> => {
    // Emptied first, so that the same failure twice is said twice.
    setFailed(undefined);
    return action().then(
      () => true,
      async (e: unknown) => {
        setFailed({ at, text, reason: e instanceof Error ? e.message : String(e) });
        await reload?.();
        return false;
      },
    );
  };
  /** The failure asked on row `at`, said in words, then the reason (the browser's, in English). */
  const failure = (at: string) =>
    failed?.at === at && (
      <p class="oc-error" role="alert" data-action-failed="">
        {failed.text} <code lang="en">{failed.reason}</code>
      </p>
    );
  return { attempt, failure };
}
