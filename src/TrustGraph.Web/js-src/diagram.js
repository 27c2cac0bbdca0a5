// TrustGraph's diagram module: one ES module for the browser (the viewer imports it per diagram component) and for
// Node (diagram-cli.mjs draws the static SVG files and the reports' diagrams). It touches no DOM until mount().
import { DiagramView } from './view.js';
export { renderSvg } from './render.js';
export { esc, wrap, measure } from './text.js';

/** Binds an interactive diagram to `host`; `dotNet` receives NodeSelected(id). Returned to .NET as an IJSObjectReference. */
export function mount(host, dotNet) {
  return new DiagramView(host, dotNet);
}
