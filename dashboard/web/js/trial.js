// A trial on its own page: trial.html?study=ID&number=N, a link that can be shared.
import { api } from './api.js';
import { showTrial } from './trialview.js';

const args = new URLSearchParams(location.search);
const study = await api.study(args.get('study'));
const trial = await api.trial(study.id, args.get('number'));
document.getElementById('trial-heading').textContent = `${study.name} · trial #${trial.number}`;
document.getElementById('back').href = 'study.html?id=' + encodeURIComponent(study.id);
showTrial(document.getElementById('trial'), trial);
