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
  it('says that the publisher offers no channel when its feed has none', () => {
    expect(show(base, 'fr').querySelector('.oc-no-channel')?.textContent).toBe(
      'Cet éditeur ne propose pas de moyen de l’interpeller.',
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

  it('is a toggle with a stable name where it offers to follow, and says when it is followed', () => {
    const root = document.createElement('ul');
    render(<CommitmentRow row={base} lang="en" followed onFollow={() => undefined} />, root);
    const toggle = root.querySelector('button');
    expect(toggle?.textContent).toBe('Follow');
    expect(toggle?.getAttribute('aria-pressed')).toBe('true');
    expect(root.querySelector('.oc-followed')?.textContent).toBe('Followed');
  });
});
