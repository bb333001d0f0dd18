import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Lang } from '../../shared/index.ts';
import type { InterpellationLink } from '../../shared/interpellation/index.ts';
import { t } from '../i18n/messages.ts';
import { focusIfLost } from '../dom/focus.ts';

/**
 * "Question this": shows where the question goes, the promised delay, the threshold and the rules
 * before the person leaves, then offers to remember the question on this device. `about`, after
 * the button's text, names what the question is about.
 */
export function Interpellate({
  link,
  lang,
  about,
  onRemember,
}: {
  link: InterpellationLink;
  lang: Lang;
  about?: ComponentChildren;
  onRemember?: () => Promise<void>;
}) {
  const m = t(lang);
  const [open, setOpen] = useState(false);
  const [left, setLeft] = useState(false);
  const [kept, setKept] = useState<'no' | 'yes' | 'error'>('no');
  return (
    <div>
      <button
        type="button"
        class="oc-button"
        aria-expanded={open}
        title={m.interpellateTitle}
        onClick={() => setOpen(!open)}
      >
        {m.interpellate}
        {about}
      </button>
      {open && (
        <div class="oc-interpellate">
          <ul>
            <li>{m.goesTo(link.target)}</li>
            {link.responseDays !== undefined && <li>{m.responseDays(link.responseDays)}</li>}
            {link.threshold !== undefined && <li>{m.threshold(link.threshold)}</li>}
            {link.rules !== undefined && (
              <li>
                <a href={link.rules} target="_blank" rel="noopener noreferrer">
                  {m.rules}
                </a>
              </li>
            )}
          </ul>
          <div class="oc-actions">
            <a
              class="oc-button oc-primary"
              href={link.href}
              target="_blank"
              rel="noopener noreferrer"
              data-interpellation-link=""
              onClick={() => setLeft(true)}
            >
              {link.kind === 'email' ? m.continueToEmail : m.continueToForm}
            </a>
            {left && onRemember && kept !== 'yes' && (
              <button
                type="button"
                class="oc-button"
                onClick={() =>
                  void onRemember().then(
                    () => setKept('yes'),
                    () => setKept('error'),
                  )
                }
              >
                {m.remember}
              </button>
            )}
          </div>
          {kept === 'error' && (
            <p class="oc-error" role="alert">
              {m.rememberFailed}
            </p>
          )}
          {kept === 'yes' && (
            <p role="status" tabIndex={-1} ref={focusIfLost}>
              {m.remembered}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
