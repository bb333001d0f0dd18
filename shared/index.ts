/**
 * The framework-free core of Open Commitments: everything the widget, the extension and the CLI
 * share. Import from here.
 */
export * from './feed/types.ts';
export * from './feed/limits.ts';
export * from './feed/formats.ts';
export * from './feed/parse-feed.ts';
export * from './text/pick-text.ts';
export * from './text/isolate.ts';
export * from './text/clamp-text.ts';
export * from './status/dates.ts';
export * from './status/resolve-status.ts';
export * from './status/compute-progress.ts';
export * from './status/late.ts';
export * from './status/view-commitment.ts';
export * from './match/match-pages.ts';
export * from './i18n/lang.ts';
export * from './i18n/define-messages.ts';
export * from './i18n/core-messages.ts';
export * from './i18n/format.ts';
export * from './cache/index.ts';
export * from './diff/index.ts';
export * from './interpellation/index.ts';
