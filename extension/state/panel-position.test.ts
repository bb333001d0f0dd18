import { describe, expect, it } from 'vitest';
import { createPanelPosition, keyDelta } from './panel-position.ts';

const rect = (left: number, top: number) => ({ left, top, width: 300, height: 200 }) as DOMRect;
const viewport = { width: 1000, height: 800 };

describe('moving the overlay panel', () => {
  it('moves by the arrow keys, ten times further with Shift', () => {
    expect(keyDelta('ArrowLeft', false)).toEqual({ x: -10, y: 0 });
    expect(keyDelta('ArrowDown', true)).toEqual({ x: 0, y: 100 });
    expect(keyDelta('Enter', false)).toBeUndefined();
  });

  it('stays inside the viewport', () => {
    const position = createPanelPosition();
    expect(position.at.value).toBeNull();
    position.moveBy(rect(690, 10), 50, -50, viewport);
    expect(position.at.value).toEqual({ x: 700, y: 0 });
    position.moveBy(rect(5, 700), -50, 500, viewport);
    expect(position.at.value).toEqual({ x: 0, y: 760 });
  });
});
