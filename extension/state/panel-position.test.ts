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

  it('goes round the corners clockwise, and back to the bottom right after a drag', () => {
    const names = ['bottom right', 'bottom left', 'top right', 'top left'];
    const round: string[] = [];
    for (let corner = cornerAfter(0); round.length < 4; corner = cornerAfter(corner)) {
      round.push(names[corner]!);
    }
    expect(round).toEqual(['bottom left', 'top left', 'top right', 'bottom right']);
    expect(cornerAfter({ x: 40, y: 30 })).toBe(0);
  });

  it('reads back where it was left, and anything else as the bottom right', () => {
    expect(asPlace({ x: 40, y: 30 })).toEqual({ x: 40, y: 30 });
    expect(asPlace(3)).toBe(3);
    for (const value of [undefined, null, 'top', { x: '40', y: 30 }, { x: 40 }]) {
      expect(asPlace(value)).toBe(0);
    }
  });
});
