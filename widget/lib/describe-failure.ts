import { formatNumber } from '../../shared/i18n/format.ts';
import type { Lang } from '../../shared/i18n/lang.ts';
import type { RefreshError } from '../../shared/cache/refresh-feed.ts';
import type { CommonMessages } from './messages.ts';

/**
 * Why a feed cannot be shown, in words a citizen understands and in the widget's language: the
 * parser's English and its JSON paths are for the publisher, in the `oc-error` event's detail.
 */
export function describeFailure(error: RefreshError, m: CommonMessages, lang: Lang): string {
  const words = m.failure;
  switch (error.reason) {
    case 'http':
      return error.status === 404
        ? words.notFound
        : words.http(formatNumber(error.status ?? 0, lang, { useGrouping: false }));
    case 'timeout':
      return words.timeout;
    case 'too-large':
      return words.tooLarge;
    case 'refused': {
      const codes = new Set((error.errors ?? []).map((issue) => issue.code));
      return codes.has('not-json')
        ? words.notJson
        : codes.has('newer-version')
          ? words.newerVersion
          : codes.has('too-large')
            ? words.tooLarge
            : words.refused;
    }
    default:
      return words.unreachable;
  }
}
