// Parallel coordinates drawn as SVG by our own code: one vertical axis per param plus the value, one line
// per trial, coloured by value. Categorical params get evenly spaced positions in sorted order.
import { clear } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attrs, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

export function drawParallel(node, sample, columns, metric, maximize) {
  clear(node);
  const trials = sample.filter(t => t.value !== null);
  if (!trials.length || !columns.length) return;
  const width = Math.max(480, node.clientWidth || 600), height = 320, top = 24, bottom = 24, left = 40, right = 60;
  const axes = columns.map(c => ({ name: c.name, scale: scaleFor(c, trials) }));
  const values = trials.map(t => t.value);
  const vmin = Math.min(...values), vmax = Math.max(...values);
  axes.push({ name: metric, scale: v => (vmax === vmin ? 0.5 : (v - vmin) / (vmax - vmin)), value: true });
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, preserveAspectRatio: 'none' });
  const xAt = i => left + (i * (width - left - right)) / (axes.length - 1 || 1);
  const yAt = u => top + (1 - u) * (height - top - bottom);
  const ranked = trials.slice().sort((a, b) => (maximize ? a.value - b.value : b.value - a.value));
  for (const t of ranked) { // best drawn last, on top
    const u = vmax === vmin ? 1 : (t.value - vmin) / (vmax - vmin);
    const good = maximize ? u : 1 - u;
    const points = axes.map((a, i) => {
      const v = a.value ? t.value : t.params[a.name];
      const s = v === undefined ? null : a.scale(v);
      return s === null ? null : `${xAt(i).toFixed(1)},${yAt(s).toFixed(1)}`;
    }).filter(p => p !== null);
    root.append(svg('polyline', { points: points.join(' '), fill: 'none', 'stroke-width': 1,
      stroke: `hsl(${(good * 220).toFixed(0)}, 70%, 45%)`, 'stroke-opacity': 0.35 }));
  }
  axes.forEach((a, i) => {
    root.append(svg('line', { x1: xAt(i), x2: xAt(i), y1: top, y2: height - bottom, stroke: '#333' }));
    root.append(svg('text', { x: xAt(i), y: 14, 'text-anchor': 'middle' }, a.name));
  });
  node.append(root);
}

function scaleFor(column, trials) {
  if (!column.numeric) {
    const choices = column.choices.length ? column.choices
      : [...new Set(trials.map(t => String(t.params[column.name])))].sort();
    return v => (choices.length < 2 ? 0.5 : choices.indexOf(String(v)) / (choices.length - 1));
  }
  const log = column.min > 0 && column.max / column.min > 100;
  const f = v => (log ? Math.log10(v) : v);
  const lo = f(column.min), hi = f(column.max);
  return v => (hi === lo ? 0.5 : (f(v) - lo) / (hi - lo));
}
