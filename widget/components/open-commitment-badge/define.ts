import { OpenCommitmentBadge } from './open-commitment-badge.ts';

/** Registers `<open-commitment-badge>`; harmless when the script runs twice or the tag is taken. */
if (!customElements.get('open-commitment-badge')) {
  customElements.define('open-commitment-badge', OpenCommitmentBadge);
}

declare global {
  interface HTMLElementTagNameMap {
    'open-commitment-badge': OpenCommitmentBadge;
  }
}

export { OpenCommitmentBadge };
