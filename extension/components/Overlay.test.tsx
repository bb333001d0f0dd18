// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { Overlay } from './Overlay.tsx';

describe('Overlay', () => {
  it('closes on Escape pressed anywhere inside it', () => {
    const root = document.createElement('div');
    document.body.replaceChildren(root);
    let closed = 0;
    render(
      <Overlay
        rows={[]}
        summaries={[{ feedId: 'town', publisher: { text: 'Town' }, total: 3, late: 1 }]}
        lang="en"
        onClose={() => closed++}
        onHideSite={() => undefined}
        onRemember={async () => undefined}
      />,
      root,
    );
    const hide = root.querySelector('footer button')!;
    hide.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
    expect(closed).toBe(0);
    hide.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(closed).toBe(1);
  });

  it('says when the data is from and that the last refresh failed', () => {
    const root = document.createElement('div');
    document.body.replaceChildren(root);
    const stale = { asOf: Date.UTC(2026, 10, 2, 9), failedAt: Date.UTC(2026, 11, 1) };
    render(
      <Overlay
        rows={[
          {
            feedId: 'town',
            row: {
              id: 'A1',
              title: { text: 'Open data' },
              category: 'limited',
              statusLabel: { text: 'Under way' },
              late: false,
            },
            stale,
          },
          {
            feedId: 'town',
            row: {
              id: 'A2',
              title: { text: 'Open budget' },
              category: 'complete',
              statusLabel: { text: 'Done' },
              late: false,
            },
            stale,
          },
        ]}
        summaries={[{ feedId: 'city', publisher: { text: 'City' }, total: 3, late: 0, stale }]}
        lang="en"
        onClose={() => undefined}
        onHideSite={() => undefined}
        onRemember={async () => undefined}
      />,
      root,
    );
    expect(root.querySelector('[data-feed-notice="town"]')?.textContent).toMatch(
      /^Data as of November 2, 2026(,| at) .+; the last refresh failed\.$/,
    );
    // Once per feed, not on each of its rows.
    expect(root.querySelectorAll('[data-feed-notice]')).toHaveLength(1);
    expect(root.querySelector('.oc-list .oc-notice')).toBeNull();
    expect(root.querySelector('[data-feed-summary]')?.textContent).toContain(
      'the last refresh failed.',
    );
  });
});
