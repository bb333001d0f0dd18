import type { Page } from 'playwright-core';

/**
 * The text spacing of WCAG 1.4.12 (the W3C's bookmarklet), as a reader's style sheet gives it: in
 * the page and in every open shadow root, where a page's style sheets do not reach. Adopted style
 * sheets, which a page's Content Security Policy does not block.
 */
export async function applyTextSpacing(page: Page): Promise<void> {
  await page.evaluate(() => {
    const css =
      '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }';
    const roots: (Document | ShadowRoot)[] = [document];
    for (const element of document.querySelectorAll('*')) {
      if (element.shadowRoot) roots.push(element.shadowRoot);
    }
    for (const root of roots) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    }
  });
}
