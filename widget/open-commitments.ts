/**
 * The dashboard bundle: `<open-commitments>` and `<open-commitment-badge>`, one script for a page
 * that shows both.
 */
export { OpenCommitments } from './components/open-commitments/define.ts';
export { OpenCommitmentBadge } from './components/open-commitment-badge/define.ts';
