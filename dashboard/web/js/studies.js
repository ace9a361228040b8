// The list of studies; tick two or more to compare them.
import { api } from './api.js';
import { banner, el, fmt, when } from './dom.js';

const body = document.querySelector('#studies tbody');
const compare = document.getElementById('compare');
const chosen = new Set();

try {
  const studies = await api.studies();
  document.getElementById('empty').hidden = studies.length > 0;
  for (const s of studies) {
    const link = el('a', { href: 'study.html?id=' + encodeURIComponent(s.id), text: s.name });
    const tick = el('input', { type: 'checkbox', 'aria-label': 'compare ' + s.name, onchange: event => {
      if (event.target.checked) chosen.add(s.id); else chosen.delete(s.id);
      compare.disabled = chosen.size < 2;
    } });
    body.append(el('tr', { 'data-id': s.id },
      el('td', { class: 'text' }, tick),
      el('th', { scope: 'row', class: 'text' }, link),
      el('td', { class: 'text', text: s.direction.toLowerCase() }),
      el('td', { class: 'text', text: s.metric }),
      el('td', { class: 'text', text: s.sampler }),
      el('td', { text: s.trials }),
      el('td', { text: s.states.COMPLETE }),
      el('td', { text: s.states.RUNNING }),
      el('td', { text: s.states.PRUNED }),
      el('td', { text: s.states.FAILED }),
      el('td', { text: fmt(s.best) }),
      el('td', { class: 'text', text: when(s.lastActivity) })));
  }
  compare.onclick = () => { location.href = 'compare.html?ids=' + [...chosen].join(','); };
  document.body.dataset.ready = 'studies';
} catch (e) {
  banner('The studies cannot be read: ' + e.message);
}
