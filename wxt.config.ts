import { defineConfig } from 'wxt';
import { directory, snapshotPatterns } from './extension/feeds/directory.ts';
import { originPatterns } from './extension/permissions/origins.ts';

/**
 * The extension's sources live in extension/; shared/ is the framework-free core it imports.
 *
 * Host permissions are granted only for the bundled directory's feed hosts and pages, so that the
 * bundled feeds work from the first run; every other host is asked for, at subscription, from
 * `optional_host_permissions`. No content script is declared: it is registered at run time.
 */
const bundledHosts = originPatterns(
  directory.flatMap((entry) => [
    ...snapshotPatterns(entry.snapshot),
    ...(entry.feedUrl ? [entry.feedUrl] : []),
  ]),
);

export default defineConfig({
  srcDir: 'extension',
  publicDir: 'extension/public',
  imports: false,
  manifestVersion: 3,
  // The sources archive (for store review) holds the sources only, not build output.
  zip: { excludeSources: ['dist/**', 'test-results/**', '.cache/**', 'coverage/**'] },
  vite: () => ({
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    // Without this, the bundler copies a constant into every place that reads it: the Public
    // Suffix List's 69 KB of labels went into the background twice (149 KB gzipped, 83 KB without).
    build: { rolldownOptions: { optimization: { inlineConst: false } } },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    short_name: '__MSG_extShortName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'notifications', 'scripting', 'activeTab'],
    host_permissions: bundledHosts,
    optional_host_permissions: ['http://*/*', 'https://*/*'],
    action: { default_title: '__MSG_actionTitle__' },
    // A keyboard way to the page's commitments: the overlay comes last in a long page's tab order,
    // and the toolbar popup lists the same ones.
    commands: { _execute_action: { suggested_key: { default: 'Alt+Shift+O' } } },
    content_security_policy: {
      extension_pages:
        "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; img-src 'self' data:; connect-src 'self' https: http:",
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'open-commitments@open-commitments.org',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142 on.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
