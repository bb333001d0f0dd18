export * from './expand-template.ts';
export * from './interpellation-link.ts';
export * from './interpellation-stats.ts';
