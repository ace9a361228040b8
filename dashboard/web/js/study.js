// The study page. The leaderboard comes first (the page is usable once it is drawn); the study-wide views
// load after it, side by side. The live stream is opened before anything is read, so no update falls between
// the two. Every failure reaches the page: an unknown study is a message, a server that stopped is a banner.
import { api, ServerGone } from './api.js';
import { banner, clear, el, empty, fmt } from './dom.js';
import { Leaderboard } from './leaderboard.js';
import { CurvesChart, HistoryChart, IntermediateChart, drawEdf, drawSlice } from './charts.js';
import { drawContour, drawRank, drawTimeline } from './maps.js';
import { drawParallel } from './parallel.js';
import { showNote } from './notes.js';
import { TrialView } from './trialview.js';

const $ = id => document.getElementById(id);
const id = new URLSearchParams(location.search).get('id');
const live = $('live');

function failed(error) {
  if (error instanceof ServerGone) { live.textContent = 'live: server not answering'; banner(error.message + '. The page keeps trying.'); }
  else banner(error.message);
}

async function main() {
  if (!id || !/^\d+$/.test(id)) {
    stop(`This address names no study (expected study.html?id=NUMBER, got "${id ?? ''}").`);
    return;
  }
  const events = api.events(id);
  // Closed when the page goes: an event stream left open holds one of the browser's six connections to the
  // server, and a few of them stalled the next page's requests in the browser tests.
  addEventListener('pagehide', () => events.close());
  const pending = [];
  events.onmessage = message => pending.push(JSON.parse(message.data));
  events.onopen = () => { live.textContent = 'live'; banner(null); };
  events.onerror = () => {
    live.textContent = 'live: reconnecting';
    api.study(id).catch(e => { if (e instanceof ServerGone) failed(e); });
  };
  let study;
  try {
    study = await api.study(id);
  } catch (e) {
    events.close();
    stop(e.status === 404 ? `There is no study with id ${id} in this database.` : 'The study cannot be read: ' + e.message);
    return;
  }
  document.title = study.name + ' — tune4j';
  $('study-name').textContent = study.name;
  $('study-meta').textContent = `${study.direction.toLowerCase()} ${study.metric} · ${study.sampler} sampler`;
  for (const [link, file] of [['csv', 'trials.csv'], ['values-csv', 'values.csv'], ['best-params', 'best/params.yaml'],
    ['best-network', 'best/network.json'], ['best-model', 'best/model.zip']]) {
    $(link).href = api.exportUrl(id, file);
  }
  showNote($('study-note'), study.note, study.notesWritable, markdown => api.noteStudy(id, markdown));

  const maximize = study.direction === 'MAXIMIZE';
  const curves = new CurvesChart($('curves'), $('curve-metric'), $('curves-hint'));
  const history = new HistoryChart($('history'), $('history-note'), study.metric, maximize);
  const intermediate = new IntermediateChart($('intermediate'), $('intermediate-metric'), $('intermediate-note'));
  const trialView = new TrialView($('trial'), id, study.notesWritable);

  async function select(number, on) {
    if (!on) { curves.remove(number); return; }
    try {
      const trial = await api.trial(id, number);
      clear($('trial-title')).append(el('a', { href: `trial.html?study=${encodeURIComponent(id)}&number=${number}`,
        text: '#' + number }));
      trialView.show(trial);
      const metrics = Object.keys(trial.curves);
      const first = !curves.select.value;
      // A copy: the chart and the trial view each add the live feed's values to their own.
      curves.set(number, structuredClone(trial.curves));
      if (first && metrics.length) {
        curves.select.value = metrics.includes(study.metric) ? study.metric : metrics[0];
        curves.draw();
      }
    } catch (e) {
      failed(e);
    }
  }

  const leaderboard = new Leaderboard(study, select, failed);
  await leaderboard.go(0);
  document.body.dataset.ready = 'leaderboard';
  document.body.dataset.readyMs = Math.round(performance.now()); // navigation start to table drawn

  const apply = event => {
    for (const trial of event.trials) {
      leaderboard.live(trial);
      history.add(trial);
      if (trialView.trial && trial.number === trialView.trial.number) {
        api.trial(id, trial.number).then(t => trialView.show(t), failed);
      }
    }
    for (const v of event.values) {
      curves.addValue(v.trial, v.metric, v.step, v.value);
      intermediate.addValue(v.trial, v.metric, v.step, v.value);
      leaderboard.liveValue(v.trial, v.step, v.metric, v.value);
      trialView.addValue(v.trial, v.metric, v.step, v.value);
    }
  };
  events.onmessage = message => apply(JSON.parse(message.data));
  pending.splice(0).forEach(apply);

  const views = [
    api.history(id).then(h => { history.draw(h); drawEdf($('edf'), h, study.metric); return h; }),
    Promise.all([api.params(id), api.sample(id)]).then(([columns, sample]) => drawParams(study, leaderboard, columns, sample)),
    api.importance(id).then(result => { drawImportance(result); return result; }),
    api.timeline(id),
    api.intermediate(id),
  ];
  const [h, sliceTo, importance, timeline, spread] = await Promise.all(views.map(v => v.catch(e => { failed(e); return null; })));
  if (sliceTo && importance && importance.importances.length) sliceTo(importance.importances[0].param);
  if (timeline) drawTimeline($('timeline'), $('timeline-note'), timeline, h ? h.total : 0);
  if (spread) intermediate.set(spread, h ? h.total : 0);
  document.body.dataset.views = 'all';
  document.body.dataset.viewsMs = Math.round(performance.now());
}

function drawParams(study, leaderboard, columns, sample) {
  const maximize = study.direction === 'MAXIMIZE';
  leaderboard.showParamFilters(columns);
  drawParallel($('parallel'), $('parallel-brushes'), sample.trials, columns, study.metric, maximize,
    brushes => leaderboard.applyBrushes(brushes));
  $('parallel-note').textContent = `${sample.trials.length} complete trials`
    + (sample.trials.length >= 2000 ? ' (an even sample of the study)' : '') + '; axes on the declared scales.';
  const sliceSelect = $('slice-param');
  const xs = $('contour-x'), ys = $('contour-y');
  for (const c of columns) {
    for (const select of [sliceSelect, xs, ys]) select.append(el('option', { value: c.name, text: c.name }));
  }
  // Two numeric params make the most readable first contour; the user picks any other pair.
  const numeric = columns.filter(c => c.scale !== 'categorical').sort((a, b) => (a.kind === 'float' ? 0 : 1) - (b.kind === 'float' ? 0 : 1));
  const [first, second] = numeric.length > 1 ? numeric : columns;
  if (first) xs.value = first.name;
  if (second) ys.value = second.name;
  const column = name => columns.find(c => c.name === name);
  const slice = () => drawSlice($('slice'), sample.trials, column(sliceSelect.value), study.metric);
  const pair = () => {
    drawContour($('contour'), sample.trials, column(xs.value), column(ys.value), study.metric, maximize);
    drawRank($('rank'), sample.trials, column(xs.value), column(ys.value), study.metric, maximize);
  };
  let chosen = false;
  sliceSelect.onchange = () => { chosen = true; slice(); };
  xs.onchange = pair;
  ys.onchange = pair;
  slice();
  pair();
  // The slice opens on the most important param, once the importance is known, unless the user chose one.
  return name => { if (!chosen && column(name)) { sliceSelect.value = name; slice(); } };
}

function drawImportance(result) {
  const node = $('importance');
  if (!result.importances.length || result.trials < 2) {
    empty(node, 'Importance needs two complete trials with params; this study has ' + result.trials + '.');
  } else {
    const table = el('table', { class: 'importance' }, el('caption', { class: 'visually-hidden', text: 'parameter importance' }),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: 'param' }), el('th', { scope: 'col', text: 'share' }),
        el('th', { scope: 'col', text: 'importance' }))));
    const body = el('tbody');
    for (const entry of result.importances) {
      body.append(el('tr', {}, el('th', { scope: 'row', class: 'text', text: entry.param }),
        el('td', { class: 'bar-cell' }, el('span', { class: 'bar', style: `width: ${Math.round(entry.importance * 100)}%` })),
        el('td', { text: fmt(entry.importance) })));
    }
    table.append(body);
    clear(node).append(table);
    node.dataset.drawn = String(result.importances.length);
  }
  $('importance-note').textContent = `${result.method}, over ${result.trials} complete trials`;
}

/** The page cannot show a study: say why, in place of the views, with a way back. */
function stop(message) {
  document.title = 'no such study — tune4j';
  $('study-name').textContent = 'No study here';
  clear(document.querySelector('main')).append(el('section', { id: 'problem', role: 'alert' },
    el('p', { text: message }), el('p', {}, el('a', { href: 'index.html', text: 'See all studies' }))));
  document.body.dataset.ready = 'error';
}

main().catch(failed);
