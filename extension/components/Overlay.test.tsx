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
});
