import { layoutHierarchy, layoutOnion } from './layout.js';
import { toSvg } from './svg.js';

/** Lays out a diagram model (hierarchy or onion) with MSAGL and returns it as a standalone SVG document. */
export function renderSvg(model, options = {}) {
  const geometry = model.type === 'onion' ? layoutOnion(model) : layoutHierarchy(model);
  return toSvg(model, geometry, options);
}
