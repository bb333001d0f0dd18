import type { LocalText } from '../../shared/index.ts';

/**
 * Feed text as plain text, with a `lang` attribute when it is not in the viewer's language, so
 * that screen readers pronounce it right. It is isolated (`<bdi>`), so that a right-to-left
 * override in the feed's text cannot turn the extension's own words after it around.
 */
export function LocalizedText({ value, lang }: { value: LocalText; lang: string }) {
  return <bdi lang={value.lang && value.lang !== lang ? value.lang : undefined}>{value.text}</bdi>;
}
