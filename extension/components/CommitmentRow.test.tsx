// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import type { CommitmentRowData } from '../state/commitment-row.ts';
import { CommitmentRow } from './CommitmentRow.tsx';

const base: CommitmentRowData = {
  id: 'E1',
  title: { text: 'Publier les marchés publics' },
  category: 'limited',
  statusLabel: { text: 'En cours' },
  late: false,
};

function show(row: CommitmentRowData, lang: 'fr' | 'en'): HTMLElement {
  const root = document.createElement('ul');
  render(<CommitmentRow row={row} lang={lang} />, root);
  return root;
}

describe('CommitmentRow', () => {
  it('says "État :" before the publisher’s status word, which would be heard bare', () => {
    expect(show(base, 'fr').querySelector('.oc-meta')?.textContent).toMatch(
      /^État\u00a0: En cours/,
    );
    expect(show(base, 'en').querySelector('.oc-meta')?.textContent).toMatch(/^Status: En cours/);
  });

  it('says that the publisher offers no channel when its feed has none', () => {
    expect(show(base, 'fr').querySelector('.oc-no-channel')?.textContent).toBe(
      'Cet organisme ne propose pas de moyen de l’interpeller.',
    );
    expect(show(base, 'en').querySelector('.oc-no-channel')?.textContent).toBe(
      'This publisher offers no way to question it formally.',
    );
  });

  it('offers the action instead when there is a channel', () => {
    const row: CommitmentRowData = {
      ...base,
      link: {
        href: 'https://www.exemple.fr/interpeller?engagement=E1',
        kind: 'url',
        target: 'www.exemple.fr',
        responseDays: 30,
      },
    };
    const root = show(row, 'en');
    expect(root.querySelector('.oc-no-channel')).toBeNull();
    expect(root.textContent).toContain('Question this');
  });

  it('is a toggle with a stable name where it offers to follow, pressed when followed, with no marker beside it', () => {
    const root = document.createElement('ul');
    render(<CommitmentRow row={base} lang="en" followed onFollow={() => undefined} />, root);
    const toggle = root.querySelector('button');
    expect(toggle?.getAttribute('aria-label')).toBe('Follow: Publier les marchés publics');
    expect(toggle?.textContent).toBe('Follow');
    expect(toggle?.getAttribute('aria-pressed')).toBe('true');
    expect(root.textContent).not.toContain('Followed');
  });

  it('says that it is followed where no toggle shows it', () => {
    const root = document.createElement('ul');
    render(<CommitmentRow row={base} lang="fr" followed />, root);
    expect(root.querySelector('button')).toBeNull();
    expect(root.querySelector('.oc-followed')?.textContent).toBe('Suivi');
  });

  it('names its buttons and its progress bar after the commitment, so that rows tell them apart', () => {
    const root = document.createElement('ul');
    const link = {
      href: 'https://www.exemple.fr/q',
      kind: 'url',
      target: 'www.exemple.fr',
    } as const;
    const rows: CommitmentRowData[] = [
      { ...base, progress: 30, link },
      { ...base, id: 'E2', title: { text: 'Budget participatif' }, progress: 60, link },
    ];
    render(
      <>
        {rows.map((row) => (
          <CommitmentRow key={row.id} row={row} lang="fr" onFollow={() => undefined} />
        ))}
      </>,
      root,
    );
    const names = [...root.querySelectorAll('button, progress')].map(
      (control) => control.getAttribute('aria-label') ?? control.textContent,
    );
    expect(names).toEqual([
      'Avancement\u00a0: Publier les marchés publics',
      'Suivre\u00a0: Publier les marchés publics',
      'Interpeller\u00a0: Publier les marchés publics',
      'Avancement\u00a0: Budget participatif',
      'Suivre\u00a0: Budget participatif',
      'Interpeller\u00a0: Budget participatif',
    ]);
  });
});
