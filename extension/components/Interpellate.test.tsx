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
  it('names the site of a web form, and the address an e-mail goes to', async () => {
    const where = async (link: Parameters<typeof Interpellate>[0]['link'], lang: 'en' | 'fr') => {
      const root = document.createElement('div');
      document.body.replaceChildren(root);
      render(<Interpellate link={link} lang={lang} />, root);
      root.querySelector('button')!.click();
      await settle();
      return root.querySelector('.oc-interpellate li')?.textContent;
    };
    const form = {
      href: 'https://www.exemple.fr/q',
      kind: 'url',
      target: 'www.exemple.fr',
    } as const;
    const mail = { href: 'mailto:a@exemple.fr', kind: 'email', target: 'a@exemple.fr' } as const;
    expect(await where(form, 'en')).toBe('Opens on www.exemple.fr');
    expect(await where(form, 'fr')).toBe('Formulaire sur www.exemple.fr');
    expect(await where(mail, 'en')).toBe('Goes to a@exemple.fr');
    expect(await where(mail, 'fr')).toBe('Destinataire\u00a0: a@exemple.fr');
  });

  it('shows, before the form opens, the page address it will receive', async () => {
    const root = document.createElement('div');
    document.body.replaceChildren(root);
    const link = {
      href: 'https://www.exemple.fr/q',
      kind: 'url',
      target: 'www.exemple.fr',
      page: 'https://www.ville.fr/marches',
    } as const;
    render(<Interpellate link={link} lang="fr" />, root);
    root.querySelector('button')!.click();
    await settle();
    const items = [...root.querySelectorAll('.oc-interpellate li')].map((li) => li.textContent);
    expect(items).toContain(
      'Le formulaire recevra l’adresse de cette page\u00a0: https://www.ville.fr/marches',
    );
  });

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

  it('keeps the question as the link is followed when the box was ticked first, as the popup asks', async () => {
    const asked: string[] = [];
    const open = (id: string) => {
      const root = document.createElement('div');
      document.body.replaceChildren(root);
      render(
        <Interpellate
          link={{ href: 'https://www.exemple.fr/q', kind: 'url', target: 'www.exemple.fr' }}
          lang="fr"
          onRemember={async () => void asked.push(id)}
          rememberFirst
        />,
        root,
      );
      root.querySelector('button')!.click();
      return root;
    };
    const follow = async (root: HTMLElement) => {
      const link = root.querySelector<HTMLAnchorElement>('[data-interpellation-link]')!;
      link.addEventListener('click', (event) => event.preventDefault());
      link.click();
      await settle();
    };

    const ticked = open('ticked');
    await settle();
    const box = ticked.querySelector<HTMLInputElement>('label input[type="checkbox"]')!;
    expect(box.closest('label')?.textContent).toBe('Garder cette question sur cet appareil');
    box.click();
    await settle();
    await follow(ticked);
    // Kept once, however many times the link is followed.
    await follow(ticked);
    expect(asked).toEqual(['ticked']);
    expect(ticked.querySelector('[role="status"]')?.textContent).toBe(
      'Gardée sur cet appareil. Rien ne quitte votre navigateur.',
    );

    const unticked = open('unticked');
    await settle();
    await follow(unticked);
    expect(asked).toEqual(['ticked']);
    // No button to press after leaving: the popup is closed by then.
    expect([...unticked.querySelectorAll('button')].map((b) => b.textContent)).toEqual([
      'Interpeller',
    ]);
  });
});
