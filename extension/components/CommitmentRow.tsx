import type { ComponentChildren } from 'preact';
import type { Lang } from '../../shared/index.ts';
import { formatPercent } from '../../shared/i18n/format.ts';
import { t } from '../i18n/messages.ts';
import type { CommitmentRowData } from '../state/commitment-row.ts';
import { Interpellate } from './Interpellate.tsx';
import { LocalizedText } from './LocalizedText.tsx';
import { StatusLabel } from './StatusLabel.tsx';

/**
 * One commitment: title, status, progress, due date with a late mark, last update, and the
 * interpellation offer, or a line saying that the publisher offers no channel. Carries `data-commitment-id` so that tests and pages can find it.
 */
export function CommitmentRow({
  row,
  lang,
  followed,
  onFollow,
  onUnfollow,
  onRemember,
  rememberFirst,
  noChannelSaid,
  children,
}: {
  row: CommitmentRowData;
  lang: Lang;
  followed?: boolean;
  /** Makes "Follow" a toggle button (aria-pressed is `followed`). */
  onFollow?: () => void;
  /** Offers "Unfollow" instead, where every row is followed. */
  onUnfollow?: (event: MouseEvent) => void;
  onRemember?: () => Promise<void>;
  /** Offers to remember a question before its link is followed (see `Interpellate`). */
  rememberFirst?: boolean;
  /** That the publisher offers no channel is said above the rows, not on this one. */
  noChannelSaid?: boolean | undefined;
  /** Said at the row's end: that an action asked on it failed. */
  children?: ComponentChildren;
}) {
  const m = t(lang);
  // A button's name, heard in a list of the buttons where every row has the same ones: its word,
  // then the commitment. A label of its own, as from hidden text after the word browsers put a
  // space before the colon ("Follow : title").
  const named = (word: string) => `${word}${m.colon}${row.title.text}`;
  return (
    <li class="oc-row" data-commitment-id={row.id}>
      {/* Cut to three lines only when its page has it whole: else nowhere would show the rest. */}
      <p class={row.url ? 'oc-title' : 'oc-title oc-whole'}>
        {row.url ? (
          <a href={row.url} target="_blank" rel="noopener noreferrer">
            <LocalizedText value={row.title} lang={lang} />
          </a>
        ) : (
          <LocalizedText value={row.title} lang={lang} />
        )}
      </p>
      <div class="oc-meta">
        {/* The publisher's own word ("Voté en conseil") would be heard bare. */}
        <span class="oc-visually-hidden">
          {m.status}
          {m.colon}
        </span>
        <StatusLabel category={row.category} label={row.statusLabel} lang={lang} />
        {row.progress !== undefined && (
          <span class="oc-progress">
            <progress
              data-category={row.category}
              max={100}
              value={row.progress}
              aria-label={`${m.progress}${m.colon}${row.title.text}`}
            />
            {formatPercent(row.progress, lang)}
          </span>
        )}
        {row.due && <span>{m.due(row.due)}</span>}
        {row.late && <span class="oc-late">{m.late}</span>}
        {row.lastUpdate && <span>{m.lastUpdate(row.lastUpdate)}</span>}
        {/* Where the toggle shows it pressed, a marker beside it would say it twice. */}
        {!onFollow && followed && <span class="oc-followed">{m.followed}</span>}
      </div>
      {!row.link && !noChannelSaid && <p class="oc-no-channel">{m.noChannel}</p>}
      {(onFollow || onUnfollow || row.link) && (
        <div class="oc-actions">
          {onFollow && (
            <button
              type="button"
              class="oc-button"
              aria-pressed={followed ? 'true' : 'false'}
              aria-label={named(m.follow)}
              onClick={onFollow}
            >
              {m.follow}
            </button>
          )}
          {onUnfollow && (
            <button
              type="button"
              class="oc-button"
              aria-label={named(m.unfollow)}
              onClick={onUnfollow}
            >
              {m.unfollow}
            </button>
          )}
          {row.link && (
            <Interpellate
              link={row.link}
              lang={lang}
              label={named(m.interpellate)}
              {...(onRemember ? { onRemember } : {})}
              rememberFirst={rememberFirst}
            />
          )}
        </div>
      )}
      {children}
    </li>
  );
}
