/**
 * Where the overlay panel sits: a signal of its top-left corner, moved by dragging its handle or
 * by the arrow keys, and kept inside the viewport. Null until moved: the panel then sits in the
 * bottom-right corner.
 */
import { signal, type Signal } from '@preact/signals';

/** A point in CSS pixels from the viewport's top-left corner. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** Pixels moved by one arrow key press (ten with Shift). */
export const KEY_STEP = 10;

/** The panel's position and the handlers that move it. */
export interface PanelPosition {
  readonly at: Signal<Point | null>;
  /** Moves by a delta from the panel's current rectangle, clamped to `viewport`. */
  moveBy(from: DOMRect, dx: number, dy: number, viewport: { width: number; height: number }): void;
}

/** A fresh position model. */
export function createPanelPosition(): PanelPosition {
  const at = signal<Point | null>(null);
  return {
    at,
    moveBy(from, dx, dy, viewport) {
      const x = Math.min(Math.max(0, from.left + dx), Math.max(0, viewport.width - from.width));
      const y = Math.min(Math.max(0, from.top + dy), Math.max(0, viewport.height - 40));
      at.value = { x, y };
    },
  };
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
