import { describe, expect, it } from 'vitest';
import { clampText } from './clamp-text.ts';

describe('clampText', () => {
  it('keeps a text that fits, and cuts a longer one to max characters, ellipsis included', () => {
    expect(clampText('a'.repeat(150), 150)).toBe('a'.repeat(150));
    expect(clampText('a'.repeat(151), 150)).toBe(`${'a'.repeat(149)}…`);
  });

  it('cuts at a word when that keeps more than half', () => {
    const text = `${'mot '.repeat(40)}fin`;
    const cut = clampText(text, 100);
    expect(cut.length).toBeLessThanOrEqual(100);
    expect(cut).toMatch(/^(mot )+mot…$/);
    expect(clampText(`court ${'x'.repeat(200)}`, 100)).toBe(`court ${'x'.repeat(93)}…`);
  });

  it('never splits a character outside the Basic Multilingual Plane', () => {
    expect(clampText('😀'.repeat(100), 150)).toBe(`${'😀'.repeat(74)}…`);
  });
});
