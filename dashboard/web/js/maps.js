// Views over two params (contour and rank) and over time (timeline), drawn as SVG on the params' declared
// scales. The contour is the mean value of the trials in each cell of a grid (no interpolation: cells without
// trials stay blank, so the map never shows values nobody measured); the rank view colours each trial by its
// rank among the complete trials, which reads well even when a few outliers stretch the value range.
import { clear, el, empty, fmt } from './dom.js';
import { axisFor, niceTicks, ramp } from './scales.js';
import { bottomAxis, frame, leftAxis, svg, valueLegend, widthOf } from './svg.js';

/** Most cells per numeric axis of the contour; a categorical axis has one cell per category. */
const CELLS = 20;

/** The cells of an axis: how many, which one a position falls in, and where each one starts and ends. */
function cellsOf(axis, cells) {
  if (axis.integer && axis.kind === 'linear' && axis.hi - axis.lo < CELLS) {
    // An int param with few values: one cell per integer, so a cell never straddles two of them.
    const count = axis.hi - axis.lo + 1;
    return { count, of: u => Math.round(invert(axis, u) - axis.lo), from: i => axis.at(axis.lo + i - 0.5),
      to: i => axis.at(axis.lo + i + 0.5) };
  }
  if (axis.kind !== 'categorical') {
    return { count: cells, of: u => Math.min(cells - 1, Math.floor(u * cells)), from: i => i / cells, to: i => (i + 1) / cells };
  }
  const slots = axis.ticks().map(t => t.u).sort((a, b) => a - b);
  const half = slots.length < 2 ? 0.5 : 0.5 / (slots.length - 1);
  return { count: slots.length, of: u => slots.findIndex(s => Math.abs(s - u) < 1e-9),
    from: i => Math.max(0, slots[i] - half), to: i => Math.min(1, slots[i] + half) };
}

/** The integer at position u of a linear int axis (positions of integers are evenly spaced). */
function invert(axis, u) {
  const u0 = axis.at(axis.lo), u1 = axis.at(axis.hi);
  return axis.lo + ((u - u0) / (u1 - u0 || 1)) * (axis.hi - axis.lo);
}

function pairAxes(sample, cx, cy) {
  const trials = sample.filter(t => t.value !== null);
  return { trials, ax: axisFor(cx, trials.map(t => t.params[cx.name])),
    ay: axisFor(cy, trials.map(t => t.params[cy.name])) };
}

function twoParamsMissing(node, cx, cy, sample) {
  if (!cx || !cy || cx.name === cy.name) { empty(node, 'Choose two different params (a study needs two).'); return true; }
  const trials = sample.filter(t => t.value !== null);
  if (trials.length < 2) { empty(node, 'This view needs two complete trials; this study has ' + trials.length + '.'); return true; }
  return false;
}

export function drawContour(node, sample, cx, cy, metric, maximize) {
  if (twoParamsMissing(node, cx, cy, sample)) return;
  const { trials, ax, ay } = pairAxes(sample, cx, cy);
  const f = frame(widthOf(node), 300, { top: 10, bottom: 40, left: 70, right: 10 });
  // About three trials a cell on average, so most cells hold a measured mean rather than one lone trial.
  const cells = Math.max(4, Math.min(CELLS, Math.round(Math.sqrt(trials.length / 3))));
  const cx0 = cellsOf(ax, cells), cy0 = cellsOf(ay, cells);
  const sums = new Map();
  for (const t of trials) {
    const i = cx0.of(ax.at(t.params[cx.name]));
    const j = cy0.of(ay.at(t.params[cy.name]));
    const s = sums.get(i + ',' + j) || { sum: 0, n: 0 };
    s.sum += t.value; s.n++;
    sums.set(i + ',' + j, s);
  }
  const means = [...sums.values()].map(s => s.sum / s.n);
  const lo = Math.min(...means), hi = Math.max(...means);
  const good = v => (hi === lo ? 1 : maximize ? (v - lo) / (hi - lo) : (hi - v) / (hi - lo));
  for (const [key, s] of sums) {
    const [i, j] = key.split(',').map(Number);
    const mean = s.sum / s.n;
    const cell = svg('rect', { x: f.x(cx0.from(i)), y: f.y(cy0.to(j)), width: f.x(cx0.to(i)) - f.x(cx0.from(i)) + 0.5,
      height: f.y(cy0.from(j)) - f.y(cy0.to(j)) + 0.5, fill: ramp(good(mean)) });
    cell.append(svg('title', {}, `mean ${metric} ${fmt(mean)} over ${s.n} trials`));
    f.root.append(cell);
  }
  for (const t of trials) {
    f.root.append(svg('circle', { cx: f.x(ax.at(t.params[cx.name])), cy: f.y(ay.at(t.params[cy.name])), r: 1.5,
      fill: '#1d2329', 'fill-opacity': 0.5 }));
  }
  bottomAxis(f, ax, cx.name);
  leftAxis(f, ay, cy.name);
  clear(node).append(f.root, valueLegend('mean ' + metric + ' per cell', maximize ? lo : hi, maximize ? hi : lo));
  node.dataset.drawn = String(trials.length);
}

export function drawRank(node, sample, cx, cy, metric, maximize) {
  if (twoParamsMissing(node, cx, cy, sample)) return;
  const { trials, ax, ay } = pairAxes(sample, cx, cy);
  const f = frame(widthOf(node), 300, { top: 10, bottom: 40, left: 70, right: 10 });
  const order = trials.slice().sort((a, b) => (maximize ? a.value - b.value : b.value - a.value)); // worst first
  order.forEach((t, k) => {
    const dot = svg('circle', { cx: f.x(ax.at(t.params[cx.name])), cy: f.y(ay.at(t.params[cy.name])), r: 3,
      fill: ramp(order.length < 2 ? 1 : k / (order.length - 1)) });
    dot.append(svg('title', {}, `trial ${t.number}: ${metric} ${fmt(t.value)}, rank ${order.length - k} of ${order.length}`));
    f.root.append(dot);
  });
  bottomAxis(f, ax, cx.name);
  leftAxis(f, ay, cy.name);
  clear(node).append(f.root, el('div', { class: 'legend' }, el('span', { text: 'rank: worst' }),
    el('span', { class: 'ramp', style: `background: linear-gradient(to right, ${ramp(0)}, ${ramp(0.5)}, ${ramp(1)})` }),
    el('span', { text: 'best' })));
  node.dataset.drawn = String(trials.length);
}

const STATE_COLOURS = { C: '#17703a', P: '#a37a00', F: '#a8281b', R: '#1f5fbf', W: '#5b6670' };
const STATE_NAMES = { C: 'complete', P: 'pruned', F: 'failed', R: 'running', W: 'waiting' };

/** One bar per trial from its start to its end (to now while it runs), trial numbers down the side. */
export function drawTimeline(node, note, timeline, total) {
  const rows = timeline.number.map((n, i) => ({ n, s: timeline.state[i], a: timeline.start[i],
    b: timeline.end[i] ?? (timeline.state[i] === 'R' ? timeline.now : null) })).filter(r => r.a !== null && r.b !== null);
  if (!rows.length) { empty(node, 'No trial has started yet.'); note.textContent = ''; return; }
  const t0 = Math.min(...rows.map(r => r.a)), t1 = Math.max(...rows.map(r => r.b));
  const n0 = Math.min(...rows.map(r => r.n)), n1 = Math.max(...rows.map(r => r.n));
  const span = Math.max(1, t1 - t0);
  const unit = span > 2 * 3600e3 ? ['h', 3600e3] : span > 120e3 ? ['min', 60e3] : ['s', 1e3];
  const f = frame(widthOf(node), 260, { top: 10, bottom: 40, left: 70, right: 10 });
  const ticksOf = (lo, hi, fn) => ({ ticks: () => niceTicks(lo, hi).map(v => ({ u: fn(v), label: String(v) })) });
  const xu = ms => (ms - t0) / span;
  const yu = n => (n1 === n0 ? 0.5 : 1 - (n - n0) / (n1 - n0));
  const height = Math.max(1, Math.min(6, (f.y(0) - f.y(1)) / rows.length));
  for (const r of rows) {
    f.root.append(svg('rect', { x: f.x(xu(r.a)), width: Math.max(1, f.x(xu(r.b)) - f.x(xu(r.a))),
      y: f.y(yu(r.n)) - height / 2, height, fill: STATE_COLOURS[r.s] || '#5b6670' }));
  }
  bottomAxis(f, ticksOf(0, span / unit[1], v => (v * unit[1]) / span), `time since the first trial started (${unit[0]})`);
  leftAxis(f, ticksOf(n0, n1, v => yu(v)), 'trial number');
  const legend = el('div', { class: 'legend' });
  for (const [s, name] of Object.entries(STATE_NAMES)) {
    legend.append(el('span', {}, el('span', { class: 'ramp', style: `width: 12px; background: ${STATE_COLOURS[s]}` }), ' ' + name));
  }
  clear(node).append(f.root, legend);
  note.textContent = total > rows.length ? `${rows.length.toLocaleString()} of ${total.toLocaleString()} trials, `
    + 'evenly spread, running ones included.' : '';
  node.dataset.drawn = String(rows.length);
}
