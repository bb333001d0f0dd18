/**
 * Library build of the widget: each entry is ONE self-contained, minified ES module, so that a
 * host page needs a single `<script type="module">` and no chunk can go missing on a CDN.
 *
 * Rolldown cannot inline dynamic imports across several inputs, so each entry is its own build,
 * chosen by mode: `vite build -c widget/vite.config.ts` writes the dashboard (with the badge) and
 * `--mode badge` writes the badge alone, in the same folder.
 */
import { defineConfig, type Plugin } from 'vite';
import { fileURLToPath } from 'node:url';

const entries = {
  dashboard: 'open-commitments',
  badge: 'open-commitment-badge',
} as const;

/**
 * Collapses the whitespace and comments of Lit `css` templates in `*.styles.ts` files: the
 * minifier leaves template literals alone, and styles are a fifth of the bundle.
 */
function minifyLitCss(): Plugin {
  return {
    name: 'open-commitments:minify-lit-css',
    transform(code, id) {
      if (!id.endsWith('.styles.ts')) return undefined;
      const out = code.replace(/css`([^`]*)`/g, (_all, body: string) => {
        const tight = body
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .replace(/\s+/g, ' ')
          .replace(/\s*([{};,>])\s*/g, '$1')
          .replace(/;}/g, '}')
          .trim();
        return `css\`${tight}\``;
      });
      return { code: out, map: null };
    },
  };
}

export default defineConfig(({ mode }) => {
  const name = mode === 'badge' ? entries.badge : entries.dashboard;
  return {
    root: fileURLToPath(new URL('.', import.meta.url)),
    publicDir: false,
    logLevel: 'warn',
    plugins: [minifyLitCss()],
    build: {
      outDir: fileURLToPath(new URL('../dist/widget', import.meta.url)),
      emptyOutDir: mode !== 'badge',
      target: 'es2022',
      sourcemap: false,
      reportCompressedSize: false,
      lib: {
        entry: fileURLToPath(new URL(`./${name}.ts`, import.meta.url)),
        formats: ['es'],
        fileName: () => `${name}.js`,
      },
      rolldownOptions: {
        output: { minify: true, codeSplitting: false },
      },
    },
  };
});
