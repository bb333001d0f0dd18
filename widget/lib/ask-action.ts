import type { Lang } from '../../shared/i18n/lang.ts';
import { formatNumber } from '../../shared/i18n/format.ts';
import type { InterpellationLink } from '../../shared/interpellation/interpellation-link.ts';
import { h, present } from './dom.ts';
import type { CommonMessages } from './messages.ts';

/**
 * The "Interpeller" / "Question this" action: a disclosure button, then a panel saying where the
 * link goes, the promised response delay, the support threshold and the rules, with the link to
 * continue. Without a channel, a sentence saying the publisher offers none. `id` makes the panel's
 * id unique within a shadow root; `title`, the commitment's, makes the names of the button and the
 * panel unique in the page.
 *
 * Built with the DOM and keeping its own open state, so that the badge (which has no Lit) and the
 * dashboard (which keeps the element across renders) share one implementation.
 */
export function askAction(
  id: string,
  link: InterpellationLink | undefined,
  lang: Lang,
  m: CommonMessages,
  title?: string,
): HTMLElement {
  if (!link) return h('p', { class: 'no-channel', part: 'no-channel' }, m.noChannel);
  const panelId = `ask-${id}`;
  const n = (value: number) => formatNumber(value, lang);
  const button = h(
    'button',
    {
      type: 'button',
      class: 'button',
      'aria-expanded': 'false',
      'aria-controls': panelId,
      // Heard in a list of the page's buttons, where every commitment has one. A name of its own:
      // from hidden text, browsers put a space before the colon ("Question this : title").
      'aria-label': title !== undefined ? `${m.ask}${m.colon}${title}` : undefined,
    },
    m.ask,
  );
  const panel = h('div', {
    id: panelId,
    class: 'ask-panel',
    role: 'region',
    'aria-label': title ? `${m.askTitle}${m.colon}${title}` : m.askTitle,
    hidden: true,
  });
  const newWindow = h('span', { class: 'sr-only' }, ` ${m.newWindow}`);
  const setOpen = (open: boolean): void => {
    button.setAttribute('aria-expanded', String(open));
    panel.hidden = !open;
    if (!open) {
      panel.replaceChildren();
      return;
    }
    const cancel = h('button', { type: 'button', class: 'button' }, m.cancel);
    cancel.addEventListener('click', () => {
      // The panel is emptied: focus would fall to the page.
      setOpen(false);
      button.focus();
    });
    panel.replaceChildren(
      ...present([
        h(
          'p',
          {},
          `${link.kind === 'email' ? m.askEmailTo : m.askLeaving} `,
          h('strong', { class: 'ask-target' }, link.target),
        ),
        h(
          'p',
          {},
          link.responseDays !== undefined
            ? m.askResponse(n(link.responseDays), link.responseDays)
            : m.askNoDelay,
        ),
        link.threshold !== undefined &&
          h('p', {}, m.askThreshold(n(link.threshold), link.threshold)),
        link.rules &&
          h(
            'p',
            {},
            h(
              'a',
              { href: link.rules, target: '_blank', rel: 'noopener noreferrer' },
              m.askRules,
              newWindow.cloneNode(true),
            ),
          ),
        h(
          'p',
          { class: 'ask-actions' },
          link.kind === 'email'
            ? h('a', { class: 'button primary ask-go', href: link.href }, m.askWrite(link.target))
            : h(
                'a',
                {
                  class: 'button primary ask-go',
                  href: link.href,
                  target: '_blank',
                  rel: 'noopener noreferrer',
                },
                m.askContinue(link.target),
                newWindow.cloneNode(true),
              ),
          cancel,
        ),
      ]),
    );
    // Opened below the part of a scrolling badge's details that shows, it seemed not to open on a
    // phone: brought into view once the details are placed again, the page moved only if it must.
    requestAnimationFrame(() => panel.scrollIntoView({ block: 'nearest' }));
  };
  button.addEventListener('click', () => setOpen(button.getAttribute('aria-expanded') !== 'true'));
  return h('div', { class: 'ask', part: 'ask' }, button, panel);
}
