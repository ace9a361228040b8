// One trial in full: state, timings, where it ran, params, every metric per epoch, and the error if it failed.
import { clear, el, fmt, seconds, when } from './dom.js';

export function showTrial(node, trial) {
  clear(node);
  const facts = [['state', trial.state.toLowerCase()], ['value', fmt(trial.value)],
    ['started', when(trial.startedAt)], ['finished', when(trial.finishedAt)],
    ['took', seconds(trial.startedAt, trial.finishedAt)], ['worker', trial.worker ?? '-'],
    ['device', trial.device ?? '-'], ['seed', trial.seed]];
  for (const [k, v] of Object.entries(trial.attributes)) facts.push([k, v]);
  const dl = el('dl', { class: 'kv', id: 'trial-facts' });
  for (const [k, v] of facts) dl.append(el('dt', { text: k }), el('dd', { text: v }));
  node.append(dl);
  if (trial.error) node.append(el('h3', { text: 'error' }), el('pre', { class: 'error', text: trial.error }));
  const params = el('table', { id: 'trial-params' }, el('thead', {}, el('tr', {},
    el('th', { class: 'text', text: 'param' }), el('th', { class: 'text', text: 'value' }))));
  const pbody = el('tbody');
  for (const [k, v] of Object.entries(trial.params)) {
    pbody.append(el('tr', {}, el('td', { class: 'text', text: k }), el('td', { class: 'text', text: fmt(v) })));
  }
  params.append(pbody);
  node.append(el('h3', { text: 'params' }), params);
  const metrics = Object.keys(trial.curves).sort();
  if (!metrics.length) return;
  const steps = [...new Set(metrics.flatMap(m => trial.curves[m].map(p => p[0])))].sort((a, b) => a - b);
  const head = el('tr', {}, el('th', { text: 'epoch' }), ...metrics.map(m => el('th', { text: m })));
  const body = el('tbody');
  for (const s of steps) {
    const row = el('tr', {}, el('td', { text: s }));
    for (const m of metrics) {
      const p = trial.curves[m].find(q => q[0] === s);
      row.append(el('td', { text: p ? fmt(p[1]) : '-' }));
    }
    body.append(row);
  }
  node.append(el('h3', { text: 'metrics per epoch' }),
    el('div', { class: 'scroll' }, el('table', { id: 'trial-epochs' }, el('thead', {}, head), body)));
}
