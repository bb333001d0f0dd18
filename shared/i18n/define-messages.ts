import type { Lang } from './lang.ts';

/** A message table: strings, functions that build a string, or nested tables. */
export type MessageTree = {
  readonly [key: string]: string | ((...args: never[]) => string) | MessageTree;
};

/** One table per interface language, all of the same shape. */
export type MessageTables<M extends MessageTree> = Readonly<Record<Lang, M>>;

/**
 * Declares a front end's own messages in every language. The French table sets the shape; the
 * English one must have exactly the same keys (a missing or extra key is a type error), so a
 * translation is never forgotten.
 */
export function defineMessages<M extends MessageTree>(tables: {
  readonly fr: M;
  readonly en: NoInfer<M>;
}): MessageTables<M> {
  return tables;
}
