// Two or more studies side by side: each one's best value so far by trial number on one chart, and each
// one's best trial with its params in one table (a param a study lacks shows as "–").
import { api } from './api.js';
import { banner, clear, el, empty, fmt } from './dom.js';
import { widthOf } from './svg.js';

const PALETTE = ['#3d6a9e', '#c2620c', '#3d8b37', '#c0392b', '#2f8a84', '#8e5a8b'];
const ids = (new URLSearchParams(location.search).get('ids') || '').split(',').filter(s => /^\d+$/.test(s));

try {
  if (ids.length < 2) throw new Error('Choose two or more studies on the studies page to compare them.');
  const studies = await Promise.all(ids.map(id => api.study(id)));
  const histories = await Promise.all(ids.map(id => api.history(id)));
  const bests = await Promise.all(ids.map(id => api.trials(id, new URLSearchParams({ state: 'COMPLETE', limit: 1 }))));
  drawBestSoFar(studies, histories);
  drawBestParams(studies, bests.map(b => b.trials[0]));
  document.body.dataset.ready = 'compare';
} catch (e) {
  banner(e.message);
  document.body.dataset.ready = 'error';
}

function drawBestSoFar(studies, histories) {
  const node = document.getElementById('compare-history');
  const numbers = [...new Set(histories.flatMap(h => h.number))].sort((a, b) => a - b);
  if (!numbers.length) { empty(node, 'None of these studies has trials yet.'); return; }
  const lines = histories.map((h, k) => {
    const maximize = studies[k].direction === 'MAXIMIZE';
    const byNumber = new Map();
    let best = null;
    h.number.forEach((n, i) => {
      const v = h.state[i] === 'C' ? h.value[i] : null;
      if (v !== null && (best === null || (maximize ? v > best : v < best))) best = v;
      byNumber.set(n, best);
    });
    let last = null;
    return numbers.map(n => { if (byNumber.has(n)) last = byNumber.get(n); return n <= Math.max(...h.number) ? last : null; });
  });
  clear(node);
  new uPlot({ width: widthOf(node), height: 300, scales: { x: { time: false } },
    series: [{ label: 'trial' }, ...studies.map((s, k) => ({ label: `${s.name} (${s.metric}, ${s.direction.toLowerCase()})`,
      stroke: PALETTE[k % PALETTE.length], width: 2, paths: uPlot.paths.stepped({ align: 1 }), points: { show: false } }))],
    axes: [{ label: 'trial number' }, { label: 'best value so far' }] }, [numbers, ...lines], node);
  const metrics = new Set(studies.map(s => s.metric));
  document.getElementById('compare-note').textContent = metrics.size > 1
    ? 'These studies measure different metrics (' + [...metrics].join(', ') + '): compare their shapes, not their levels.' : '';
}

function drawBestParams(studies, bests) {
  const table = clear(document.getElementById('compare-best'));
  const params = [...new Set(bests.flatMap(b => (b ? Object.keys(b.params) : [])))].sort();
  const head = el('tr', {}, el('th', { scope: 'col', class: 'text', text: '' }),
    ...studies.map(s => el('th', { scope: 'col', class: 'text' }, el('a', { href: 'study.html?id=' + s.id, text: s.name }))));
  const body = el('tbody');
  const row = (label, cells) => body.append(el('tr', {}, el('th', { scope: 'row', class: 'text', text: label }),
    ...cells.map(c => el('td', { class: 'text', text: c }))));
  row('best trial', bests.map(b => (b ? '#' + b.number : 'none complete')));
  row('value', bests.map(b => (b ? fmt(b.value) : '-')));
  for (const p of params) row(p, bests.map(b => (b && p in b.params ? fmt(b.params[p]) : '–')));
  table.append(el('caption', { class: 'visually-hidden', text: 'best trial of each study' }), el('thead', {}, head), body);
}
