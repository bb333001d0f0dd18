import { useRef, useState } from 'preact/hooks';
import type { Lang } from '../../shared/index.ts';
import type { InterpellationLink } from '../../shared/interpellation/index.ts';
import { t } from '../i18n/messages.ts';
import { focusIfLost } from '../dom/focus.ts';

/**
 * "Question this": shows where the question goes, the address of the page read that it will carry
 * (`link.page`, when it does), the promised delay, the threshold and the rules
 * before the person leaves, then offers to remember the question on this device. `label`, the
 * button's name, says what the question is about. With `rememberFirst` (the toolbar popup,
 * which the browser closes as soon as the form opens in a tab), that offer is a checkbox ticked
 * before leaving, kept as the link is followed (or at once when ticked after a middle or Ctrl
 * click, which opens the form behind and leaves the popup open).
 */
export function Interpellate({
  link,
  lang,
  label,
  onRemember,
  rememberFirst,
}: {
  link: InterpellationLink;
  lang: Lang;
  label?: string;
  onRemember?: () => Promise<void>;
  rememberFirst?: boolean;
}) {
  const m = t(lang);
  const [open, setOpen] = useState(false);
  const [left, setLeft] = useState(false);
  const [kept, setKept] = useState<'no' | 'yes' | 'error'>('no');
  const [keep, setKeep] = useState(false);
  const remember = () =>
    void onRemember?.().then(
      () => setKept('yes'),
      () => setKept('error'),
    );
  const follow = () => {
    setLeft(true);
    if (rememberFirst && keep && kept !== 'yes') remember();
  };
  const button = useRef<HTMLButtonElement>(null);
  return (
    <div
      onKeyDown={(event) => {
        // Escape closes these details first, focus back on their button, then the panel.
        if (open && event.key === 'Escape') {
          event.preventDefault();
          setOpen(false);
          button.current?.focus();
        }
      }}
    >
      <button
        type="button"
        class="oc-button"
        ref={button}
        aria-expanded={open}
        aria-label={label}
        title={m.interpellateTitle}
        onClick={() => setOpen(!open)}
      >
        {m.interpellate}
      </button>
      {open && (
        <div class="oc-interpellate">
          <ul>
            <li>{(link.kind === 'url' ? m.opensOn : m.goesTo)(link.target)}</li>
            {link.page !== undefined && (
              <li>
                {link.kind === 'url' ? m.formGetsPage : m.mailGetsPage} <bdi>{link.page}</bdi>
              </li>
            )}
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
          {rememberFirst && onRemember && kept !== 'yes' && (
            <label class="oc-keep">
              <input
                type="checkbox"
                checked={keep}
                onChange={(event) => {
                  setKeep(event.currentTarget.checked);
                  // Ticked once the form opened in a tab behind, the popup still open: kept now.
                  if (event.currentTarget.checked && left) remember();
                }}
              />
              {m.remember}
            </label>
          )}
          <div class="oc-actions">
            <a
              class="oc-button oc-primary"
              href={link.href}
              target="_blank"
              rel="noopener noreferrer"
              data-interpellation-link=""
              onClick={follow}
              // A middle click opens the form in a new tab too, and fires no click.
              onAuxClick={(event) => event.button === 1 && follow()}
            >
              {link.kind === 'email' ? m.continueToEmail : m.continueToForm}
            </a>
            {left && !rememberFirst && onRemember && kept !== 'yes' && (
              <button type="button" class="oc-button" onClick={remember}>
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
