/**
 * Where the overlay panel sits: a signal of either a corner of the viewport (the bottom-right one
 * at first) or the top-left point it was moved to by dragging its handle or by the arrow keys,
 * kept inside the viewport. A button moves it from corner to corner, for a pointer that cannot
 * drag (WCAG 2.5.7).
 */
import { signal, type Signal } from '@preact/signals';

/** A point in CSS pixels from the viewport's top-left corner. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** A corner of the viewport: bit 1 set on the left side, bit 2 at the top; 0 is bottom right. */
export type Corner = 0 | 1 | 2 | 3;

/** Where the panel sits: a corner, or the point it was dragged to. */
export type Place = Corner | Point;

/** The viewport's size: `window`, or a fake one in tests. */
export type Viewport = Pick<Window, 'innerWidth' | 'innerHeight'>;

/** Pixels moved by one arrow key press (ten with Shift). */
export const KEY_STEP = 10;

/** The panel's position and the handlers that move it. */
export interface PanelPosition {
  readonly at: Signal<Place>;
  /** Moves by a delta from the panel's current rectangle, clamped to the viewport (`window`). */
  moveBy(from: DOMRect, dx: number, dy: number, viewport: Viewport): void;
}

/** A position model, at `place` (a remembered one) or in the bottom-right corner. */
export function createPanelPosition(place: Place = 0): PanelPosition {
  const at = signal(place);
  return {
    at,
    moveBy(from, dx, dy, viewport) {
      const x = Math.min(
        Math.max(0, from.left + dx),
        Math.max(0, viewport.innerWidth - from.width),
      );
      const y = Math.min(Math.max(0, from.top + dy), Math.max(0, viewport.innerHeight - 40));
      at.value = { x, y };
    },
  };
}

/**
 * The corner the panel's corner button moves it to, the one its arrow points at: the next one
 * clockwise (bottom right, bottom left, top left, top right). Moved off its corner (dragged, or
 * by the arrow keys), the panel goes on from the corner nearest its centre, as if it still sat
 * there, rather than back to that nearest corner, which would look like a button that does
 * nothing. `size` is the panel's width and height (none before it is first drawn: its top-left
 * point then stands for its centre).
 */
export function cornerAfter(
  place: Place,
  viewport: Viewport,
  size: { width: number; height: number } = { width: 0, height: 0 },
): Corner {
  const nearest =
    typeof place === 'number'
      ? place
      : (((place.x + size.width / 2 < viewport.innerWidth / 2 ? 1 : 0) |
          (place.y + size.height / 2 < viewport.innerHeight / 2 ? 2 : 0)) as Corner);
  return ([1, 3, 0, 2] as const)[nearest];
}

/**
 * The panel's CSS position at `place`: 16 px from a corner's two edges, or at the point, but with
 * its top-left 40 px at least in view (a point remembered in a larger window).
 */
export function placeStyle(place: Place): Record<string, string> {
  return typeof place === 'number'
    ? { [place & 1 ? 'left' : 'right']: '16px', [place & 2 ? 'top' : 'bottom']: '16px' }
    : { left: `min(${place.x}px, 100vw - 40px)`, top: `min(${place.y}px, 100vh - 40px)` };
}

/** The arrow key's delta, or undefined for another key. */
export function keyDelta(key: string, shift: boolean): Point | undefined {
  const step = shift ? KEY_STEP * 10 : KEY_STEP;
  switch (key) {
    case 'ArrowLeft':
      return { x: -step, y: 0 };
    case 'ArrowRight':
      return { x: step, y: 0 };
    case 'ArrowUp':
      return { x: 0, y: -step };
    case 'ArrowDown':
      return { x: 0, y: step };
    default:
      return undefined;
  }
}

/** A place read back from storage: the point or the corner it holds, else the first corner. */
export function asPlace(value: unknown): Place {
  const { x, y } = Object(value) as Partial<Point>;
  return typeof x === 'number' && typeof y === 'number'
    ? { x, y }
    : ((Number(value) & 3) as Corner);
}
