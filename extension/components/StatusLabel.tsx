import type { Category, LocalText } from '../../shared/index.ts';
import { LocalizedText } from './LocalizedText.tsx';

/** A commitment's status: the publisher's word, coloured by its canonical category. */
export function StatusLabel({
  category,
  label,
  lang,
}: {
  category: Category;
  label: LocalText;
  lang: string;
}) {
  return (
    <span class="oc-status" data-category={category} part="status">
      <LocalizedText value={label} lang={lang} />
    </span>
  );
}
