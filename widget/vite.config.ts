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
import ts from 'typescript';

const entries = {
  dashboard: 'open-commitments',
  badge: 'open-commitment-badge',
} as const;

/**
 * Minifies the CSS of `css` templates in `*.styles.ts` files (the JS minifier leaves template
 * literals alone, and styles are a fifth of the bundle): drops comments and the spaces CSS does
 * not need (around the `*` of `calc(0.5 * var(--oc_u))` too), shortens `0.5` to `.5` and `#ffffff`
 * to `#fff`. Quoted strings are kept as written.
 */
function minifyLitCss(): Plugin {
  const tighten = (part: string, index: number): string =>
    index % 2 === 1
      ? part
      : part
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .replace(/\s+/g, ' ')
          .replace(/\s*([{};,>])\s*/g, '$1')
          .replace(/: /g, ':')
          .replace(/ !important/g, '!important')
          .replace(/ \* var\(/g, '*var(')
          .replace(/\( /g, '(')
          .replace(/ \)/g, ')')
          .replace(/;}/g, '}')
          .replace(/\b0\.(\d)/g, '.$1')
          .replace(/#([\da-f])\1([\da-f])\2([\da-f])\3\b/gi, '#$1$2$3');
  return {
    name: 'open-commitments:minify-lit-css',
    transform(code, id) {
      if (!id.endsWith('.styles.ts')) return undefined;
      const out = code.replace(/css`([^`]*)`/g, (_all, body: string) => {
        const tight = body
          .split(/('[^']*'|"[^"]*")/)
          .map(tighten)
          .join('')
          .trim();
        return `css\`${tight}\``;
      });
      return { code: out, map: null };
    },
  };
}

/**
 * Collapses each run of white space that holds a line break, in the text of Lit `html` templates,
 * to one space: the indentation of the templates' source is a tenth of the dashboard bundle once
 * minified, and HTML renders such a run as one space anyway (no template has `pre` text). The
 * templates are found with the TypeScript parser, so no other string is touched.
 */
function minifyLitHtml(): Plugin {
  return {
    name: 'open-commitments:minify-lit-html',
    transform(code, id) {
      if (!/\/widget\/.*\.ts$/.test(id) || !code.includes('html`')) return undefined;
      const source = ts.createSourceFile(id, code, ts.ScriptTarget.Latest, true);
      const texts: ts.Node[] = [];
      const visit = (node: ts.Node): void => {
        if (ts.isTaggedTemplateExpression(node) && node.tag.getText(source) === 'html') {
          const template = node.template;
          if (ts.isNoSubstitutionTemplateLiteral(template)) texts.push(template);
          else texts.push(template.head, ...template.templateSpans.map((span) => span.literal));
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
      let out = code;
      for (const text of texts.sort((a, b) => b.getStart(source) - a.getStart(source))) {
        const start = text.getStart(source);
        const end = text.getEnd();
        out =
          out.slice(0, start) + out.slice(start, end).replace(/\s*\n\s*/g, ' ') + out.slice(end);
      }
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
    plugins: [minifyLitCss(), minifyLitHtml()],
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
