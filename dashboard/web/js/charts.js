// Charts drawn with uPlot (a WebJar, served by the dashboard itself): it draws 100,000 points in a few ms.
import { clear } from './dom.js';

const WIDTH = () => Math.max(320, document.querySelector('.grid section').clientWidth - 30);
const dots = (stroke) => ({ stroke, fill: stroke, paths: () => null, points: { show: true, size: 5, fill: stroke } });

/** Each complete trial's value (dots) and the best value so far (a step line), by trial number. */
export class HistoryChart {
  constructor(node, maximize) {
    this.node = node;
    this.maximize = maximize;
  }

  draw(history) {
    this.x = history.number.slice();
    this.values = history.value.map((v, i) => (history.state[i] === 'C' ? v : null));
    this.best = [];
    let best = null;
    for (const v of this.values) {
      if (v !== null && (best === null || (this.maximize ? v > best : v < best))) best = v;
      this.best.push(best);
    }
    clear(this.node);
    this.plot = new uPlot({
      width: WIDTH(), height: 260,
      scales: { x: { time: false } },
      series: [{ label: 'trial' }, { label: 'value', ...dots('#4c78a8') },
        { label: 'best so far', stroke: '#e45756', width: 2, paths: uPlot.paths.stepped({ align: 1 }), points: { show: false } }],
      axes: [{ label: 'trial' }, {}],
    }, [this.x, this.values, this.best], this.node);
  }

  /** A trial pushed by the live feed: appended (or updated) without reading the history again. */
  add(trial) {
    if (!this.plot) return;
    let at = this.x.indexOf(trial.number);
    const value = trial.state === 'COMPLETE' ? trial.value : null;
    if (at < 0) { this.x.push(trial.number); this.values.push(value); this.best.push(null); at = this.x.length - 1; }
    else this.values[at] = value;
    let best = at > 0 ? this.best[at - 1] : null;
    for (let i = at; i < this.x.length; i++) {
      const v = this.values[i];
      if (v !== null && (best === null || (this.maximize ? v > best : v < best))) best = v;
      this.best[i] = best;
    }
    this.plot.setData([this.x, this.values, this.best]);
  }
}

const PALETTE = ['#4c78a8', '#f58518', '#54a24b', '#e45756', '#72b7b2', '#b279a2', '#ff9da6', '#9d755d', '#bab0ac', '#eeca3b'];

/** One metric per epoch for the selected trials, one line each. */
export class CurvesChart {
  constructor(node, select) {
    this.node = node;
    this.select = select;
    this.curves = new Map(); // trial number -> { metric: [[step, value], ...] }
    select.onchange = () => this.draw();
  }

  set(number, curves) { this.curves.set(number, curves); this.refreshMetrics(); this.draw(); }

  remove(number) { this.curves.delete(number); this.draw(); }

  /** Values pushed by the live feed for a trial already drawn. */
  addValue(number, metric, step, value) {
    const curves = this.curves.get(number);
    if (!curves) return;
    const points = curves[metric] || (curves[metric] = []);
    if (!points.some(p => p[0] === step)) { points.push([step, value]); points.sort((a, b) => a[0] - b[0]); }
    this.refreshMetrics();
    this.draw();
  }

  refreshMetrics() {
    const metrics = new Set();
    for (const c of this.curves.values()) Object.keys(c).forEach(m => metrics.add(m));
    const known = [...this.select.options].map(o => o.value);
    for (const m of [...metrics].sort()) {
      if (!known.includes(m)) {
        const option = document.createElement('option');
        option.value = m;
        option.textContent = m;
        this.select.append(option);
      }
    }
  }

  draw() {
    clear(this.node);
    const metric = this.select.value;
    const numbers = [...this.curves.keys()];
    this.node.dataset.trials = numbers.join(' ');
    document.getElementById('curves-hint').hidden = numbers.length > 0;
    if (!numbers.length || !metric) return;
    const steps = new Set();
    for (const n of numbers) for (const [s] of this.curves.get(n)[metric] || []) steps.add(s);
    const x = [...steps].sort((a, b) => a - b);
    const data = [x];
    const series = [{ label: 'epoch' }];
    numbers.forEach((n, i) => {
      const byStep = new Map(this.curves.get(n)[metric] || []);
      data.push(x.map(s => (byStep.has(s) ? byStep.get(s) : null)));
      series.push({ label: 'trial ' + n, stroke: PALETTE[i % PALETTE.length], width: 2, spanGaps: true });
    });
    new uPlot({ width: WIDTH(), height: 260, scales: { x: { time: false } }, series,
      axes: [{ label: 'epoch' }, { label: metric }] }, data, this.node);
    this.node.dataset.drawn = numbers.join(' ');
  }
}

/** The objective against one param, over the sampled complete trials. */
export function drawSlice(node, sample, column, metric) {
  clear(node);
  if (!column) return;
  const points = [];
  const labels = column.numeric ? null : column.choices;
  for (const t of sample) {
    const v = t.params[column.name];
    if (v === undefined || t.value === null) continue;
    const x = column.numeric ? v : labels.indexOf(String(v));
    if (x >= 0) points.push([x, t.value]);
  }
  points.sort((a, b) => a[0] - b[0]);
  const logScale = column.numeric && column.min > 0 && column.max / column.min > 100;
  const axisX = { label: column.name };
  if (labels) axisX.values = (u, ticks) => ticks.map(t => (Number.isInteger(t) && labels[t] !== undefined ? labels[t] : ''));
  new uPlot({
    width: WIDTH(), height: 260,
    scales: { x: logScale ? { time: false, distr: 3 } : { time: false } },
    series: [{ label: column.name }, { label: metric, ...dots('#4c78a8') }],
    axes: [axisX, { label: metric }],
  }, [points.map(p => p[0]), points.map(p => p[1])], node);
}
