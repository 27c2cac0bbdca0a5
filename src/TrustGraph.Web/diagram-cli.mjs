#!/usr/bin/env node
// Reads a diagram model (JSON, as TrustGraph.Diagrams serialises it) on stdin and writes the SVG on stdout.
// Given a JSON array of models it writes a JSON array of SVG documents (one node process for a whole batch).
// Usage: node diagram-cli.mjs < model.json > diagram.svg
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

// MSAGL logs timings with console.log; stdout carries only the drawing.
console.log = (...args) => process.stderr.write(args.join(' ') + '\n');

const here = dirname(fileURLToPath(import.meta.url));
const bundle = [join(here, 'wwwroot', 'js', 'diagram.bundle.js'), join(here, 'diagram.bundle.js')].find(existsSync);
if (!bundle) {
  process.stderr.write(`diagram bundle not built: expected ${join(here, 'wwwroot', 'js', 'diagram.bundle.js')}; run 'dotnet build src/TrustGraph.Web' (it runs npm ci and esbuild)\n`);
  process.exit(3);
}
const { renderSvg } = await import(pathToFileURL(bundle).href);

let input;
try {
  input = JSON.parse(readFileSync(0, 'utf8'));
} catch (e) {
  process.stderr.write(`the input is not JSON: ${e.message}\n`);
  process.exit(2);
}
const draw = (model, i) => renderSvg(model, { idPrefix: `tg${i}` });
process.stdout.write(Array.isArray(input) ? JSON.stringify(input.map(draw)) : draw(input, 0));
