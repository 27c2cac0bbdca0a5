// Geometry for both diagrams. MSAGL (@msagl/core) does the layered layout of the hierarchy and routes every edge
// around the nodes; the onion's rings are placed here, then MSAGL's spline router draws its lines.
import {
  Graph, GeomGraph, GeomNode, GeomEdge, Node, Edge, CurveFactory, Point, SugiyamaLayoutSettings, LayerDirectionEnum,
  EdgeRoutingMode, layoutGraphWithSugiayma, CancelToken, Curve, LineSegment, BezierSeg, SplineRouter,
} from '@msagl/core';
import { measure, wrap } from './text.js';

export const CAPTION_SIZE = 9.5;
export const ROUTED_ONION_LIMIT = 90;
export const LABEL_SIZE = 12.5;
export const NOTE_SIZE = 11;
const PAD = 9;
const STRIPE = 8;

/** Box size and wrapped text of one node; `narrow` for the onion, where boxes sit on rings. */
export function sizeNode(node, narrow) {
  if (node.role === 'outcome') {
    const centre = node.kind === 'outcomes';
    const size = centre ? 13.5 : 12;
    const lines = wrap(node.label, size, centre ? 120 : 104, true);
    const textW = Math.max(...lines.map(l => measure(l, size, true)));
    return { w: Math.max(textW + 34, centre ? 150 : 100), h: lines.length * (size + 3) + (centre ? 26 : 16), lines, size };
  }
  if (node.role === 'note') {
    const lines = (node.notes ?? []).flatMap(n => wrap(n, NOTE_SIZE, 196));
    const caption = node.kindLabel.toUpperCase();
    const textW = Math.max(measure(caption, CAPTION_SIZE, true) * 1.1, ...lines.map(l => measure(l, NOTE_SIZE)));
    return { w: textW + 2 * PAD + 4, h: PAD + 14 + lines.length * (NOTE_SIZE + 3.5) + PAD - 2, lines, size: NOTE_SIZE };
  }
  const max = narrow ? 128 : 164;
  const lines = wrap(node.label, LABEL_SIZE, max, true);
  const caption = node.kindLabel.toUpperCase();
  const textW = Math.max(measure(caption, CAPTION_SIZE, true) * 1.1, ...lines.map(l => measure(l, LABEL_SIZE, true)));
  const captionW = measure(caption, CAPTION_SIZE, true) * 1.1 + 2 * PAD + STRIPE;
  const w = Math.max(Math.min(Math.max(textW + 2 * PAD + STRIPE, narrow ? 118 : 132), max + 2 * PAD + STRIPE + 6), captionW);
  return { w, h: PAD + 13 + lines.length * (LABEL_SIZE + 3) + PAD - 1, lines, size: LABEL_SIZE };
}

function addNode(graph, id, w, h, centre) {
  const node = new Node(id);
  graph.addNode(node);
  const geom = new GeomNode(node);
  geom.boundaryCurve = CurveFactory.mkRectangleWithRoundedCorners(w, h, 3, 3, centre ?? new Point(0, 0));
  return geom;
}

function addEdges(graph, model, byId) {
  const edges = [];
  for (const e of model.edges) {
    const from = graph.findNode(e.from), to = graph.findNode(e.to);
    if (!from || !to || !byId.has(e.from) || !byId.has(e.to)) continue;
    const geom = new GeomEdge(new Edge(from, to));
    edges.push({ model: e, geom });
  }
  return edges;
}

/** An SVG path for an MSAGL curve: lines and Béziers exactly, anything else (arcs) sampled. */
export function curveToPath(curve) {
  if (!curve) return '';
  const f = n => (Math.round(n * 10) / 10).toString();
  const pt = p => `${f(p.x)},${f(p.y)}`;
  const segs = curve instanceof Curve ? curve.segs : [curve];
  let d = `M${pt(segs[0].start)}`;
  for (const s of segs) {
    if (s instanceof LineSegment) d += ` L${pt(s.end)}`;
    else if (s instanceof BezierSeg) d += ` C${pt(s.B(1))} ${pt(s.B(2))} ${pt(s.B(3))}`;
    else {
      const n = 10;
      for (let i = 1; i <= n; i++) d += ` L${pt(s.value(s.parStart + (s.parEnd - s.parStart) * i / n))}`;
    }
  }
  return d;
}

function collect(model, sizes, placed, edges, extent) {
  return {
    nodes: new Map(model.nodes.filter(n => placed.has(n.id)).map(n => {
      const c = placed.get(n.id);
      const s = sizes.get(n.id);
      return [n.id, { x: c.x - s.w / 2, y: c.y - s.h / 2, w: s.w, h: s.h, lines: s.lines, size: s.size }];
    })),
    edges: edges.map(({ model: e, geom }) => ({ edge: e, d: curveToPath(geom.curve) })).filter(e => e.d),
    ...extent,
  };
}

/**
 * The hierarchy by MSAGL's layered (Sugiyama) layout: lines run from the body that answers to the body it answers to,
 * layered bottom to top, so the LSP is on top and accountability points up. (The JavaScript port implements no layer
 * or order constraints, so a board's note is placed afterwards in the nearest free space beside the board.)
 */
export function layoutHierarchy(model) {
  const sizes = new Map(model.nodes.map(n => [n.id, sizeNode(n, false)]));
  const graph = new Graph('hierarchy');
  const geomGraph = new GeomGraph(graph);
  const bodies = model.nodes.filter(n => n.role !== 'note');
  const byId = new Map(bodies.map(n => [n.id, n]));
  const geom = new Map(bodies.map(n => [n.id, addNode(graph, n.id, sizes.get(n.id).w, sizes.get(n.id).h)]));
  const edges = addEdges(graph, { edges: model.edges.filter(e => e.kind !== 'note') }, byId);
  stackLeaves(graph, edges);

  const settings = new SugiyamaLayoutSettings();
  settings.layerDirection = LayerDirectionEnum.BT;
  settings.LayerSeparation = 46;
  settings.commonSettings.NodeSeparation = 22;
  settings.edgeRoutingSettings.EdgeRoutingMode = EdgeRoutingMode.SugiyamaSplines;
  geomGraph.layoutSettings = settings;
  layoutGraphWithSugiayma(geomGraph, new CancelToken(), true);

  const placed = new Map([...geom].map(([id, g]) => [id, { x: g.center.x, y: g.center.y }]));
  const boxes = [...placed].map(([id, c]) => box(c, sizes.get(id)));
  const leaders = [];
  for (const note of model.nodes.filter(n => n.role === 'note' && placed.has(n.anchor))) {
    const anchor = box(placed.get(note.anchor), sizes.get(note.anchor));
    const s = sizes.get(note.id);
    const spot = freeSpot(anchor, s, boxes);
    placed.set(note.id, spot);
    const b = box(spot, s);
    boxes.push(b);
    const edge = model.edges.find(e => e.kind === 'note' && e.from === note.id);
    if (edge) leaders.push({ model: edge, d: leader(b, anchor) });
  }

  let left = Infinity, top = Infinity, right = -Infinity, bottom = -Infinity;
  for (const b of boxes) { left = Math.min(left, b.l); top = Math.min(top, b.t); right = Math.max(right, b.r); bottom = Math.max(bottom, b.b); }
  const result = collect(model, sizes, placed, edges, { left: left - 14, top: top - 14, width: right - left + 28, height: bottom - top + 28 });
  result.edges.push(...leaders.map(l => ({ edge: l.model, d: l.d })));
  return result;
}

/**
 * A body answered to by many bodies that nothing answers to would spread them across one very wide layer. Such leaves
 * are stacked in short columns under their parent (an org chart's habit), held there by unseen edges between them;
 * their own lines still run to the parent, routed by MSAGL beside the column.
 */
function stackLeaves(graph, edges) {
  const inDegree = new Map(), out = new Map();
  for (const { model: e } of edges) {
    inDegree.set(e.to, (inDegree.get(e.to) ?? 0) + 1);
    out.set(e.from, [...(out.get(e.from) ?? []), e.to]);
  }
  const leavesOf = new Map();
  for (const [id, targets] of out) {
    if ((inDegree.get(id) ?? 0) > 0 || targets.length !== 1 || targets[0] === id) continue;
    leavesOf.set(targets[0], [...(leavesOf.get(targets[0]) ?? []), id]);
  }
  for (const leaves of leavesOf.values()) {
    if (leaves.length < 4) continue;
    const height = Math.ceil(Math.sqrt(leaves.length * 1.5));
    for (let i = 0; i < leaves.length; i++) {
      if (i % height === 0) continue;
      new GeomEdge(new Edge(graph.findNode(leaves[i]), graph.findNode(leaves[i - 1])));
    }
  }
}

const box = (c, s) => ({ l: c.x - s.w / 2, r: c.x + s.w / 2, t: c.y - s.h / 2, b: c.y + s.h / 2 });
const overlaps = (a, b, m) => a.l < b.r + m && b.l < a.r + m && a.t < b.b + m && b.t < a.b + m;

/** The first place beside the anchor (right, left, above, below, then further out) where a box of size s touches nothing. */
function freeSpot(anchor, s, boxes) {
  const cx = (anchor.l + anchor.r) / 2, cy = (anchor.t + anchor.b) / 2;
  for (let ring = 0; ring < 40; ring++) {
    const d = 26 + ring * 30;
    const candidates = [
      { x: anchor.r + d + s.w / 2, y: cy }, { x: anchor.l - d - s.w / 2, y: cy },
      { x: anchor.r + d + s.w / 2, y: anchor.t - s.h / 2 }, { x: anchor.r + d + s.w / 2, y: anchor.b + s.h / 2 },
      { x: cx, y: anchor.t - d - s.h / 2 }, { x: cx, y: anchor.b + d + s.h / 2 },
    ];
    const hit = candidates.find(c => !boxes.some(b => overlaps(box(c, s), b, 12)));
    if (hit) return hit;
  }
  return { x: anchor.r + 26 + s.w / 2, y: cy };
}

/** A straight leader from the note to the nearest side of its board. */
function leader(note, board) {
  const f = n => (Math.round(n * 10) / 10).toString();
  const nc = { x: (note.l + note.r) / 2, y: (note.t + note.b) / 2 };
  const bc = { x: (board.l + board.r) / 2, y: (board.t + board.b) / 2 };
  const clip = (bx, from, to) => {
    const dx = to.x - from.x, dy = to.y - from.y;
    const tx = dx === 0 ? Infinity : ((dx > 0 ? bx.r : bx.l) - from.x) / dx;
    const ty = dy === 0 ? Infinity : ((dy > 0 ? bx.b : bx.t) - from.y) / dy;
    const t = Math.min(tx, ty);
    return { x: from.x + dx * t, y: from.y + dy * t };
  };
  const a = clip(note, nc, bc), b = clip(board, bc, nc);
  return `M${f(a.x)},${f(a.y)} L${f(b.x)},${f(b.y)}`;
}

const ellipsePoint = (a, b, t) => ({ x: a * Math.cos(t), y: b * Math.sin(t) });

/**
 * Angles (radians, 0 = right, clockwise on screen) at equal arc length along an ellipse, leaving a gap at the top for
 * the ring's name and, while there is room elsewhere, keeping off the far left and right, where a wide box would need
 * a thick band.
 */
function spread(a, b, count, gapLength, avoidSides) {
  const steps = 720;
  const pts = [];
  let total = 0, prev = null;
  for (let i = 0; i <= steps; i++) {
    const t = -Math.PI / 2 + (2 * Math.PI * i) / steps;
    const p = ellipsePoint(a, b, t);
    const allowed = !avoidSides || Math.abs(Math.cos(t)) < 0.8;
    if (prev && allowed) total += Math.hypot(p.x - prev.x, p.y - prev.y);
    prev = p;
    pts.push({ t, s: total, allowed });
  }
  const usable = total - gapLength;
  const out = [];
  for (let k = 0; k < count; k++) {
    const target = gapLength / 2 + (usable * (k + 0.5)) / count;
    const hit = pts.find(q => q.allowed && q.s >= target) ?? pts[pts.length - 1];
    out.push(hit.t);
  }
  return { angles: out, perimeter: total };
}

/** True when a box centred at c lies wholly between the two ellipses (corners and side midpoints, with a margin). */
function fitsBand(c, s, inner, outer) {
  const m = 8;
  for (const [dx, dy] of [[-1, -1], [0, -1], [1, -1], [1, 0], [1, 1], [0, 1], [-1, 1], [-1, 0]]) {
    const x = c.x + (dx * s.w) / 2, y = c.y + (dy * s.h) / 2;
    if ((x / (outer.a - m)) ** 2 + (y / (outer.b - m)) ** 2 > 1) return false;
    if ((x / (inner.a + m)) ** 2 + (y / (inner.b + m)) ** 2 < 1) return false;
  }
  return true;
}

/**
 * The onion: the five outcomes around the centre, each ring an ellipse band holding its bodies (grouped by kind, in
 * the model's order), the LSP and agencies' governance in a row above, notes to the right. MSAGL routes the lines.
 */
export function layoutOnion(model) {
  const sizes = new Map(model.nodes.map(n => [n.id, sizeNode(n, true)]));
  const placed = new Map();
  const rings = [];

  const centre = model.nodes.find(n => n.kind === 'outcomes');
  const outcomes = model.nodes.filter(n => n.role === 'outcome' && n.kind !== 'outcomes');
  const ow = Math.max(0, ...outcomes.map(n => sizes.get(n.id).w));
  const oh = Math.max(0, ...outcomes.map(n => sizes.get(n.id).h));
  const rx = Math.max(150, ow * 1.25), ry = Math.max(62, oh * 1.9);
  if (centre) placed.set(centre.id, { x: 0, y: 0 });
  outcomes.forEach((n, i) => {
    const t = -Math.PI / 2 + (2 * Math.PI * i) / outcomes.length;
    placed.set(n.id, ellipsePoint(rx, ry, t));
  });
  let a = rx + ow / 2 + 26, b = ry + oh / 2 + 26;
  const centreRing = model.rings.find(r => r.id === 'outcomes');
  rings.push({ id: 'outcomes', label: centreRing?.label ?? 'Outcomes for children', a, b, inner: null });

  const ringIds = model.rings.filter(r => r.id !== 'outcomes').map(r => r.id).reverse();
  for (const id of ringIds) {
    const ring = model.rings.find(r => r.id === id);
    const members = model.nodes.filter(n => n.role === 'body' && n.layer === id);
    const mh = Math.max(30, ...members.map(n => sizes.get(n.id).h));
    const labelGap = measure(ring.label, 11, true) * 1.15 + 60;
    const need = members.reduce((sum, n) => sum + sizes.get(n.id).w + 30, 0) + labelGap;
    let tx = members.length ? 40 : 40, ty = members.length ? mh + 44 : 40;
    let angles = [], am = a + tx / 2, bm = b + ty / 2;
    for (let attempt = 0; attempt < 120; attempt++) {
      am = a + tx / 2; bm = b + ty / 2;
      const avoid = spread(am, bm, 0, 0, true).perimeter > need * 1.1;
      const { perimeter } = spread(am, bm, 0, 0, avoid);
      if (perimeter < need) { tx += 24; ty += 8; continue; }
      angles = spread(am, bm, members.length, labelGap, avoid).angles;
      const outer = { a: a + tx, b: b + ty };
      if (members.every((n, i) => fitsBand(ellipsePoint(am, bm, angles[i]), sizes.get(n.id), { a, b }, outer))) break;
      tx += 14; if (attempt % 3 === 2) ty += 6;
    }
    members.forEach((n, i) => placed.set(n.id, ellipsePoint(am, bm, angles[i])));
    const inner = { a, b };
    a += tx; b += ty;
    rings.push({ id, label: ring.label, a, b, inner });
  }

  const outside = model.nodes.filter(n => n.role === 'body' && !ringIds.includes(n.layer));
  outside.sort((x, y) => (x.kind === 'lsp' ? 0 : 1) - (y.kind === 'lsp' ? 0 : 1));
  const rowH = Math.max(0, ...outside.map(n => sizes.get(n.id).h));
  const rowW = outside.reduce((s, n) => s + sizes.get(n.id).w + 24, -24);
  let x = -rowW / 2;
  for (const n of outside) {
    const s = sizes.get(n.id);
    placed.set(n.id, { x: x + s.w / 2, y: -b - 46 - rowH / 2 });
    x += s.w + 24;
  }

  let noteY = -b / 2;
  for (const n of model.nodes.filter(n => n.role === 'note')) {
    const s = sizes.get(n.id);
    placed.set(n.id, { x: a + 40 + s.w / 2, y: noteY + s.h / 2 });
    noteY += s.h + 16;
  }

  const graph = new Graph('onion');
  const geomGraph = new GeomGraph(graph);
  const byId = new Map(model.nodes.map(n => [n.id, n]));
  for (const n of model.nodes) {
    const c = placed.get(n.id);
    if (!c) continue;
    addNode(graph, n.id, sizes.get(n.id).w, sizes.get(n.id).h, new Point(c.x, c.y));
  }
  const edges = addEdges(graph, model, byId);
  // MSAGL's spline router builds a visibility graph over every box: fine for the tens of bodies a Children's Trust has,
  // too slow for hundreds, where the lines are drawn straight between the boxes instead.
  const straight = model.nodes.length > ROUTED_ONION_LIMIT;
  if (!straight) new SplineRouter(geomGraph, edges.map(e => e.geom), 3, 10, Math.PI / 6).run();

  let minX = -a, maxX = a, minY = outside.length ? -b - 46 - rowH : -b, maxY = b;
  for (const [id, c] of placed) {
    const s = sizes.get(id);
    minX = Math.min(minX, c.x - s.w / 2); maxX = Math.max(maxX, c.x + s.w / 2);
    minY = Math.min(minY, c.y - s.h / 2); maxY = Math.max(maxY, c.y + s.h / 2);
  }
  const m = 12;
  const result = collect(model, sizes, placed, straight ? [] : edges, { left: minX - m, top: minY - m, width: maxX - minX + 2 * m, height: maxY - minY + 2 * m });
  if (straight) {
    for (const { model: e } of edges) {
      result.edges.push({ edge: e, d: leader(box(placed.get(e.from), sizes.get(e.from)), box(placed.get(e.to), sizes.get(e.to))) });
    }
  }
  result.rings = rings;
  return result;
}
