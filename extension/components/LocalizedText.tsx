import type { LocalText } from '../../shared/index.ts';

/**
 * Feed text as plain text, with a `lang` attribute when it is not in the viewer's language, so
 * that screen readers pronounce it right.
 */
export function LocalizedText({ value, lang }: { value: LocalText; lang: string }) {
  return value.lang && value.lang !== lang ? (
    <span lang={value.lang}>{value.text}</span>
  ) : (
    <>{value.text}</>
  );
}
