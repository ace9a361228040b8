// Plain SVG drawing shared by the charts uPlot does not draw (parallel coordinates, contour, rank, timeline):
// an element maker, labelled axes with ticks, and the colour legend of the objective.
import { el } from './dom.js';
import { RAMP_CSS, short } from './scales.js';

const NS = 'http://www.w3.org/2000/svg';

export function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A chart's frame: the plot area inside margins, and functions from unit positions to pixels. */
export function frame(width, height, margin) {
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, width, height, 'aria-hidden': 'true' });
  const x = u => margin.left + u * (width - margin.left - margin.right);
  const y = u => height - margin.bottom - u * (height - margin.top - margin.bottom);
  return { root, x, y, width, height, margin };
}

/** A bottom axis with the axis's ticks and a title under them. */
export function bottomAxis(f, axis, title) {
  const y0 = f.y(0);
  f.root.append(svg('line', { x1: f.x(0), x2: f.x(1), y1: y0, y2: y0, stroke: '#5b6670' }));
  for (const t of axis.ticks()) {
    f.root.append(svg('line', { x1: f.x(t.u), x2: f.x(t.u), y1: y0, y2: y0 + 4, stroke: '#5b6670' }));
    f.root.append(svg('text', { x: f.x(t.u), y: y0 + 15, 'text-anchor': 'middle' }, clip(t.label, 12)));
  }
  f.root.append(svg('text', { x: (f.x(0) + f.x(1)) / 2, y: f.height - 4, 'text-anchor': 'middle',
    'font-weight': 600 }, title));
}

/** A left axis with the axis's ticks and a rotated title. */
export function leftAxis(f, axis, title) {
  const x0 = f.x(0);
  f.root.append(svg('line', { x1: x0, x2: x0, y1: f.y(0), y2: f.y(1), stroke: '#5b6670' }));
  for (const t of axis.ticks()) {
    f.root.append(svg('line', { x1: x0 - 4, x2: x0, y1: f.y(t.u), y2: f.y(t.u), stroke: '#5b6670' }));
    f.root.append(svg('text', { x: x0 - 6, y: f.y(t.u) + 4, 'text-anchor': 'end' }, clip(t.label, 10)));
  }
  const cy = (f.y(0) + f.y(1)) / 2;
  f.root.append(svg('text', { x: 12, y: cy, transform: `rotate(-90 12 ${cy})`, 'text-anchor': 'middle',
    'font-weight': 600 }, title));
}

/** The colour legend of the objective: the ramp from the worst to the best value seen. */
export function valueLegend(metric, worst, best) {
  return el('div', { class: 'legend' }, el('span', { text: `${metric}: worst ${short(worst)}` }),
    el('span', { class: 'ramp', style: `background: ${RAMP_CSS}`, role: 'img',
      'aria-label': `colour scale from dark blue (worst) to yellow (best)` }),
    el('span', { text: `best ${short(best)}` }));
}

export function clip(text, max) {
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}

/** The width a chart can take inside `node` (its section shrinks on phones). */
export function widthOf(node, min = 280) {
  return Math.max(min, Math.floor(node.clientWidth || node.parentNode.clientWidth || 600));
}
