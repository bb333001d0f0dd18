/**
 * The content script. Registered at run time, only on the pages that subscribed feeds name and
 * that the person allowed (see background/registration.ts): never declared for all sites.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { features } from '../../content/features/index.ts';
import { runFeatures } from '../../content/run-features.ts';

export default defineContentScript({
  registration: 'runtime',
  main(ctx) {
    void runFeatures(ctx, features).catch(() => undefined);
  },
});
