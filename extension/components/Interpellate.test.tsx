// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { Interpellate } from './Interpellate.tsx';

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

/** Shows the action with `onRemember`, opens its panel, follows the link; the remember button. */
async function rememberButton(onRemember: () => Promise<void>): Promise<HTMLButtonElement> {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  render(
    <Interpellate
      link={{ href: 'https://www.exemple.fr/q', kind: 'url', target: 'www.exemple.fr' }}
      lang="en"
      onRemember={onRemember}
    />,
    root,
  );
  root.querySelector('button')!.click();
  await settle();
  const link = root.querySelector<HTMLAnchorElement>('[data-interpellation-link]')!;
  link.addEventListener('click', (event) => event.preventDefault());
  link.click();
  await settle();
  return [...root.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Remember'))!;
}

describe('Interpellate', () => {
  it('keeps the remember button, and focus on it, when keeping the question failed', async () => {
    const remember = await rememberButton(() => Promise.reject(new Error('quota')));
    const root = document.body;
    remember.focus();
    remember.click();
    await settle();
    expect(root.querySelector('[role="alert"]')?.textContent).toBe(
      'This question could not be kept. Try again.',
    );
    expect(remember.isConnected).toBe(true);
    expect(document.activeElement).toBe(remember);
  });

  it('moves focus to the confirmation that replaces the remember button', async () => {
    const remember = await rememberButton(async () => undefined);
    const root = document.body;
    remember.focus();
    remember.click();
    await settle();
    const status = root.querySelector('[role="status"]');
    expect(status?.textContent).toBe('Kept on this device. Nothing leaves your browser.');
    expect(document.activeElement).toBe(status);
  });
});
