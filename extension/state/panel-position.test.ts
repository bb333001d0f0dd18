import { describe, expect, it } from 'vitest';
import { asPlace, cornerAfter, createPanelPosition, keyDelta } from './panel-position.ts';

const rect = (left: number, top: number) => ({ left, top, width: 300, height: 200 }) as DOMRect;
const viewport = { innerWidth: 1000, innerHeight: 800 };

describe('moving the overlay panel', () => {
  it('moves by the arrow keys, ten times further with Shift', () => {
    expect(keyDelta('ArrowLeft', false)).toEqual({ x: -10, y: 0 });
    expect(keyDelta('ArrowDown', true)).toEqual({ x: 0, y: 100 });
    expect(keyDelta('Enter', false)).toBeUndefined();
  });

  it('stays inside the viewport', () => {
    const position = createPanelPosition();
    expect(position.at.value).toBe(0);
    position.moveBy(rect(690, 10), 50, -50, viewport);
    expect(position.at.value).toEqual({ x: 700, y: 0 });
    position.moveBy(rect(5, 700), -50, 500, viewport);
    expect(position.at.value).toEqual({ x: 0, y: 760 });
  });

  it('goes round the corners clockwise', () => {
    const names = ['bottom right', 'bottom left', 'top right', 'top left'];
    const round: string[] = [];
    for (let c = cornerAfter(0, viewport); round.length < 4; c = cornerAfter(c, viewport)) {
      round.push(names[c]!);
    }
    expect(round).toEqual(['bottom left', 'top left', 'top right', 'bottom right']);
  });

  it('goes on, once moved off a corner, to the corner after the one nearest its centre', () => {
    const size = { width: 300, height: 500 };
    // Nudged 100 px up and left from the bottom right: its top is in the upper half of the
    // viewport, but its centre is still nearest the bottom right, so it goes to the bottom left.
    const nudged = { x: 1000 - 16 - 300 - 100, y: 800 - 16 - 500 - 100 };
    expect(cornerAfter(nudged, viewport, size)).toBe(1);
    // Nearest each of the other corners, it goes on to the next one clockwise.
    expect(cornerAfter({ x: 40, y: 250 }, viewport, size)).toBe(3);
    expect(cornerAfter({ x: 40, y: 30 }, viewport, size)).toBe(2);
    expect(cornerAfter({ x: 600, y: 30 }, viewport, size)).toBe(0);
    // Before it is drawn, its top-left point stands for its centre.
    expect(cornerAfter({ x: 600, y: 30 }, viewport)).toBe(0);
    expect(cornerAfter({ x: 400, y: 30 }, viewport)).toBe(2);
  });

  it('reads back where it was left, and anything else as the bottom right', () => {
    expect(asPlace({ x: 40, y: 30 })).toEqual({ x: 40, y: 30 });
    expect(asPlace(3)).toBe(3);
    for (const value of [undefined, null, 'top', { x: '40', y: 30 }, { x: 40 }]) {
      expect(asPlace(value)).toBe(0);
    }
  });
});
