// The interactive diagram in the browser. The server lays out and draws the SVG (TrustGraph.Diagrams.DiagramSvg);
// this module only shows it: fit, pan and zoom, keyboard, click to select (calls .NET), highlight, overlays, and
// export as SVG or PNG. One view per diagram component; dispose() removes every listener.

const MIN_FIT = 0.2;

class DiagramView {
  constructor(host, dotNet) {
    this.host = host;
    this.dotNet = dotNet;
    this.svg = null;
    this.view = null;
    this.full = null;
    this.fitted = true;
    this.drag = null;
    this.listeners = [];
    this.on(host, 'wheel', e => this.onWheel(e), { passive: false });
    this.on(host, 'pointerdown', e => this.onPointerDown(e));
    this.on(host, 'pointermove', e => this.onPointerMove(e));
    this.on(host, 'pointerup', () => this.onPointerUp());
    this.on(host, 'pointercancel', () => { this.drag = null; });
    this.on(host, 'keydown', e => this.onKey(e));
    this.on(host, 'click', e => this.onClick(e));
    this.resize = new ResizeObserver(() => { if (this.fitted) this.fit(); });
    this.resize.observe(host.parentElement ?? host);
  }

  on(target, type, handler, options) {
    target.addEventListener(type, handler, options);
    this.listeners.push(() => target.removeEventListener(type, handler, options));
  }

  /** Shows a drawing made by the server; returns the milliseconds it took to put it on the page. */
  render(markup, state) {
    const start = performance.now();
    this.host.replaceChildren(parseSvg(markup));
    const prerendered = this.host.parentElement?.querySelector(':scope > .diagram-static');
    if (prerendered) prerendered.hidden = true;
    this.svg = this.host.querySelector('svg');
    const w = Number(this.svg.getAttribute('width')), h = Number(this.svg.getAttribute('height'));
    this.full = { x: 0, y: 0, w, h };
    this.svg.setAttribute('width', '100%');
    this.svg.setAttribute('height', '100%');
    this.svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');
    this.fit();
    this.select(state?.selected ?? null);
    this.highlight(state?.highlighted ?? []);
    const ms = performance.now() - start;
    this.host.dataset.renderMs = ms.toFixed(1);
    this.host.dataset.nodes = String(this.svg.querySelectorAll('.tg-node').length);
    return ms;
  }

  setOverlays(checks) {
    if (!this.svg) return;
    for (const c of [...this.svg.classList].filter(c => c.startsWith('show-'))) this.svg.classList.remove(c);
    for (const c of checks ?? []) this.svg.classList.add(`show-${c}`);
  }

  highlight(ids) {
    if (!this.svg) return;
    const set = new Set(ids ?? []);
    this.svg.classList.toggle('tg-highlighting', set.size > 0);
    for (const node of this.svg.querySelectorAll('.tg-node')) node.classList.toggle('tg-hl', set.has(node.dataset.id));
  }

  select(id) {
    if (!this.svg) return;
    for (const node of this.svg.querySelectorAll('.tg-node')) {
      const on = id != null && node.dataset.id === id;
      node.classList.toggle('tg-selected', on);
      node.setAttribute('aria-pressed', on ? 'true' : 'false');
    }
  }

  setView(v) {
    this.view = v;
    this.svg?.setAttribute('viewBox', `${v.x} ${v.y} ${v.w} ${v.h}`);
  }

  /**
   * The default view: the whole drawing across the panel's width, never enlarged, and the panel as tall as the drawing
   * then is, so the text keeps the size it was drawn at rather than shrinking to fit a fixed box.
   */
  fit() {
    if (!this.full) return;
    this.fitted = true;
    const width = this.host.clientWidth || this.full.w;
    const scale = Math.max(MIN_FIT, Math.min(1, width / this.full.w));
    this.host.style.height = `${Math.ceil(this.full.h * scale)}px`;
    this.setView({ ...this.full });
  }

  zoom(factor, cx, cy) {
    if (!this.view) return;
    this.fitted = false;
    const v = this.view;
    const w = Math.min(Math.max(v.w / factor, this.full.w / 20), this.full.w * 4);
    const k = w / v.w;
    const px = cx ?? v.x + v.w / 2, py = cy ?? v.y + v.h / 2;
    this.setView({ x: px - (px - v.x) * k, y: py - (py - v.y) * k, w, h: v.h * k });
  }

  pan(dx, dy) {
    if (!this.view) return;
    this.fitted = false;
    this.setView({ ...this.view, x: this.view.x + dx, y: this.view.y + dy });
  }

  /** The point under the mouse, in the diagram's coordinates. */
  toDiagram(e) {
    const ctm = this.svg.getScreenCTM();
    return ctm ? new DOMPoint(e.clientX, e.clientY).matrixTransform(ctm.inverse()) : null;
  }

  onWheel(e) {
    if (!this.svg || !(e.ctrlKey || e.metaKey || this.host.matches(':focus-within'))) return;
    e.preventDefault();
    const p = this.toDiagram(e);
    this.zoom(e.deltaY < 0 ? 1.15 : 1 / 1.15, p?.x, p?.y);
  }

  onPointerDown(e) {
    if (!this.svg || e.button !== 0) return;
    this.drag = { x: e.clientX, y: e.clientY, moved: false, id: e.pointerId };
  }

  onPointerMove(e) {
    if (!this.drag || !this.svg) return;
    const dx = e.clientX - this.drag.x, dy = e.clientY - this.drag.y;
    if (!this.drag.moved && Math.hypot(dx, dy) < 4) return;
    if (!this.drag.moved) { this.drag.moved = true; this.host.setPointerCapture?.(this.drag.id); this.host.classList.add('tg-dragging'); }
    const ctm = this.svg.getScreenCTM();
    const scale = ctm ? ctm.a : 1;
    this.pan(-dx / scale, -dy / scale);
    this.drag.x = e.clientX; this.drag.y = e.clientY;
  }

  onPointerUp() {
    if (this.drag?.moved) {
      this.suppressClick = true;
      this.host.releasePointerCapture?.(this.drag.id);
    }
    this.host.classList.remove('tg-dragging');
    this.drag = null;
  }

  onClick(e) {
    if (this.suppressClick) { this.suppressClick = false; return; }
    const node = e.target.closest?.('.tg-node');
    if (node) this.choose(node.dataset.id);
  }

  onKey(e) {
    const node = e.target.closest?.('.tg-node');
    if (node && (e.key === 'Enter' || e.key === ' ')) { e.preventDefault(); this.choose(node.dataset.id); return; }
    const step = this.view ? this.view.w / 10 : 40;
    const keys = {
      ArrowLeft: () => this.pan(-step, 0), ArrowRight: () => this.pan(step, 0),
      ArrowUp: () => this.pan(0, -step), ArrowDown: () => this.pan(0, step),
      '+': () => this.zoom(1.25), '=': () => this.zoom(1.25), '-': () => this.zoom(0.8), '0': () => this.fit(),
    };
    if (keys[e.key]) { e.preventDefault(); keys[e.key](); }
  }

  choose(id) {
    this.select(id);
    this.dotNet?.invokeMethodAsync('NodeSelected', id);
  }

  /** The current drawing (overlays and highlights as shown) as a standalone SVG document, full extent. */
  snapshot() {
    const copy = this.svg.cloneNode(true);
    copy.setAttribute('width', String(this.full.w));
    copy.setAttribute('height', String(this.full.h));
    copy.setAttribute('viewBox', `0 0 ${this.full.w} ${this.full.h}`);
    copy.removeAttribute('preserveAspectRatio');
    return new XMLSerializer().serializeToString(copy);
  }

  exportSvg(fileName) {
    if (this.svg) download(new Blob([this.snapshot()], { type: 'image/svg+xml' }), fileName);
  }

  async exportPng(fileName) {
    if (!this.svg) return;
    const url = URL.createObjectURL(new Blob([this.snapshot()], { type: 'image/svg+xml' }));
    try {
      const image = new Image();
      await new Promise((resolve, reject) => { image.onload = resolve; image.onerror = reject; image.src = url; });
      const scale = 2;
      const canvas = document.createElement('canvas');
      canvas.width = this.full.w * scale; canvas.height = this.full.h * scale;
      const ctx = canvas.getContext('2d');
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
      const blob = await new Promise(resolve => canvas.toBlob(resolve, 'image/png'));
      download(blob, fileName);
    } finally {
      URL.revokeObjectURL(url);
    }
  }

  dispose() {
    for (const off of this.listeners) off();
    this.listeners = [];
    this.resize.disconnect();
    this.host.replaceChildren();
    this.host.style.height = '';
    this.svg = null;
    this.dotNet = null;
  }
}

/**
 * The drawing as a DOM node, parsed as XML (never as HTML): every name in it is escaped text, a document that is not
 * well-formed is refused rather than repaired, and scripts parsed this way never run.
 */
function parseSvg(markup) {
  const doc = new DOMParser().parseFromString(markup, 'image/svg+xml');
  const root = doc.documentElement;
  if (doc.getElementsByTagName('parsererror').length > 0 || root.namespaceURI !== 'http://www.w3.org/2000/svg' || root.localName !== 'svg')
    throw new Error('the drawing is not a well-formed SVG document');
  return document.importNode(root, true);
}

function download(blob, fileName) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Binds an interactive diagram to `host`; `dotNet` receives NodeSelected(id). Returned to .NET as an IJSObjectReference. */
export function mount(host, dotNet) {
  return new DiagramView(host, dotNet);
}
