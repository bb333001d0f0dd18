// @vitest-environment happy-dom
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { features } from './index.ts';

describe('content-script features', () => {
  it('registers every feature file of this folder, once, under its file name', () => {
    const folder = import.meta.dirname;
    const files = readdirSync(folder)
      .filter((f) => /\.tsx?$/.test(f) && !f.startsWith('index.') && !/\.test\.tsx?$/.test(f))
      .map((f) => f.replace(/\.tsx?$/, ''))
      .sort();
    expect(features.map((f) => f.id).sort()).toEqual(files);
  });

  it('gives every feature a page filter and an init that takes the abort signal', () => {
    for (const feature of features) {
      expect(typeof feature.appliesTo).toBe('function');
      expect(feature.init.length).toBeGreaterThanOrEqual(1);
    }
  });
});
