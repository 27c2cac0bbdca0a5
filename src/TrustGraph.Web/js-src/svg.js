// Draws a laid-out diagram as one standalone SVG document: heading, rings, lines, nodes, overlays and a key.
// Every piece of data reaches the document through esc() or token(): names are text, never markup.
import { esc, token, measure, wrap, FONT } from './text.js';
import { CAPTION_SIZE, LABEL_SIZE } from './layout.js';
import { kindStyle, edgeStyle, defs, css, KIND_STYLES, EDGE_STYLES, INK, GREY, RED, FOCUS, BLUE } from './styles.js';

const MARGIN = 24;
const HEADER = 64;
const RING_FILLS = { governance: '#e3ecf5', strategy: '#ebf2e6', processes: '#f2ecf6', delivery: '#faf1e6', outcomes: '#ffffff' };
const f = n => (Math.round(n * 10) / 10).toString();

function textLines(lines, x, y, size, lineHeight, attrs = '') {
  const spans = lines.map((l, i) => `<tspan x="${f(x)}" dy="${i === 0 ? 0 : f(lineHeight)}">${esc(l)}</tspan>`).join('');
  return `<text x="${f(x)}" y="${f(y)}" font-size="${size}" ${attrs}>${spans}</text>`;
}

function bodyNode(p, n, g) {
  const s = kindStyle(n.kind);
  const { x, y, w, h } = g;
  const classes = ['tg-node', 'tg-body', ...n.classes.map(token)].join(' ');
  const stripeX = x + s.frame / 2, stripeY = y + s.frame / 2;
  let out = `<g class="${classes}" data-id="${esc(n.id)}" tabindex="0" role="button" aria-label="${esc(`${n.label} (${n.kindLabel})`)}">`;
  out += `<title>${esc(n.label)}${n.description ? ' — ' + esc(n.description) : ''}</title>`;
  out += `<rect class="tg-halo" x="${f(x - 7)}" y="${f(y - 7)}" width="${f(w + 14)}" height="${f(h + 14)}" rx="${s.radius + 6}" fill="${FOCUS}" stroke="${INK}" stroke-width="3"/>`;
  out += `<rect class="tg-sel" x="${f(x - 5)}" y="${f(y - 5)}" width="${f(w + 10)}" height="${f(h + 10)}" rx="${s.radius + 4}" fill="none" stroke="${BLUE}" stroke-width="3.5"/>`;
  out += `<g class="tg-cut"><rect x="${f(x - 6)}" y="${f(y - 6)}" width="${f(w + 12)}" height="${f(h + 12)}" rx="${s.radius + 5}" fill="none" stroke="${RED}" stroke-width="2.5" stroke-dasharray="6 3"/>`
    + `<rect x="${f(x + w - 92)}" y="${f(y + h + 2)}" width="90" height="13" fill="${RED}"/><text x="${f(x + w - 47)}" y="${f(y + h + 12)}" font-size="8.5" font-weight="700" text-anchor="middle" fill="#ffffff" style="fill:#ffffff">NO PATH TO LSP</text></g>`;
  if (s.double) out += `<rect x="${f(x - 4)}" y="${f(y - 4)}" width="${f(w + 8)}" height="${f(h + 8)}" fill="none" stroke="${s.colour}" stroke-width="1.2"/>`;
  out += `<rect class="tg-frame" x="${f(x)}" y="${f(y)}" width="${f(w)}" height="${f(h)}" rx="${s.radius}" fill="${s.fill}" stroke="${s.colour}" stroke-width="${s.frame}"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''} filter="url(#${p}-shadow)"/>`;
  out += `<rect x="${f(stripeX)}" y="${f(stripeY)}" width="8" height="${f(h - s.frame)}" fill="url(#${p}-pat-${token(n.kind)})"/>`;
  const tx = x + 8 + 9;
  out += `<text class="tg-caption" x="${f(tx)}" y="${f(y + 17)}" font-size="${CAPTION_SIZE}" font-weight="700" letter-spacing="0.5" fill="${GREY}" style="fill:${GREY}">${esc(n.kindLabel.toUpperCase())}</text>`;
  out += textLines(g.lines, tx, y + 33, LABEL_SIZE, LABEL_SIZE + 3, 'font-weight="700" class="tg-label"');
  if (n.badge) {
    const bx = x + w, by = y;
    out += `<g class="tg-overlay ov-${token(n.badge.overlay)} tg-badge"><title>${esc(n.badge.title)}</title>`
      + `<circle cx="${f(bx)}" cy="${f(by)}" r="11" fill="#ffffff" stroke="${INK}" stroke-width="2"/><circle cx="${f(bx)}" cy="${f(by)}" r="7.5" fill="${INK}"/>`
      + `<text x="${f(bx)}" y="${f(by + 3.6)}" font-size="10" font-weight="700" text-anchor="middle" fill="#ffffff" style="fill:#ffffff">${esc(n.badge.text)}</text></g>`;
  }
  out += `<rect class="tg-focus" x="${f(x - 4)}" y="${f(y - 4)}" width="${f(w + 8)}" height="${f(h + 8)}" rx="${s.radius + 3}" fill="none" stroke="${INK}" stroke-width="3"/>`;
  return out + '</g>';
}

function outcomeNode(p, n, g) {
  const { x, y, w, h } = g;
  const centre = n.kind === 'outcomes';
  const fill = centre ? INK : '#ffffff', ink = centre ? '#ffffff' : INK;
  let out = `<g class="tg-node tg-outcome ${n.classes.map(token).join(' ')}" data-id="${esc(n.id)}" tabindex="0" role="button" aria-label="${esc(n.label)}">`;
  out += `<title>${esc(n.description || n.label)}</title>`;
  out += `<rect class="tg-halo" x="${f(x - 6)}" y="${f(y - 6)}" width="${f(w + 12)}" height="${f(h + 12)}" rx="${f(h / 2 + 6)}" fill="${FOCUS}" stroke="${INK}" stroke-width="3"/>`;
  out += `<rect class="tg-sel" x="${f(x - 5)}" y="${f(y - 5)}" width="${f(w + 10)}" height="${f(h + 10)}" rx="${f(h / 2 + 5)}" fill="none" stroke="${BLUE}" stroke-width="3.5"/>`;
  out += `<rect class="tg-frame" x="${f(x)}" y="${f(y)}" width="${f(w)}" height="${f(h)}" rx="${f(h / 2)}" fill="${fill}" stroke="${INK}" stroke-width="${centre ? 2 : 1.5}"/>`;
  const lh = g.size + 3;
  const y0 = y + h / 2 - ((g.lines.length - 1) * lh) / 2 + g.size * 0.35;
  out += textLines(g.lines, x + w / 2, y0, g.size, lh, `font-weight="700" text-anchor="middle" fill="${ink}" style="fill:${ink}"`);
  out += `<rect class="tg-focus" x="${f(x - 4)}" y="${f(y - 4)}" width="${f(w + 8)}" height="${f(h + 8)}" rx="${f(h / 2 + 4)}" fill="none" stroke="${FOCUS}" stroke-width="3"/>`;
  return out + '</g>';
}

function noteNode(p, n, g) {
  const { x, y, w, h } = g;
  let out = `<g class="tg-note ${n.classes.map(token).join(' ')}" data-id="${esc(n.id)}"><title>${esc(n.description)}</title>`;
  out += `<path d="M${f(x)},${f(y)} h${f(w - 10)} l10,10 v${f(h - 10)} h${f(-w)} z" fill="#fff7d1" stroke="#8a6d1f" stroke-width="1.2"/>`;
  out += `<path d="M${f(x + w - 10)},${f(y)} v10 h10" fill="none" stroke="#8a6d1f" stroke-width="1.2"/>`;
  out += `<text x="${f(x + 9)}" y="${f(y + 16)}" font-size="${CAPTION_SIZE}" font-weight="700" letter-spacing="0.5" fill="#594d00" style="fill:#594d00">${esc(n.kindLabel.toUpperCase())}</text>`;
  out += textLines(g.lines, x + 9, y + 31, g.size, g.size + 3.5);
  return out + '</g>';
}

function edgePath(p, e, d) {
  const s = edgeStyle(e.kind);
  const classes = ['tg-edge', `kind-${token(e.kind)}`, ...e.classes.map(token)].join(' ');
  const marker = s.marker ? ` marker-end="url(#${p}-${s.marker})"` : '';
  return `<g class="${classes}" data-id="${esc(e.id)}" data-from="${esc(e.from)}" data-to="${esc(e.to)}">`
    + `<path class="tg-edge-path" d="${d}" fill="none" stroke="${s.stroke}" stroke-width="${s.width}"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}`
    + `${s.opacity ? ` opacity="${s.opacity}"` : ''} stroke-linecap="round"${marker}/></g>`;
}

function rings(geometry) {
  if (!geometry.rings) return '';
  let out = '<g class="tg-rings">';
  for (const r of [...geometry.rings].reverse()) {
    out += `<ellipse cx="0" cy="0" rx="${f(r.a)}" ry="${f(r.b)}" fill="${RING_FILLS[r.id] ?? '#ffffff'}" stroke="#8e979c" stroke-width="${r.id === 'outcomes' ? 2 : 1.2}"/>`;
  }
  for (const r of geometry.rings.filter(r => r.inner)) {
    out += `<text x="0" y="${f(-r.b + 19)}" font-size="11" font-weight="700" letter-spacing="0.8" text-anchor="middle" fill="${GREY}" style="fill:${GREY}">${esc(r.label.toUpperCase())}</text>`;
  }
  return out + '</g>';
}

/** The key: every kind of body and line drawn, and the overlays; wraps into columns across `width`. */
function legend(p, model, width) {
  const items = [];
  const kinds = [...new Map(model.nodes.filter(n => n.role === 'body').map(n => [n.kind, n.kindLabel])).entries()]
    .sort((a, b) => Object.keys(KIND_STYLES).indexOf(a[0]) - Object.keys(KIND_STYLES).indexOf(b[0]));
  for (const [kind, label] of kinds) {
    const s = kindStyle(kind);
    items.push({ label, draw: (x, y) =>
      `<rect x="${x}" y="${y - 9}" width="26" height="14" rx="${Math.min(s.radius, 4)}" fill="${s.fill}" stroke="${s.colour}" stroke-width="${Math.min(s.frame, 2)}"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`
      + `<rect x="${x + 1}" y="${y - 8}" width="7" height="12" fill="url(#${p}-pat-${token(kind)})"/>` });
  }
  const kindsOfLines = new Set(model.edges.filter(e => !e.classes.includes('tg-overlay')).map(e => e.kind));
  for (const [kind, s] of Object.entries(EDGE_STYLES).filter(([k]) => kindsOfLines.has(k))) {
    items.push({ label: s.label, draw: (x, y) =>
      `<path d="M${x},${y - 2} h24" stroke="${s.stroke}" stroke-width="${s.width}"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''} stroke-linecap="round"${s.marker ? ` marker-end="url(#${p}-${s.marker})"` : ''}/>` });
  }
  const checks = new Set(model.overlays.filter(o => o.count > 0).map(o => o.check));
  const overlay = (check, label, draw) => { if (checks.has(check)) items.push({ label, draw, cls: `tg-overlay ov-${check}` }); };
  overlay('accountability-cycle', 'Line in an accountability cycle', (x, y) => `<path d="M${x},${y - 2} h24" stroke="${RED}" stroke-width="3.2" marker-end="url(#${p}-arrow-red)"/>`);
  overlay('lsp-reporting-gap', 'No path to the LSP', (x, y) => `<rect x="${x}" y="${y - 10}" width="26" height="16" rx="3" fill="none" stroke="${RED}" stroke-width="2.2" stroke-dasharray="5 2.5"/>`);
  overlay('duplicated-membership', 'People who also sit on other bodies', (x, y) => `<circle cx="${x + 12}" cy="${y - 2}" r="8" fill="#fff" stroke="${INK}" stroke-width="2"/><circle cx="${x + 12}" cy="${y - 2}" r="5" fill="${INK}"/>`);
  overlay('missing-relevant-partner', "Board's missing relevant partners", (x, y) => `<path d="M${x},${y - 9} h18 l6,6 v10 h-24 z" fill="#fff7d1" stroke="#8a6d1f"/>`);

  const colW = 250, rowH = 22;
  const cols = Math.max(1, Math.floor((width - 2 * MARGIN) / colW));
  const rows = Math.ceil(items.length / cols);
  let out = `<g class="tg-legend"><text x="${MARGIN}" y="18" font-size="12" font-weight="700">Key</text>`;
  items.forEach((item, i) => {
    const x = MARGIN + (i % cols) * colW, y = 42 + Math.floor(i / cols) * rowH;
    out += `<g${item.cls ? ` class="${item.cls}"` : ''}>${item.draw(x, y)}<text x="${x + 34}" y="${y + 2}" font-size="11.5">${esc(item.label)}</text></g>`;
  });
  return { svg: out + '</g>', height: 42 + rows * rowH };
}

const SUBTITLES = {
  hierarchy: 'Hierarchy: each line points from a body to the body it answers to; the Local Strategic Partnership is at the top.',
  onion: 'Onion (DCSF): bodies on their ring, outside in; lines from a body to the outcomes its duties serve.',
};

/** The whole document. options.idPrefix keeps ids unique on a page; options.overlays lists the checks shown. */
export function toSvg(model, geometry, options = {}) {
  const p = token(options.idPrefix ?? 'tg');
  const checks = model.overlays.map(o => token(o.check));
  const shown = (options.overlays ?? checks).map(c => `show-${token(c)}`);
  const bodyW = geometry.width + 2 * MARGIN;
  const width = Math.ceil(Math.max(bodyW, 720));
  const key = legend(p, model, width);
  const height = Math.ceil(HEADER + geometry.height + MARGIN + key.height + 12);
  const dx = (width - geometry.width) / 2 - geometry.left, dy = HEADER - geometry.top;

  let out = `<svg xmlns="http://www.w3.org/2000/svg" id="${p}" class="tg-diagram tg-${token(model.type)} ${shown.join(' ')}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${p}-title ${p}-desc">`;
  out += `<title id="${p}-title">${esc(model.title)}: ${esc(model.type)}</title><desc id="${p}-desc">${esc(SUBTITLES[model.type] ?? '')}</desc>`;
  out += css(p, checks) + defs(p);
  out += `<rect class="tg-bg" x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`;
  out += `<g class="tg-heading"><text x="${MARGIN}" y="30" font-size="19" font-weight="700">${esc(model.title)}</text>`
    + `<text x="${MARGIN}" y="49" font-size="12" fill="${GREY}" style="fill:${GREY}">${esc(SUBTITLES[model.type] ?? '')}</text></g>`;
  out += `<g class="tg-content" transform="translate(${f(dx)},${f(dy)})">`;
  out += rings(geometry);
  out += '<g class="tg-edges">' + geometry.edges.map(e => edgePath(p, e.edge, e.d)).join('') + '</g>';
  out += '<g class="tg-nodes">';
  for (const n of model.nodes) {
    const g = geometry.nodes.get(n.id);
    if (!g) continue;
    out += n.role === 'outcome' ? outcomeNode(p, n, g) : n.role === 'note' ? noteNode(p, n, g) : bodyNode(p, n, g);
  }
  out += '</g></g>';
  out += `<g transform="translate(0,${f(HEADER + geometry.height + MARGIN)})"><path d="M${MARGIN},2 H${width - MARGIN}" stroke="#b1b4b6"/>${key.svg}</g>`;
  return out + '</svg>';
}
