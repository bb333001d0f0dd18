/**
 * A stylesheet as a plain string: the tag only marks template literals in `*.styles.ts` files for
 * the build's CSS minifier (`minifyLitCss` in vite.config.ts), like Lit's `css` does. Interpolated
 * values are our own constant CSS, never feed data.
 */
export function css(strings: TemplateStringsArray, ...values: string[]): string {
  return String.raw({ raw: strings }, ...values);
}

/** A constructed stylesheet of `text`, for a shadow root's `adoptedStyleSheets`. */
export function sheet(text: string): CSSStyleSheet {
  const result = new CSSStyleSheet();
  result.replaceSync(text);
  return result;
}
