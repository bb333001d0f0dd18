// The custom elements manifest of the widget, for editors, CDNs and docs: read from the doc
// comments (@summary, @attr, @csspart, @cssprop, @fires) of the component classes.
export default {
  globs: ['widget/components/*/*.ts'],
  exclude: ['**/*.test.ts', '**/*.styles.ts'],
  outdir: 'dist/widget',
  litelement: true,
};
