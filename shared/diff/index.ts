export * from './diff-feeds.ts';
