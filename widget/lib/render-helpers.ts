/**
 * Small rendering pieces both components use: feed text with its own `lang`, paragraphs from line
 * breaks, links only to http(s) and progress bars (the interpellation action is `ask-action.ts`). Feed text is always
 * bound as text, never as markup.
 */
import { html, nothing, type TemplateResult } from 'lit/html.js';
import type { Lang } from '../../shared/i18n/lang.ts';
import { formatPercent } from '../../shared/i18n/format.ts';
import type { Shown } from './show.ts';

export { safeHref, show, type Shown } from './show.ts';

/**
 * Feed text, isolated in a `<bdi>` (a right-to-left override in it cannot turn the widget's own
 * words after it around), carrying its language when it differs from the viewer's.
 */
export function textSpan(shown: Shown | undefined): TemplateResult | typeof nothing {
  return shown ? html`<bdi lang=${shown.lang ?? nothing}>${shown.text}</bdi>` : nothing;
}

/**
 * Feed text as paragraphs, one per blank-line- or line-break-separated block, each taking its
 * direction from its own first letters (`dir="auto"`), as a `<bdi>` does.
 */
export function paragraphs(shown: Shown | undefined): TemplateResult | typeof nothing {
  if (!shown) return nothing;
  const blocks = shown.text.split(/\r?\n\s*/).filter((block) => block.trim() !== '');
  return html`<div class="prose" lang=${shown.lang ?? nothing}>
    ${blocks.map((block) => html`<p dir="auto">${block}</p>`)}
  </div>`;
}

/**
 * A progress bar with its percentage in words. The width is set through the CSS object model
 * (the `.style` property binding writes `style.cssText`), which a page's strict `style-src`
 * allows, unlike a `style` attribute (CSP 3 governs only the attribute and `<style>` elements).
 */
export function progressBar(
  progress: number | undefined,
  lang: Lang,
  label: string,
  none: string,
): TemplateResult {
  if (progress === undefined) {
    return html`<span class="progress unknown">${none}</span>`;
  }
  const value = Math.round(Math.max(0, Math.min(100, progress)));
  return html`<span class="progress">
    <span
      class="bar"
      part="progress"
      role="progressbar"
      aria-label=${label}
      aria-valuemin="0"
      aria-valuemax="100"
      aria-valuenow=${value}
      ><span .style=${`width:${value}%`}></span
    ></span>
    <span class="percent">${formatPercent(value, lang)}</span>
  </span>`;
}
