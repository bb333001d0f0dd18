/**
 * The registry of content-script features: one file per feature in this folder, each listed here
 * (a test checks that none is forgotten).
 */
import type { Feature } from '../feature.ts';
import { feature as inlineBadges } from './inline-badges.tsx';
import { feature as overlay } from './overlay.tsx';

/** Every feature, in the order they start. */
export const features: readonly Feature[] = [overlay, inlineBadges];
