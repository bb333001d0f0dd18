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
});
