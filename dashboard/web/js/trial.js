// A trial on its own page: trial.html?study=ID&number=N, a link that can be shared. A running trial's epoch
// table grows as the live feed reports its epochs.
import { api } from './api.js';
import { banner, clear, el } from './dom.js';
import { TrialView } from './trialview.js';

const args = new URLSearchParams(location.search);
const node = document.getElementById('trial');
try {
  const study = await api.study(args.get('study'));
  document.getElementById('back').href = 'study.html?id=' + encodeURIComponent(study.id);
  const events = api.events(study.id);
  addEventListener('pagehide', () => events.close()); // frees the connection at once (see study.js)
  const view = new TrialView(node, study.id, study.notesWritable);
  const trial = await api.trial(study.id, args.get('number'));
  document.title = `${study.name} · trial #${trial.number} — tune4j`;
  document.getElementById('trial-heading').textContent = `${study.name} · trial #${trial.number}`;
  view.show(trial);
  const live = document.getElementById('live');
  events.onopen = () => { live.textContent = 'live'; banner(null); };
  events.onerror = () => { live.textContent = 'live: reconnecting'; };
  events.onmessage = message => {
    const event = JSON.parse(message.data);
    for (const v of event.values) view.addValue(v.trial, v.metric, v.step, v.value);
    if (event.trials.some(t => t.number === trial.number)) {
      api.trial(study.id, trial.number).then(t => view.show(t), e => banner(e.message));
    }
  };
  document.body.dataset.ready = 'trial';
} catch (e) {
  document.getElementById('trial-heading').textContent = 'No trial here';
  clear(node).append(el('p', { role: 'alert', text: e.status === 404 ? e.message + '.' : 'The trial cannot be read: ' + e.message }),
    el('p', {}, el('a', { href: 'index.html', text: 'See all studies' })));
  document.body.dataset.ready = 'error';
}
