// Text measurement, wrapping and escaping. Widths come from Helvetica's metrics (Arial and Liberation Sans share
// them), so the browser and Node lay out the same boxes without a canvas.

const HELVETICA = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space … /
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0 … ?
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ … O
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P … _
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` … o
  556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,       // p … ~
];

export const FONT = "Arial, Helvetica, 'Liberation Sans', sans-serif";

/** Width in px of `text` at `size` px; bold text is about 7% wider. */
export function measure(text, size, bold = false) {
  let units = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0);
    if (code >= 32 && code <= 126) units += HELVETICA[code - 32];
    else if (code === 0x2019 || code === 0x2018) units += 222;
    else if (code === 0x2013 || code === 0x2014) units += code === 0x2013 ? 556 : 1000;
    else units += 600;
  }
  return (units / 1000) * size * (bold ? 1.07 : 1);
}

/** Greedy word wrap to `maxWidth`; a word longer than a line is split. */
export function wrap(text, size, maxWidth, bold = false) {
  const words = String(text ?? '').split(/\s+/).filter(w => w.length > 0);
  const lines = [];
  let line = '';
  for (let word of words) {
    while (measure(word, size, bold) > maxWidth) {
      let cut = word.length - 1;
      while (cut > 1 && measure(word.slice(0, cut) + '-', size, bold) > maxWidth) cut--;
      if (line) { lines.push(line); line = ''; }
      lines.push(word.slice(0, cut) + '-');
      word = word.slice(cut);
    }
    const candidate = line ? line + ' ' + word : word;
    if (measure(candidate, size, bold) <= maxWidth) line = candidate;
    else { if (line) lines.push(line); line = word; }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for SVG/XML content and attribute values; drops characters XML cannot hold. */
export function esc(value) {
  return String(value ?? '')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[&<>"']/g, c => ENTITIES[c]);
}

/** A token safe inside a class or id attribute (ids are slugs already; this guards against anything else). */
export function token(value) {
  return String(value ?? '').replace(/[^A-Za-z0-9_-]/g, '_');
}
