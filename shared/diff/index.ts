export * from './diff-feeds.ts';
export * from './diff-details.ts';
