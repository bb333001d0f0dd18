import { OpenCommitments } from './open-commitments.ts';

/** Registers `<open-commitments>`; harmless when the script runs twice or the tag is taken. */
if (!customElements.get('open-commitments')) {
  customElements.define('open-commitments', OpenCommitments);
}

declare global {
  interface HTMLElementTagNameMap {
    'open-commitments': OpenCommitments;
  }
}

export { OpenCommitments };
