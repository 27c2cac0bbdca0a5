// Bundles js-src/diagram.js and @msagl/core into one ES module, wwwroot/js/diagram.bundle.js, that the browser
// imports and diagram-cli.mjs runs under Node. Run by the MSBuild target BundleDiagramModule (npm ci first).
import { build } from 'esbuild';

await build({
  entryPoints: ['js-src/diagram.js'],
  outfile: 'wwwroot/js/diagram.bundle.js',
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  mainFields: ['module', 'main'],
  target: ['es2022'],
  minify: true,
  sourcemap: false,
  legalComments: 'eof',
  logLevel: 'warning',
});
