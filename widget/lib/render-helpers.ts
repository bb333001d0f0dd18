/**
 * Small rendering pieces both components use: feed text with its own `lang`, paragraphs from line
 * breaks, links only to http(s), progress bars, and the interpellation action. Feed text is always
 * bound as text, never as markup.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Lang } from '../../shared/i18n/lang.ts';
import { formatNumber, formatPercent } from '../../shared/i18n/format.ts';
import type { InterpellationLink } from '../../shared/interpellation/interpellation-link.ts';
import type { CommonMessages } from './messages.ts';
import type { Shown } from './show.ts';
import { styleProps } from './style-props.ts';

export { safeHref, show, type Shown } from './show.ts';

/** Feed text in a span that carries its language when it differs from the viewer's. */
export function textSpan(shown: Shown | undefined): TemplateResult | typeof nothing {
  if (!shown) return nothing;
  return shown.lang ? html`<span lang=${shown.lang}>${shown.text}</span>` : html`${shown.text}`;
}

/** Feed text as paragraphs, one per blank-line- or line-break-separated block. */
export function paragraphs(shown: Shown | undefined): TemplateResult | typeof nothing {
  if (!shown) return nothing;
  const blocks = shown.text.split(/\r?\n\s*/).filter((block) => block.trim() !== '');
  return html`<div class="prose" lang=${ifDefined(shown.lang)}>
    ${blocks.map((block) => html`<p>${block}</p>`)}
  </div>`;
}

/**
 * A progress bar with its percentage in words. The width is set through the CSS object model
 * (`styleProps`), which a strict `style-src` allows, unlike a `style` attribute.
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
      ><span ${styleProps({ width: `${value}%` })}></span
    ></span>
    <span class="percent">${formatPercent(value, lang)}</span>
  </span>`;
}

/** What the interpellation action needs from its host component. */
export interface AskProps {
  /** Unique within the shadow root: ids of the panel. */
  readonly id: string;
  readonly link: InterpellationLink | undefined;
  readonly open: boolean;
  readonly toggle: () => void;
  readonly lang: Lang;
  readonly m: CommonMessages;
}

/**
 * The "Interpeller" / "Question this" action: a disclosure button, then a panel saying where the
 * link goes, the promised response delay, the support threshold and the rules, with the link to
 * continue. Without a channel, a sentence saying the publisher offers none.
 */
export function askAction({ id, link, open, toggle, lang, m }: AskProps): TemplateResult {
  if (!link) return html`<p class="no-channel" part="no-channel">${m.noChannel}</p>`;
  const panel = `ask-${id}`;
  const n = (value: number) => formatNumber(value, lang);
  return html`<div class="ask" part="ask">
    <button
      type="button"
      class="button"
      aria-expanded=${open ? 'true' : 'false'}
      aria-controls=${panel}
      @click=${toggle}
    >
      ${m.ask}
    </button>
    <div id=${panel} class="ask-panel" role="region" aria-label=${m.askTitle} ?hidden=${!open}>
      ${
        open
          ? html`<p>${m.askLeaving} <strong class="ask-target">${link.target}</strong></p>
              <p>
                ${
                  link.responseDays !== undefined
                    ? m.askResponse(n(link.responseDays), link.responseDays)
                    : m.askNoDelay
                }
              </p>
              ${
                link.threshold !== undefined
                  ? html`<p>${m.askThreshold(n(link.threshold), link.threshold)}</p>`
                  : nothing
              }
              ${
                link.rules
                  ? html`<p>
                      <a href=${link.rules} target="_blank" rel="noopener noreferrer"
                        >${m.askRules}<span class="sr-only"> ${m.newWindow}</span></a
                      >
                    </p>`
                  : nothing
              }
              <p class="ask-actions">
                ${
                  link.kind === 'email'
                    ? html`<a class="button primary ask-go" href=${link.href}
                        >${m.askWrite(link.target)}</a
                      >`
                    : html`<a
                        class="button primary ask-go"
                        href=${link.href}
                        target="_blank"
                        rel="noopener noreferrer"
                        >${m.askContinue(link.target)}<span class="sr-only">
                          ${m.newWindow}</span
                        ></a
                      >`
                }
                <button type="button" class="button" @click=${toggle}>${m.cancel}</button>
              </p>`
          : nothing
      }
    </div>
  </div>`;
}
