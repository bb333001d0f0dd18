// One linter for the whole tree. Besides the recommended rules it bans every way that feed text
// could become markup or code, and keeps the one-way layering: widget -> shared, extension -> shared.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const markupSinks = [
  {
    selector: 'AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]',
    message: 'Feed data is text: never assign innerHTML/outerHTML.',
  },
  {
    selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
    message: 'Feed data is text: never insertAdjacentHTML.',
  },
  {
    selector: "CallExpression[callee.property.name='createContextualFragment']",
    message: 'Feed data is text: never parse it as HTML.',
  },
  {
    selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
    message: 'Feed data is text: never dangerouslySetInnerHTML.',
  },
  {
    selector: "JSXAttribute[name.name=/^on[a-z]+$/][value.type='Literal']",
    message: 'No inline on* handler strings.',
  },
  {
    selector: "CallExpression[callee.property.name='setAttribute'][arguments.0.value=/^on/i]",
    message: 'No on* attributes built from data.',
  },
  {
    selector: "CallExpression[callee.name='setTimeout'][arguments.0.type='Literal']",
    message: 'No string evaluation through setTimeout.',
  },
];

const unsafeLitImports = [
  { name: 'lit/directives/unsafe-html.js', message: 'unsafeHTML is banned: feed data is text.' },
  { name: 'lit/directives/unsafe-svg.js', message: 'unsafeSVG is banned: feed data is text.' },
  {
    name: 'lit-html/directives/unsafe-html.js',
    message: 'unsafeHTML is banned: feed data is text.',
  },
  { name: 'lit-html/directives/unsafe-svg.js', message: 'unsafeSVG is banned: feed data is text.' },
];

const frameworks = [
  'lit',
  'lit/*',
  'lit-html',
  'lit-html/*',
  '@lit/*',
  'preact',
  'preact/*',
  '@preact/*',
  'wxt',
  'wxt/*',
  '#imports',
  'webextension-polyfill',
  'idb-keyval',
];
const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'http',
  'https',
  'url',
  'crypto',
  'stream',
  'util',
];

export default tseslint.config(
  {
    ignores: ['node_modules', '.output', '.wxt', 'dist', 'test-results', '**/*.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
    },
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-script-url': 'error',
      'no-restricted-syntax': ['error', ...markupSinks],
      'no-restricted-imports': ['error', { paths: unsafeLitImports }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/cli/**', 'shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: unsafeLitImports,
          patterns: [
            { group: frameworks, message: 'shared/ is framework-free.' },
            { group: nodeBuiltins, message: 'shared/ runs in browsers: Node only in shared/cli/.' },
            {
              group: ['**/widget/**', '**/extension/**'],
              message: 'shared/ imports neither front end.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['widget/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: unsafeLitImports,
          patterns: [{ group: ['**/extension/**'], message: 'widget/ never imports extension/.' }],
        },
      ],
    },
  },
  {
    files: ['extension/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: unsafeLitImports,
          patterns: [
            {
              group: ['**/widget/**'],
              message: 'extension/ never imports widget/ source (it may load the built widget).',
            },
          ],
        },
      ],
    },
  },
);
