// The study page. The leaderboard comes first (the page is usable once it is drawn); the study-wide views
// load after it. The live stream is opened before anything is read, so no update falls between the two.
import { api } from './api.js';
import { clear, el, fmt } from './dom.js';
import { Leaderboard } from './leaderboard.js';
import { CurvesChart, HistoryChart, drawSlice } from './charts.js';
import { drawParallel } from './parallel.js';
import { showTrial } from './trialview.js';

const id = new URLSearchParams(location.search).get('id');
const events = api.events(id);
const pending = [];
events.onmessage = message => pending.push(JSON.parse(message.data));
events.onopen = () => { document.getElementById('live').textContent = 'live'; };
events.onerror = () => { document.getElementById('live').textContent = 'live: reconnecting'; };

const study = await api.study(id);
document.title = study.name + ' — tune4j';
document.getElementById('study-name').textContent = study.name;
document.getElementById('study-meta').textContent =
  `${study.direction.toLowerCase()} ${study.metric} · ${study.sampler} sampler`;
for (const [link, file] of [['csv', 'trials.csv'], ['best-params', 'best/params.yaml'],
  ['best-network', 'best/network.json'], ['best-model', 'best/model.zip']]) {
  document.getElementById(link).href = api.exportUrl(id, file);
}

const maximize = study.direction === 'MAXIMIZE';
const curves = new CurvesChart(document.getElementById('curves'), document.getElementById('curve-metric'));
const history = new HistoryChart(document.getElementById('history'), maximize);
let shownTrial = null;

async function select(number, on) {
  if (!on) { curves.remove(number); return; }
  const trial = await api.trial(id, number);
  shownTrial = number;
  const title = clear(document.getElementById('trial-title'));
  title.append(el('a', { href: `trial.html?study=${encodeURIComponent(id)}&number=${number}`, text: '#' + number }));
  showTrial(document.getElementById('trial'), trial);
  if (!curves.select.value && Object.keys(trial.curves).length) {
    const preferred = Object.keys(trial.curves).includes(study.metric) ? study.metric : Object.keys(trial.curves)[0];
    curves.set(number, trial.curves);
    curves.select.value = preferred;
    curves.draw();
  } else {
    curves.set(number, trial.curves);
  }
}

const leaderboard = new Leaderboard(study, select);
await leaderboard.go(0);
document.body.dataset.ready = 'leaderboard';
document.body.dataset.readyMs = Math.round(performance.now()); // navigation start to table drawn

function apply(event) {
  for (const trial of event.trials) {
    leaderboard.live(trial);
    history.add(trial);
    if (trial.number === shownTrial) api.trial(id, trial.number).then(t => showTrial(document.getElementById('trial'), t));
  }
  for (const v of event.values) curves.addValue(v.trial, v.metric, v.step, v.value);
}
events.onmessage = message => apply(JSON.parse(message.data));
pending.splice(0).forEach(apply);

api.history(id).then(h => history.draw(h));
const [columns, sample] = await Promise.all([api.params(id), api.sample(id)]);
leaderboard.showParamFilters(columns);
drawParallel(document.getElementById('parallel'), sample.trials, columns, study.metric, maximize);
document.getElementById('parallel-note').textContent =
  `${sample.trials.length} complete trials` + (sample.trials.length >= 2000 ? ' (an even sample)' : '');
const sliceSelect = document.getElementById('slice-param');
for (const c of columns) sliceSelect.append(el('option', { value: c.name, text: c.name }));
const drawSelectedSlice = () => drawSlice(document.getElementById('slice'), sample.trials,
  columns.find(c => c.name === sliceSelect.value), study.metric);
sliceSelect.onchange = drawSelectedSlice;
drawSelectedSlice();

api.importance(id).then(result => {
  const table = el('table', { class: 'importance' });
  for (const entry of result.importances) {
    table.append(el('tr', {}, el('td', { text: entry.param }),
      el('td', {}, el('span', { class: 'bar', style: `width: ${Math.round(entry.importance * 300)}px` })),
      el('td', { text: fmt(entry.importance) })));
  }
  clear(document.getElementById('importance')).append(table);
  document.getElementById('importance-note').textContent =
    `${result.method}, over ${result.trials} complete trials`;
});
