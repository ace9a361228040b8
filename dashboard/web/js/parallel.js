// Parallel coordinates as SVG: one vertical axis per param on its declared scale, with tick values or
// category labels, plus the objective; one line per trial coloured by value (legend below). A trial without a
// param goes through that axis's "absent" slot. Dragging along an axis selects a range (a brush); the trials
// outside any brush are greyed, and the brushes are handed to `onBrush` as leaderboard filters.
import { clear, el, fmt } from './dom.js';
import { axisFor, ramp, valueAxis, ABSENT } from './scales.js';
import { clip, frame, svg, valueLegend, widthOf } from './svg.js';

export function drawParallel(node, brushNote, sample, columns, metric, maximize, onBrush) {
  clear(node);
  const trials = sample.filter(t => t.value !== null);
  if (trials.length < 2 || !columns.length) {
    node.append(el('p', { class: 'empty', text: trials.length < 2
      ? 'Parallel coordinates need two complete trials; this study has ' + trials.length + '.'
      : 'This study has no params to draw.' }));
    node.dataset.drawn = 'empty';
    return;
  }
  const axes = columns.map(c => axisFor(c, trials.map(t => t.params[c.name])));
  const values = trials.map(t => t.value);
  const value = valueAxis(metric, values);
  value.isValue = true;
  axes.push(value);
  const width = Math.max(widthOf(node), 90 * axes.length);
  // Names alternate between two rows when axes are close, so neighbours never overlap.
  const staggered = width / axes.length < 110;
  const f = frame(width, 380, { top: staggered ? 40 : 26, bottom: 14, left: 70, right: 60 });
  const ax = i => f.x(axes.length === 1 ? 0.5 : i / (axes.length - 1));
  const vmin = Math.min(...values), vmax = Math.max(...values);
  const goodness = v => (vmax === vmin ? 1 : maximize ? (v - vmin) / (vmax - vmin) : (vmax - v) / (vmax - vmin));
  const brushes = new Map(); // axis index -> [u0, u1]
  const lines = svg('g', { fill: 'none', 'stroke-width': 1 });
  const ranked = trials.map((t, k) => ({ t, g: goodness(t.value), k })).sort((a, b) => a.g - b.g); // best on top
  const drawn = ranked.map(({ t, g }) => {
    const us = axes.map(a => (a.isValue ? a.at(t.value) : a.at(t.params[a.name])));
    const points = us.map((u, i) => `${ax(i).toFixed(1)},${f.y(u).toFixed(1)}`).join(' ');
    const line = svg('polyline', { points, stroke: ramp(g), 'stroke-opacity': 0.45 });
    lines.append(line);
    return { line, us, g };
  });
  f.root.append(lines);
  const restyle = () => {
    for (const d of drawn) {
      const inside = [...brushes].every(([i, [u0, u1]]) => d.us[i] >= u0 - 1e-9 && d.us[i] <= u1 + 1e-9);
      d.line.setAttribute('stroke', inside ? ramp(d.g) : '#c9ced4');
      d.line.setAttribute('stroke-opacity', inside ? 0.55 : 0.25);
    }
  };
  axes.forEach((a, i) => {
    const x = ax(i);
    const g = svg('g', { class: 'axis', 'data-axis': a.name });
    g.append(svg('line', { x1: x, x2: x, y1: f.y(0), y2: f.y(1), stroke: '#39424b' }));
    for (const t of a.ticks()) {
      g.append(svg('line', { x1: x - 3, x2: x, y1: f.y(t.u), y2: f.y(t.u), stroke: '#39424b' }));
      g.append(svg('text', { x: x - 5, y: f.y(t.u) + 4, 'text-anchor': 'end',
        'font-style': t.label === ABSENT ? 'italic' : 'normal' }, clip(t.label, 10)));
    }
    const name = svg('text', { x, y: staggered && i % 2 ? 30 : 14, 'text-anchor': 'middle', 'font-weight': 600 },
      clip(a.name, 16));
    name.append(svg('title', {}, a.name));
    g.append(name);
    const brush = svg('rect', { x: x - 8, width: 16, y: 0, height: 0, fill: '#1f5fbf', 'fill-opacity': 0.22,
      stroke: '#1f5fbf', visibility: 'hidden' });
    const grip = svg('rect', { x: x - 12, width: 24, y: f.y(1), height: f.y(0) - f.y(1), fill: 'transparent',
      cursor: 'ns-resize', 'data-brush': a.name });
    g.append(brush, grip);
    f.root.append(g);
    const toUnit = event => {
      const box = f.root.getBoundingClientRect();
      const py = (event.clientY - box.top) * (f.height / box.height);
      return Math.min(1, Math.max(0, (f.y(0) - py) / (f.y(0) - f.y(1))));
    };
    let start = null;
    grip.addEventListener('pointerdown', e => { start = toUnit(e); grip.setPointerCapture(e.pointerId); });
    grip.addEventListener('pointermove', e => {
      if (start === null) return;
      const u = toUnit(e);
      brush.setAttribute('y', f.y(Math.max(start, u)));
      brush.setAttribute('height', Math.abs(f.y(start) - f.y(u)));
      brush.setAttribute('visibility', 'visible');
    });
    grip.addEventListener('pointerup', e => {
      if (start === null) return;
      const u = toUnit(e);
      const [u0, u1] = [Math.min(start, u), Math.max(start, u)];
      start = null;
      if (u1 - u0 < 0.01) { brushes.delete(i); brush.setAttribute('visibility', 'hidden'); }
      else brushes.set(i, [u0, u1]);
      restyle();
      report();
    });
  });
  const report = () => {
    const filters = [];
    for (const [i, [u0, u1]] of brushes) {
      const a = axes[i];
      filters.push({ name: a.name, value: !!a.isValue, kind: a.kind, ...a.range(u0, u1) });
    }
    brushNote.textContent = filters.length ? 'Selected: ' + filters.map(describe).join('; ') : '';
    onBrush(filters);
  };
  node.append(el('div', { class: 'scroll' }, f.root),
    valueLegend(metric, maximize ? vmin : vmax, maximize ? vmax : vmin));
  node.dataset.drawn = String(trials.length);
}

function describe(f) {
  if (f.oneOf) return `${f.name} in {${f.oneOf.join(', ')}}` + (f.absent ? ' (absent trials are not filterable)' : '');
  return `${f.name} ${fmt(f.min)} – ${fmt(f.max)}`;
}
