/** The badge bundle: `<open-commitment-badge>` alone, for pages that show no dashboard. */
export { OpenCommitmentBadge } from './components/open-commitment-badge/define.ts';
