// How each kind of body and line is drawn. Every kind differs in more than colour (a stripe pattern, a frame style,
// a line dash), and each node names its kind in words, so the diagrams read in greyscale and in print.
import { FONT } from './text.js';

export const INK = '#0b0c0c';
export const GREY = '#505a5f';
export const RED = '#d4351c';
export const FOCUS = '#ffdd00';
export const BLUE = '#1d70b8';

/** stripe: colour and pattern of the band on the node's left; frame: border width, dash and corner radius; fill: background. */
export const KIND_STYLES = {
  'lsp':               { colour: '#003078', pattern: 'solid',   frame: 2.5, dash: '',      radius: 0, fill: '#e8f0f8', double: true },
  'trust-board':       { colour: '#1d70b8', pattern: 'solid',   frame: 2.5, dash: '',      radius: 4, fill: '#ffffff' },
  'executive':         { colour: '#12436d', pattern: 'hlines',  frame: 1.5, dash: '',      radius: 4, fill: '#ffffff' },
  'commissioning':     { colour: '#00703c', pattern: 'hatch',   frame: 1.5, dash: '',      radius: 4, fill: '#ffffff' },
  'thematic':          { colour: '#4c2c92', pattern: 'dots',    frame: 1.2, dash: '',      radius: 4, fill: '#ffffff' },
  'locality':          { colour: '#28a197', pattern: 'vlines',  frame: 1.2, dash: '',      radius: 10, fill: '#ffffff' },
  'safeguarding':      { colour: '#942514', pattern: 'cross',   frame: 2,   dash: '',      radius: 4, fill: '#ffffff' },
  'advisory':          { colour: '#6f72af', pattern: 'backhatch', frame: 1.5, dash: '5 3', radius: 4, fill: '#ffffff' },
  'support':           { colour: '#6f777b', pattern: 'sparse',  frame: 1,   dash: '',      radius: 2, fill: '#ffffff' },
  'network':           { colour: '#b58840', pattern: 'grid',    frame: 1.2, dash: '1.5 2.5', radius: 10, fill: '#ffffff' },
  'agency-governance': { colour: '#505a5f', pattern: 'solid',   frame: 1.5, dash: '',      radius: 0, fill: '#f3f2f1' },
  'sub-group':         { colour: '#85994b', pattern: 'checker', frame: 1,   dash: '',      radius: 2, fill: '#ffffff' },
};
const FALLBACK = { colour: GREY, pattern: 'solid', frame: 1, dash: '', radius: 2, fill: '#ffffff' };
export const kindStyle = kind => KIND_STYLES[kind] ?? FALLBACK;

/** Accountability lines and the other lines a diagram draws, in the order the key lists them. */
export const EDGE_STYLES = {
  'accountable-to': { label: 'Accountable to', stroke: INK, width: 1.8, dash: '', marker: 'arrow' },
  'reports-to':     { label: 'Reports to', stroke: INK, width: 1.6, dash: '7 4', marker: 'arrow' },
  'advises':        { label: 'Advises', stroke: GREY, width: 1.8, dash: '0.5 4', marker: 'open' },
  'observes':       { label: 'Observes', stroke: GREY, width: 0.8, dash: '', marker: 'open' },
  'part-of':        { label: 'Part of (containment)', stroke: GREY, width: 1.2, dash: '10 3 2 3', marker: 'diamond' },
  'serves':         { label: 'Duty serves outcome', stroke: '#6f777b', width: 0.9, dash: '', marker: 'dot', opacity: 0.75 },
  'note':           { label: 'Note', stroke: '#b1b4b6', width: 1, dash: '2 2', marker: '' },
};
export const edgeStyle = kind => EDGE_STYLES[kind] ?? EDGE_STYLES['observes'];

function patternBody(name, colour) {
  switch (name) {
    case 'hlines': return `<rect width="6" height="6" fill="#fff"/><rect width="6" height="3" fill="${colour}"/>`;
    case 'vlines': return `<rect width="6" height="6" fill="#fff"/><rect width="3" height="6" fill="${colour}"/>`;
    case 'hatch': return `<rect width="6" height="6" fill="#fff"/><path d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2" stroke="${colour}" stroke-width="2"/>`;
    case 'backhatch': return `<rect width="6" height="6" fill="#fff"/><path d="M-1,5 l2,2 M0,0 l6,6 M5,-1 l2,2" stroke="${colour}" stroke-width="2"/>`;
    case 'cross': return `<rect width="6" height="6" fill="#fff"/><path d="M0,0 l6,6 M6,0 l-6,6" stroke="${colour}" stroke-width="1.6"/>`;
    case 'dots': return `<rect width="6" height="6" fill="#fff"/><circle cx="3" cy="3" r="1.8" fill="${colour}"/>`;
    case 'sparse': return `<rect width="6" height="6" fill="#fff"/><circle cx="3" cy="3" r="1" fill="${colour}"/>`;
    case 'grid': return `<rect width="6" height="6" fill="#fff"/><path d="M0,0.5 h6 M0.5,0 v6" stroke="${colour}" stroke-width="1.2"/>`;
    case 'checker': return `<rect width="6" height="6" fill="#fff"/><rect width="3" height="3" fill="${colour}"/><rect x="3" y="3" width="3" height="3" fill="${colour}"/>`;
    default: return `<rect width="6" height="6" fill="${colour}"/>`;
  }
}

/** Patterns and arrowheads, with ids prefixed so several diagrams can share a page. */
export function defs(p) {
  const patterns = Object.entries(KIND_STYLES).map(([kind, s]) =>
    `<pattern id="${p}-pat-${kind}" width="6" height="6" patternUnits="userSpaceOnUse">${patternBody(s.pattern, s.colour)}</pattern>`).join('');
  const marker = (id, colour, body, w = 10, h = 10, refX = 9) =>
    `<marker id="${p}-${id}" viewBox="0 0 10 10" refX="${refX}" refY="5" markerWidth="${w}" markerHeight="${h}" markerUnits="userSpaceOnUse" orient="auto">${body.replaceAll('C', colour)}</marker>`;
  return `<defs>${patterns}`
    + marker('arrow', INK, '<path d="M0,0 L10,5 L0,10 z" fill="C"/>')
    + marker('arrow-red', RED, '<path d="M0,0 L10,5 L0,10 z" fill="C"/>', 12, 12)
    + marker('open', GREY, '<path d="M1,1 L9,5 L1,9" fill="none" stroke="C" stroke-width="1.5"/>')
    + marker('diamond', GREY, '<path d="M0,5 L5,1 L10,5 L5,9 z" fill="C"/>', 12, 10, 10)
    + marker('dot', '#6f777b', '<circle cx="5" cy="5" r="3.5" fill="C"/>', 7, 7, 5)
    + `<filter id="${p}-shadow" x="-10%" y="-10%" width="130%" height="140%"><feDropShadow dx="0" dy="1.5" stdDeviation="1.5" flood-color="#0b0c0c" flood-opacity="0.18"/></filter>`
    + `</defs>`;
}

/** The diagram's own stylesheet, scoped to its root id; overlays show when the root carries show-CHECK. */
export function css(p, checks) {
  const shown = checks.map(c => `#${p}.show-${c} .tg-overlay.ov-${c}`).join(',');
  return `<style>
#${p}{font-family:${FONT};}
#${p} text{font-family:${FONT};fill:${INK};}
#${p} .tg-overlay{display:none;}
${shown ? `${shown}{display:inline;}` : ''}
#${p} .tg-node{cursor:pointer;outline:none;}
#${p} .tg-node .tg-focus,#${p} .tg-node .tg-halo,#${p} .tg-node .tg-sel{display:none;}
#${p} .tg-node:focus-visible .tg-focus{display:inline;}
#${p} .tg-node.tg-selected .tg-sel{display:inline;}
#${p}.tg-highlighting .tg-node:not(.tg-hl),#${p}.tg-highlighting .tg-edge{opacity:0.3;}
#${p} .tg-node.tg-hl .tg-halo{display:inline;}
#${p}.show-accountability-cycle .tg-edge.ov-accountability-cycle .tg-edge-path{stroke:${RED};stroke-width:3.2;stroke-dasharray:none;marker-end:url(#${p}-arrow-red);}
#${p}.show-accountability-cycle .tg-node.ov-accountability-cycle .tg-frame{stroke:${RED};stroke-width:3;}
#${p} .tg-cut{display:none;}
#${p}.show-lsp-reporting-gap .tg-node.ov-lsp-reporting-gap .tg-cut{display:inline;}
#${p} .tg-edge .tg-edge-hit{stroke:transparent;stroke-width:8;fill:none;}
</style>`;
}
