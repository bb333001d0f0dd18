import { defineConfig } from 'wxt';

// The extension's sources live in extension/; shared/ is the framework-free core it imports.
export default defineConfig({
  srcDir: 'extension',
  imports: false,
  manifestVersion: 3,
});
