/**
 * Library build of the core (`npm run build:core`): `shared/index.ts` as ONE minified ES module,
 * `dist/core/open-commitments-core.js`, with idb and valibot inside, so that a publisher's own
 * page or tool imports the same parser, status rules and interpellation links as the widget and
 * the extension without a bundler. Type declarations come from `shared/tsconfig.build.json`.
 *
 * This file lives in `shared/`, which imports nothing but its own files, idb and valibot (a test
 * and the lint check it): so it imports neither `vite` nor Node, and its paths are relative to the
 * package root, where npm runs the script.
 */
export default {
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: 'dist/core',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
    lib: {
      entry: 'shared/index.ts',
      formats: ['es'],
      fileName: () => 'open-commitments-core.js',
    },
    rolldownOptions: {
      output: { minify: true, codeSplitting: false },
    },
  },
};
