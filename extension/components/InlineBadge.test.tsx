// @vitest-environment happy-dom
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import type { CommitmentRowData } from '../state/commitment-row.ts';
import { InlineBadge } from './InlineBadge.tsx';

describe('InlineBadge', () => {
  it('isolates the feed’s title in its plain-text tooltip, so that an override stays inside it', () => {
    const row: CommitmentRowData = {
      id: 'E1',
      title: { text: '\u202eOpen data' },
      category: 'limited',
      statusLabel: { text: 'Ongoing' },
      due: 'June 30, 2027',
      late: false,
    };
    const root = document.createElement('div');
    render(<InlineBadge row={row} lang="en" />, root);
    expect(root.querySelector('.oc-badge')?.getAttribute('title')).toBe(
      '\u2068\u202eOpen data\u2069 · Due June 30, 2027',
    );
  });

  it('cuts a very long title at a word in its tooltip and its hidden details', () => {
    const words = 'Open the data of every public service '.repeat(527).slice(0, 20_000);
    const row: CommitmentRowData = {
      id: 'E2',
      title: { text: words },
      category: 'limited',
      statusLabel: { text: 'Ongoing' },
      due: 'June 30, 2027',
      late: true,
    };
    const root = document.createElement('div');
    render(<InlineBadge row={row} lang="en" />, root);
    // The last word that ends within 150 characters, then an ellipsis.
    const cut = `${'Open the data of every public service '.repeat(3)}Open the data of every public…`;
    expect(root.querySelector('.oc-badge')?.getAttribute('title')).toBe(
      `\u2068${cut}\u2069 · Due June 30, 2027 · Late`,
    );
    expect(root.querySelector('[data-badge-details]')?.textContent).toBe(
      ` (${cut} · Due June 30, 2027)`,
    );
  });
});
