/**
 * The small line shown beside data whose feed could not be refreshed last time: when the copy was
 * last confirmed current, and that the refresh failed.
 */
import type { Lang } from '../../shared/index.ts';
import { formatDateTime } from '../../shared/i18n/format.ts';
import { t } from '../i18n/messages.ts';
import type { Stale } from '../messaging/protocol.ts';

/** The notice for `stale` in `lang`, or undefined when the last refresh went well. */
export function staleNotice(stale: Stale | undefined, lang: Lang): string | undefined {
  return stale && t(lang).staleNotice(formatDateTime(new Date(stale.asOf).toISOString(), lang));
}
