/**
 * The language the command line speaks: French on a French system, English elsewhere. It is
 * chosen once per run (`run` sets it from `CliIo.env`) and read wherever a message is written, so
 * that functions deep in an import need no language argument.
 */
import type { Lang } from '../i18n/lang.ts';
import type { MessageTables, MessageTree } from '../i18n/define-messages.ts';

let current: Lang = 'en';

/** The language of this run's messages. */
export function cliLang(): Lang {
  return current;
}

/** Sets the language of this run's messages (`run` does, before anything is written). */
export function setCliLang(lang: Lang): void {
  current = lang;
}

/**
 * Runs `read` with the messages in English, then this run's language again: what `--json` prints
 * stays in English for the scripts that read it, whatever the language of the terminal.
 */
export async function inEnglish<T>(read: () => Promise<T>): Promise<T> {
  const lang = current;
  current = 'en';
  try {
    return await read();
  } finally {
    current = lang;
  }
}

/** The table of `messages` in this run's language. */
export function say<M extends MessageTree>(messages: MessageTables<M>): M {
  return messages[current];
}

/** Whether a feed's language tag is French: `fr`, or a regional French such as `fr-FR`, `fr-CA`. */
export function isFrenchTag(tag: string | undefined): boolean {
  return tag !== undefined && /^fr(-|$)/i.test(tag);
}

function fromLocale(locale: string | undefined): Lang | undefined {
  if (locale === undefined) return undefined;
  const name = locale.trim();
  // Unset, or the portable "C"/"POSIX" locale: says nothing about the person's language.
  if (name === '' || /^(c|posix)([._@].*)?$/i.test(name)) return undefined;
  return /^fr([-_.@]|$)/i.test(name) ? 'fr' : 'en';
}

/**
 * The language for an environment: `OPEN_COMMITMENTS_LANG` (`fr` or `en`) first, then the system's
 * locale as POSIX programs read it (`LC_ALL`, `LC_MESSAGES`, `LANG`), then `systemLocale` (the
 * locale Node reports, which is the person's on Windows, where those variables are unset). French
 * for any French locale (`fr_FR.UTF-8`, `fr-CA`), English for any other.
 */
export function langFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  systemLocale?: string,
): Lang {
  const chosen = env['OPEN_COMMITMENTS_LANG']?.trim().toLowerCase();
  if (chosen === 'fr' || chosen === 'en') return chosen;
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const lang = fromLocale(env[name]);
    if (lang !== undefined) return lang;
  }
  return fromLocale(systemLocale) ?? 'en';
}
