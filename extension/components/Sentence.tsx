import type { ComponentChildren } from 'preact';

/**
 * A message whose one value is set in as markup rather than as text: a feed's value (a channel's
 * address, a site pattern) can then be isolated and wrap anywhere on a narrow screen, while the
 * words around it stay the message's own, in either language.
 */
export function Sentence({
  message,
  value,
}: {
  message: (value: string) => string;
  value: ComponentChildren;
}) {
  const [before, after = ''] = message('\u0000').split('\u0000');
  return (
    <>
      {before}
      {value}
      {after}
    </>
  );
}
