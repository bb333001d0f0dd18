// @vitest-environment happy-dom
import { render, type ComponentProps } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import type { Category } from '../../shared/index.ts';
import type { Corner, Place } from '../state/panel-position.ts';
import { Overlay } from './Overlay.tsx';

const townSummaries = [{ feedId: 'town', publisher: { text: 'Town' }, total: 3, late: 1 }];

/** A row of the panel: one commitment of a feed, not late. */
function panelRow(
  feedId: string,
  id: string,
  title: string,
  category: Category,
  statusLabel: string,
) {
  return {
    feedId,
    row: { id, title: { text: title }, category, statusLabel: { text: statusLabel }, late: false },
  };
}

/** The panel, rendered in English with the given rows, summaries, place and callbacks. */
function renderPanel({
  rows = [],
  summaries = townSummaries,
  place,
  onPlace = () => undefined,
  onClose = () => undefined,
  onHideSite = () => undefined,
}: {
  rows?: ComponentProps<typeof Overlay>['rows'];
  summaries?: ComponentProps<typeof Overlay>['summaries'];
  place?: Corner;
  onPlace?: (place: Place) => void;
  onClose?: () => void;
  onHideSite?: (hidden: boolean) => void;
}) {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  render(
    <Overlay
      rows={rows}
      summaries={summaries}
      lang="en"
      place={place}
      onPlace={onPlace}
      onClose={onClose}
      onHideSite={onHideSite}
      onRemember={async () => undefined}
    />,
    root,
  );
  const button = (name: string) => {
    const found = [...root.querySelectorAll('button')].find(
      (b) => (b.getAttribute('aria-label') ?? b.textContent) === name,
    );
    if (!found) throw new Error(`no button named ${name}`);
    return found;
  };
  return { root, panel: root.querySelector('section')!, button };
}

/** Which corner of the viewport the panel sits in, as its inline style places it. */
function cornerOf(panel: HTMLElement): string {
  const { top, bottom, left, right } = panel.style;
  const vertical = top === '16px' && !bottom ? 'top' : bottom === '16px' && !top ? 'bottom' : '?';
  const horizontal = left === '16px' && !right ? 'left' : right === '16px' && !left ? 'right' : '?';
  return `${vertical} ${horizontal}`;
}

const nextTick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('Overlay', () => {
  it('moves round the corners, clockwise, with a click on a button, and says where it put it', () => {
    const kept: Place[] = [];
    const { panel, button } = renderPanel({ onPlace: (place) => kept.push(place) });
    expect(cornerOf(panel)).toBe('bottom right');
    const corner = button('Move the panel to another corner');
    expect(corner.title).toBe('Move the panel to another corner');
    const seen: string[] = [];
    for (let i = 0; i < 4; i++) {
      act(() => corner.click());
      seen.push(cornerOf(panel));
    }
    expect(seen).toEqual(['bottom left', 'top left', 'top right', 'bottom right']);
    expect(kept).toEqual([1, 3, 2, 0]);
  });

  it('starts in the corner where it was left, and goes on from it to the corner its arrow shows after a move by the keys', () => {
    const kept: Place[] = [];
    const { panel, button } = renderPanel({ place: 3, onPlace: (place) => kept.push(place) });
    expect(cornerOf(panel)).toBe('top left');
    const corner = button('Move the panel to another corner');
    expect(corner.textContent).toBe('↗');
    act(() => {
      button('Move the panel (arrow keys)').dispatchEvent(
        new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }),
      );
    });
    // Moved off the corner, to a point it remembers (happy-dom lays nothing out: no pixels here).
    expect(kept).toEqual([{ x: expect.any(Number), y: expect.any(Number) }]);
    // Still nearest the top left, it goes on to the top right, as its arrow still shows.
    expect(corner.textContent).toBe('↗');
    act(() => corner.click());
    expect(cornerOf(panel)).toBe('top right');
  });

  it('offers to undo hiding it on the site, in a notice that takes its place', async () => {
    const hidden: boolean[] = [];
    let closed = 0;
    const { root, panel, button } = renderPanel({
      onHideSite: (hide) => hidden.push(hide),
      onClose: () => closed++,
    });
    const notice = root.querySelector('[role="status"]')!;
    // The live region is there, empty, before it has anything to say.
    expect(notice.textContent).toBe('');
    act(() => button('Never on this site').click());
    expect(hidden).toEqual([true]);
    expect(panel.hidden).toBe(true);
    expect(notice.textContent).toBe('Panel and badges hidden on this site. Undo');
    await nextTick();
    const undo = button('Undo');
    expect(document.activeElement).toBe(undo);

    // Escape ends the notice, as it closes the panel.
    undo.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(closed).toBe(1);

    act(() => undo.click());
    expect(hidden).toEqual([true, false]);
    expect(panel.hidden).toBe(false);
    expect(notice.textContent).toBe('');
    await nextTick();
    expect(document.activeElement).toBe(button('Never on this site'));
  });

  it('closes on Escape pressed anywhere inside it', () => {
    let closed = 0;
    const { root } = renderPanel({ onClose: () => closed++ });
    const hide = root.querySelector('footer button')!;
    hide.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
    expect(closed).toBe(0);
    hide.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(closed).toBe(1);
  });

  it('says when the data is from and that the last refresh failed', () => {
    const stale = { asOf: Date.UTC(2026, 10, 2, 9), failedAt: Date.UTC(2026, 11, 1) };
    const { root } = renderPanel({
      rows: [
        { ...panelRow('town', 'A1', 'Open data', 'limited', 'Under way'), stale },
        { ...panelRow('town', 'A2', 'Open budget', 'complete', 'Done'), stale },
      ],
      summaries: [{ feedId: 'city', publisher: { text: 'City' }, total: 3, late: 0, stale }],
    });
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

  it('names the publisher of each feed whose commitments it lists, when there are several', () => {
    const row = (feedId: string, publisher: string, title: string) => ({
      ...panelRow(feedId, 'A1', title, 'limited', 'Under way'),
      publisher: { text: publisher },
    });
    const { root } = renderPanel({
      rows: [row('town', 'Town', 'Open data'), row('region', 'Region', 'Regional data')],
      summaries: [],
    });
    const names = [...root.querySelectorAll('[data-feed-publisher]')].map((p) => p.textContent);
    expect(names).toEqual(['Town', 'Region']);
    // Each name comes right before its feed's list.
    expect(root.querySelector('[data-feed-publisher="region"] + ul')?.textContent).toContain(
      'Regional data',
    );
  });

  it('says before the plans it sums up that they have no commitment on this page', () => {
    const { root } = renderPanel({
      rows: [{ ...panelRow('town', 'A1', 'Open data', 'limited', 'Under way') }],
      summaries: [{ feedId: 'region', publisher: { text: 'Region' }, total: 5, late: 0 }],
    });
    const lines = [...root.querySelectorAll('.oc-body > *')].map((e) => e.textContent);
    expect(lines.slice(-2)).toEqual([
      'Plans of this site with no commitment on this page:',
      'Region\u00a0· 5 commitments',
    ]);
    expect(lines[0]).toContain('Open data');
    // With no plan summed up, nothing says so.
    const { root: listOnly } = renderPanel({
      rows: [{ ...panelRow('town', 'A1', 'Open data', 'limited', 'Under way') }],
      summaries: [],
    });
    expect(listOnly.querySelector('.oc-body')?.textContent).not.toContain('Plans of this site');
  });

  it('counts its rows in its heading, and filters a long list by words, accents ignored', async () => {
    const titles = ['Égalité salariale', 'Budget participatif', 'Open data', 'Pistes cyclables'];
    const rows = [
      ...Array.from({ length: 12 }, (_, i) =>
        panelRow('town', `T${i}`, `${titles[i % 4]} ${i}`, 'limited', 'Begun'),
      ),
      panelRow('town', 'T12', 'Ouvrir l’Œuvre des archives', 'limited', 'Begun'),
    ];
    const { root } = renderPanel({ rows, summaries: [] });
    const heading = () => root.querySelector('h2')!.textContent;
    const listed = () =>
      [...root.querySelectorAll('li[data-commitment-id]')].map((li) =>
        li.getAttribute('data-commitment-id'),
      );
    expect(heading()).toBe('Commitments on this page\u00a0(13)');
    const field = root.querySelector<HTMLInputElement>('input[type="search"]')!;
    expect(field.getAttribute('aria-label')).toBe('Filter by words');
    const type = async (text: string) => {
      field.value = text;
      await act(() => {
        field.dispatchEvent(new Event('input', { bubbles: true }));
      });
    };
    await type('EGALITE  ');
    expect(listed()).toEqual(['T0', 'T4', 'T8']);
    expect(heading()).toBe('Commitments on this page\u00a0(3 of 13)');
    // Every word, in any order.
    await type('8 égalité');
    expect(listed()).toEqual(['T8']);
    // French ligatures spelled out and curly apostrophes made straight, as in the dashboard's search.
    await type("l'oeuvre");
    expect(listed()).toEqual(['T12']);
    await type('budget égalité');
    expect(listed()).toEqual([]);
    expect(heading()).toBe('Commitments on this page\u00a0(0 of 13)');
    expect(root.querySelector('.oc-body')!.textContent).toBe(
      'No commitment here has all these words.',
    );
    // Escape empties the field and leaves the panel open.
    let closed = 0;
    renderPanel({ rows, summaries: [], onClose: () => closed++ });
    const again = document.querySelector<HTMLInputElement>('input[type="search"]')!;
    again.value = 'budget';
    await act(() => {
      again.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await act(() => {
      again.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }),
      );
    });
    expect(closed).toBe(0);
    expect(document.querySelectorAll('li[data-commitment-id]')).toHaveLength(13);
    await act(() => {
      again.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }),
      );
    });
    expect(closed).toBe(1);
  });

  it('offers no filter for a few rows, and draws no more than a hundred of many', () => {
    const few = Array.from({ length: 10 }, (_, i) =>
      panelRow('town', `T${i}`, `Title ${i}`, 'limited', 'Begun'),
    );
    expect(renderPanel({ rows: few }).root.querySelector('input')).toBeNull();
    const many = Array.from({ length: 3000 }, (_, i) =>
      panelRow('town', `T${i}`, `Title ${i}`, 'limited', 'Begun'),
    );
    const { root } = renderPanel({ rows: many, summaries: [] });
    expect(root.querySelectorAll('li[data-commitment-id]')).toHaveLength(100);
    expect(root.querySelector('h2')!.textContent).toBe(
      'Commitments on this page\u00a0(100 of 3,000)',
    );
  });
});
