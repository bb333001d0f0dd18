/**
 * End-to-end tests run against the built artefacts: fail early, with the fix, when they are missing.
 */
import { existsSync } from 'node:fs';

export default function setup(): void {
  const needed = ['dist/widget/open-commitments.js', '.output/chrome-mv3/manifest.json'];
  const missing = needed.filter((f) => !existsSync(f));
  if (missing.length > 0) {
    throw new Error(`Missing build output (${missing.join(', ')}): run npm run build first`);
  }
}
