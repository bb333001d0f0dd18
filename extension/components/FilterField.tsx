import type { Lang } from '../../shared/index.ts';
import { t } from '../i18n/messages.ts';

/**
 * The field that filters a page's commitments by their words, in the panel and the popup. Escape
 * empties a filled field rather than closing what holds it.
 */
export function FilterField({
  query,
  onQuery,
  lang,
}: {
  query: string;
  onQuery: (query: string) => void;
  lang: Lang;
}) {
  const m = t(lang);
  return (
    <input
      type="search"
      class="oc-filter"
      aria-label={m.overlayFilter}
      placeholder={m.overlayFilter}
      value={query}
      onInput={(event) => onQuery(event.currentTarget.value)}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && query) {
          event.preventDefault();
          onQuery('');
        }
      }}
    />
  );
}
