// One trial in full: state, timings, where it ran, its files, its note, params, every metric per epoch, and
// the error if it failed. `addValue` grows the epoch table of a running trial as the live feed reports epochs.
import { api } from './api.js';
import { clear, el, fmt, seconds, when } from './dom.js';
import { showNote } from './notes.js';

export class TrialView {
  constructor(node, studyId, writable) {
    Object.assign(this, { node, studyId, writable });
    this.trial = null;
  }

  show(trial) {
    this.trial = trial;
    const node = clear(this.node);
    const facts = [['state', trial.state.toLowerCase()], ['value', fmt(trial.value)],
      ['started', when(trial.startedAt)], ['finished', when(trial.finishedAt)],
      ['took', seconds(trial.startedAt, trial.finishedAt)], ['worker', trial.worker ?? '-'],
      ['device', trial.device ?? '-'], ['seed', trial.seed]];
    for (const [k, v] of Object.entries(trial.attributes)) facts.push([k, v]);
    const dl = el('dl', { class: 'kv', id: 'trial-facts' });
    for (const [k, v] of facts) dl.append(el('dt', { text: k }), el('dd', { text: v }));
    node.append(dl);
    const files = el('p', { id: 'trial-files' }, 'files: ');
    for (const file of ['params.yaml', 'network.json', 'model.zip']) {
      files.append(el('a', { href: api.fileUrl(this.studyId, trial.number, file), download: '', text: file }), ' ');
    }
    files.append(el('span', { class: 'muted', text: '(the model only if the run kept it)' }));
    node.append(files);
    if (trial.error) node.append(el('h3', { text: 'error' }), el('pre', { class: 'error', text: trial.error }));
    const note = el('div', { class: 'note', id: 'trial-note' });
    showNote(note, trial.note, this.writable, markdown => api.noteTrial(this.studyId, trial.number, markdown));
    node.append(el('h3', { text: 'note' }), note);
    const params = el('table', { id: 'trial-params' }, el('caption', { class: 'visually-hidden', text: 'params' }),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col', class: 'text', text: 'param' }),
        el('th', { scope: 'col', class: 'text', text: 'value' }))));
    const pbody = el('tbody');
    for (const [k, v] of Object.entries(trial.params)) {
      pbody.append(el('tr', {}, el('th', { scope: 'row', class: 'text', text: k }), el('td', { class: 'text', text: fmt(v) })));
    }
    params.append(pbody);
    node.append(el('h3', { text: 'params' }), params);
    this.epochs = el('div', { class: 'scroll', role: 'region', 'aria-label': 'metrics per epoch', tabindex: 0 });
    node.append(el('h3', { text: 'metrics per epoch' }), this.epochs);
    this.drawEpochs();
  }

  /** A value the live feed reported for the trial shown: a new row (or cell) in its epoch table. */
  addValue(number, metric, step, value) {
    if (!this.trial || this.trial.number !== number) return;
    const points = this.trial.curves[metric] || (this.trial.curves[metric] = []);
    if (points.some(p => p[0] === step)) return;
    points.push([step, value]);
    points.sort((a, b) => a[0] - b[0]);
    this.drawEpochs();
  }

  drawEpochs() {
    const curves = this.trial.curves;
    const metrics = Object.keys(curves).sort();
    clear(this.epochs);
    if (!metrics.length) { this.epochs.append(el('p', { class: 'empty', text: 'No epoch reported yet.' })); return; }
    const steps = [...new Set(metrics.flatMap(m => curves[m].map(p => p[0])))].sort((a, b) => a - b);
    const head = el('tr', {}, el('th', { scope: 'col', text: 'epoch' }), ...metrics.map(m => el('th', { scope: 'col', text: m })));
    const body = el('tbody');
    for (const s of steps) {
      const row = el('tr', {}, el('th', { scope: 'row', text: s }));
      for (const m of metrics) {
        const p = curves[m].find(q => q[0] === s);
        row.append(el('td', { text: p ? fmt(p[1]) : '-' }));
      }
      body.append(row);
    }
    this.epochs.append(el('table', { id: 'trial-epochs' }, el('thead', {}, head), body));
  }
}
