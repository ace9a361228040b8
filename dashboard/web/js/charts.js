// Charts drawn with uPlot (a WebJar, served by the dashboard itself): it draws 100,000 points in a few ms.
// Every chart labels both axes and says in words when there is nothing to draw.
import { clear, el, empty } from './dom.js';
import { short } from './scales.js';
import { widthOf } from './svg.js';

const dots = stroke => ({ stroke, fill: stroke, paths: () => null, points: { show: true, size: 5, fill: stroke } });
const HEIGHT = 260;

/** Each complete trial's value (dots) and the best value so far (a step line), by trial number. */
export class HistoryChart {
  constructor(node, note, metric, maximize) {
    Object.assign(this, { node, note, metric, maximize });
  }

  draw(history) {
    this.x = history.number.slice();
    this.values = history.value.map((v, i) => (history.state[i] === 'C' ? v : null));
    this.note.textContent = history.thinned ? `${history.number.length.toLocaleString()} of `
      + `${history.total.toLocaleString()} trials drawn: every trial that improved the best, and an even spread `
      + 'of the rest.' : '';
    this.render();
  }

  render() {
    this.best = [];
    let best = null;
    for (const v of this.values) {
      if (v !== null && (best === null || (this.maximize ? v > best : v < best))) best = v;
      this.best.push(best);
    }
    if (!this.values.some(v => v !== null)) {
      this.plot = null;
      empty(this.node, this.x.length ? 'No trial has completed yet.' : 'This study has no trials yet.');
      return;
    }
    if (this.plot) { this.plot.setData([this.x, this.values, this.best]); return; }
    clear(this.node);
    this.plot = new uPlot({
      width: widthOf(this.node), height: HEIGHT, scales: { x: { time: false } },
      series: [{ label: 'trial' }, { label: this.metric, ...dots('#3d6a9e') },
        { label: 'best so far', stroke: '#c0392b', width: 2, paths: uPlot.paths.stepped({ align: 1 }), points: { show: false } }],
      axes: [{ label: 'trial number' }, { label: this.metric }],
    }, [this.x, this.values, this.best], this.node);
    this.node.dataset.drawn = String(this.x.length);
  }

  /** A trial pushed by the live feed: appended (or updated) without reading the history again. */
  add(trial) {
    if (!this.x) return;
    const at = this.x.indexOf(trial.number);
    const value = trial.state === 'COMPLETE' ? trial.value : null;
    if (at < 0) { this.x.push(trial.number); this.values.push(value); } else this.values[at] = value;
    this.render();
  }
}

/** The empirical distribution of the complete trials' values: the share of trials at or below each value. */
export function drawEdf(node, history, metric) {
  const values = history.value.filter((v, i) => history.state[i] === 'C' && v !== null).sort((a, b) => a - b);
  if (values.length < 2) { empty(node, 'The distribution needs two complete trials; this study has ' + values.length + '.'); return; }
  const share = values.map((v, i) => (i + 1) / values.length);
  clear(node);
  new uPlot({
    width: widthOf(node), height: HEIGHT, scales: { x: { time: false }, y: { range: [0, 1] } },
    series: [{ label: metric }, { label: 'share of trials ≤ value', stroke: '#3d6a9e', width: 2,
      paths: uPlot.paths.stepped({ align: 1 }), points: { show: false } }],
    axes: [{ label: metric }, { label: 'cumulative share of trials' }],
  }, [values, share], node);
  node.dataset.drawn = String(values.length);
}

const PALETTE = ['#3d6a9e', '#c2620c', '#3d8b37', '#c0392b', '#2f8a84', '#8e5a8b', '#b5485d', '#7a5a45', '#5b6670', '#8a7500'];

/** One metric per epoch for the chosen trials, one line each. */
export class CurvesChart {
  constructor(node, select, hint) {
    Object.assign(this, { node, select, hint });
    this.curves = new Map(); // trial number -> { metric: [[step, value], ...] }
    select.onchange = () => this.draw();
  }

  set(number, curves) { this.curves.set(number, curves); this.refreshMetrics(); this.draw(); }

  remove(number) { this.curves.delete(number); this.draw(); }

  has(number) { return this.curves.has(number); }

  /** Values pushed by the live feed for a trial already drawn. */
  addValue(number, metric, step, value) {
    const curves = this.curves.get(number);
    if (!curves) return;
    if (addPoint(curves, metric, step, value)) { this.refreshMetrics(); this.draw(); }
  }

  refreshMetrics() {
    fillMetrics(this.select, [...this.curves.values()]);
  }

  draw() {
    clear(this.node);
    const metric = this.select.value;
    const numbers = [...this.curves.keys()];
    this.node.dataset.trials = numbers.join(' ');
    this.hint.hidden = numbers.length > 0;
    if (!numbers.length || !metric) { delete this.node.dataset.drawn; return; }
    const data = aligned(numbers.map(n => this.curves.get(n)[metric] || []));
    if (data[0].length === 0) { empty(this.node, `The chosen trials have not reported ${metric} yet.`); return; }
    const series = [{ label: 'epoch' }, ...numbers.map((n, i) => ({ label: 'trial ' + n,
      stroke: PALETTE[i % PALETTE.length], width: 2, spanGaps: true }))];
    new uPlot({ width: widthOf(this.node), height: HEIGHT, scales: { x: { time: false } }, series,
      axes: [{ label: 'epoch' }, { label: metric }] }, data, this.node);
    this.node.dataset.drawn = numbers.join(' ');
  }
}

/** The curves of a spread of all trials (the server picks them), one thin line each, for one metric. */
export class IntermediateChart {
  constructor(node, select, note) {
    Object.assign(this, { node, select, note });
    select.onchange = () => this.draw();
  }

  set(result, total) {
    this.trials = result.trials;
    const numbers = Object.keys(this.trials);
    fillMetrics(this.select, Object.values(this.trials));
    this.note.textContent = numbers.length && total > numbers.length
      ? `${numbers.length} of ${total.toLocaleString()} trials, evenly spread, running ones included.` : '';
    this.draw();
  }

  addValue(number, metric, step, value) {
    if (!this.trials) return;
    const curves = this.trials[number] || (this.trials[number] = {});
    if (addPoint(curves, metric, step, value)) { fillMetrics(this.select, Object.values(this.trials)); this.draw(); }
  }

  draw() {
    const metric = this.select.value;
    const numbers = Object.keys(this.trials || {}).filter(n => (this.trials[n][metric] || []).length);
    if (!numbers.length) { empty(this.node, 'No trial has reported intermediate values yet.'); return; }
    clear(this.node);
    const data = aligned(numbers.map(n => this.trials[n][metric]));
    const series = [{ label: 'epoch' }, ...numbers.map(n => ({ label: 'trial ' + n, stroke: 'rgba(61,106,158,0.35)',
      width: 1, spanGaps: true }))];
    new uPlot({ width: widthOf(this.node), height: HEIGHT, scales: { x: { time: false } }, series,
      legend: { show: false }, axes: [{ label: 'epoch' }, { label: metric }] }, data, this.node);
    this.node.dataset.drawn = String(numbers.length);
  }
}

/** [steps, values of curve 1, values of curve 2, ...] on the union of the curves' steps. */
function aligned(curves) {
  const steps = [...new Set(curves.flatMap(c => c.map(p => p[0])))].sort((a, b) => a - b);
  return [steps, ...curves.map(c => { const m = new Map(c); return steps.map(s => (m.has(s) ? m.get(s) : null)); })];
}

function addPoint(curves, metric, step, value) {
  const points = curves[metric] || (curves[metric] = []);
  if (points.some(p => p[0] === step)) return false;
  points.push([step, value]);
  points.sort((a, b) => a[0] - b[0]);
  return true;
}

function fillMetrics(select, curveSets) {
  const metrics = new Set();
  for (const c of curveSets) Object.keys(c).forEach(m => metrics.add(m));
  const known = [...select.options].map(o => o.value);
  for (const m of [...metrics].sort()) if (!known.includes(m)) select.append(el('option', { value: m, text: m }));
}

/** The objective against one param on the param's declared scale; categories (and "absent") as positions. */
export function drawSlice(node, sample, column, metric) {
  if (!column) { empty(node, 'This study has no params.'); return; }
  const complete = sample.filter(t => t.value !== null);
  if (!complete.length) { empty(node, 'No trial has completed yet.'); return; }
  const categorical = column.scale === 'categorical';
  const absentLabel = '(absent)';
  const labels = categorical ? column.choices.slice() : null;
  if (categorical && complete.some(t => t.params[column.name] === undefined)) labels.unshift(absentLabel);
  const points = [];
  for (const t of complete) {
    const v = t.params[column.name];
    if (categorical) {
      const at = labels.indexOf(v === undefined ? absentLabel : String(v));
      if (at >= 0) points.push([at, t.value]);
    } else if (v !== undefined) points.push([v, t.value]);
  }
  if (!points.length) { empty(node, `No complete trial has ${column.name}.`); return; }
  points.sort((a, b) => a[0] - b[0]);
  const log = column.scale === 'log';
  const x = { time: false };
  if (log) x.distr = 3;
  if (categorical) x.range = [-0.5, labels.length - 0.5];
  else if (column.low !== null && column.high !== null) x.range = [column.low, column.high];
  const axisX = { label: column.name + (log ? ' (log scale)' : '') };
  if (categorical) {
    axisX.splits = () => labels.map((_, i) => i);
    axisX.values = (u, ticks) => ticks.map(t => labels[t] ?? '');
  } else {
    // uPlot's own labels round 1e-4 on a log axis to "0"; it passes null for the minor ticks it leaves bare.
    axisX.values = (u, ticks) => ticks.map(v => (v == null ? '' : short(v)));
  }
  clear(node);
  new uPlot({
    width: widthOf(node), height: HEIGHT, scales: { x },
    series: [{ label: column.name }, { label: metric, ...dots('#3d6a9e') }],
    axes: [axisX, { label: metric }],
  }, [points.map(p => p[0]), points.map(p => p[1])], node);
  node.dataset.drawn = String(points.length);
}
