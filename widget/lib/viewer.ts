/**
 * What both components need to know about their reader: the interface language (and when the page
 * changes it), and the day that lateness and overdue answers are computed for.
 */
import { pickLang, type Lang } from '../../shared/i18n/lang.ts';
import { todayString } from '../../shared/status/dates.ts';

/** The interface language of `element`: its `lang`, else the closest one up the page. */
export function viewerLang(element: Element): Lang {
  const tagged = element.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang;
  return pickLang(tagged || navigator.language);
}

/** The `today` attribute when it is a `YYYY-MM-DD` day (previews and tests), else today. */
export function viewerToday(today: string | undefined): string {
  return today && /^\d{4}-\d{2}-\d{2}$/.test(today) ? today : todayString(new Date());
}

/**
 * Calls `onChange` whenever a `lang` attribute changes in the page, until the returned function is
 * called: a site that switches its language without loading a new page (`<html lang>`) switches
 * the components that follow it too.
 */
export function watchPageLang(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { subtree: true, attributeFilter: ['lang'] });
  return () => observer.disconnect();
}
