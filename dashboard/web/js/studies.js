import { api } from './api.js';
import { el, fmt, when } from './dom.js';

const body = document.querySelector('#studies tbody');
const studies = await api.studies();
document.getElementById('empty').hidden = studies.length > 0;
for (const s of studies) {
  const link = el('a', { href: 'study.html?id=' + encodeURIComponent(s.id), text: s.name });
  body.append(el('tr', { 'data-id': s.id, onclick: () => { location.href = link.href; } },
    el('td', { class: 'text' }, link),
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
