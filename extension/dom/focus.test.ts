// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { focusIfLost, focusLost } from './focus.ts';

afterEach(() => document.body.replaceChildren());

/** A host page with a text field, and a shadow root holding a button, as the overlay is built. */
function page(): { field: HTMLInputElement; root: ShadowRoot; button: HTMLButtonElement } {
  const field = document.createElement('input');
  const host = document.createElement('div');
  document.body.append(field, host);
  const root = host.attachShadow({ mode: 'open' });
  const button = document.createElement('button');
  root.append(button);
  return { field, root, button };
}

describe('focus', () => {
  it('never takes focus from where the person put it on the host page', async () => {
    const { field, root, button } = page();
    field.focus();
    expect(focusLost(root)).toBe(false);
    focusIfLost(button);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(document.activeElement).toBe(field);
  });

  it('gives focus back when nothing holds it', async () => {
    const { root, button } = page();
    expect(focusLost(root)).toBe(true);
    focusIfLost(button);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(root.activeElement).toBe(button);
  });
});
