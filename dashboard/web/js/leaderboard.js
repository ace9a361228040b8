// The leaderboard: a server-side sorted, filtered, paged table. New trials pushed by the live feed are
// placed into the page shown when they belong there; nothing else is fetched again.
import { api } from './api.js';
import { clear, el, fmt } from './dom.js';

const PAGE = 50;

export class Leaderboard {
  constructor(study, onSelect) {
    this.study = study;
    this.onSelect = onSelect;
    this.maximize = study.direction === 'MAXIMIZE';
    this.sort = 'value';
    this.order = this.maximize ? 'desc' : 'asc';
    this.offset = 0;
    this.rows = [];
    this.total = 0;
    this.exact = true;
    this.params = [];
    this.selected = new Set();
    this.filter = { states: [], valueMin: null, valueMax: null, params: {} };
    this.table = document.getElementById('leaderboard');
    document.getElementById('prev').onclick = () => this.go(Math.max(0, this.offset - PAGE));
    document.getElementById('next').onclick = () => this.go(this.offset + PAGE);
    document.getElementById('apply').onclick = () => { this.readFilters(); this.go(0); };
  }

  query() {
    const q = new URLSearchParams({ sort: this.sort, order: this.order, offset: this.offset, limit: PAGE });
    if (this.filter.states.length) q.set('state', this.filter.states.join(','));
    if (this.filter.valueMin !== null) q.set('value_min', this.filter.valueMin);
    if (this.filter.valueMax !== null) q.set('value_max', this.filter.valueMax);
    for (const [name, f] of Object.entries(this.filter.params)) {
      if (f.min !== null) q.set('pmin.' + name, f.min);
      if (f.max !== null) q.set('pmax.' + name, f.max);
      for (const choice of f.oneOf || []) q.append('pin.' + name, choice);
    }
    return q;
  }

  async go(offset) {
    this.offset = offset;
    const page = await api.trials(this.study.id, this.query());
    this.rows = page.trials;
    this.total = page.total;
    this.exact = page.exact;
    for (const trial of this.rows) this.learn(Object.keys(trial.params));
    this.render();
  }

  learn(names) {
    for (const name of names) if (!this.params.includes(name)) this.params.push(name);
    this.params.sort();
  }

  setSort(key) {
    if (this.sort === key) this.order = this.order === 'asc' ? 'desc' : 'asc';
    else { this.sort = key; this.order = key === 'value' ? (this.maximize ? 'desc' : 'asc') : 'asc'; }
    this.go(0);
  }

  header() {
    const cell = (label, key, text) => {
      const th = el('th', { text: label, 'data-sort': key, class: text ? 'text' : '' });
      if (this.sort === key) th.classList.add('sorted-' + this.order);
      th.onclick = () => this.setSort(key);
      return th;
    };
    const row = el('tr', {}, cell('#', 'number'), el('th', { class: 'text', text: 'state' }), cell('value', 'value'));
    for (const p of this.params) row.append(cell(p, 'param:' + p));
    row.append(el('th', { text: 'epochs' }), el('th', { class: 'text', text: 'device' }));
    return row;
  }

  render() {
    clear(this.table.tHead).append(this.header());
    const body = clear(this.table.tBodies[0]);
    for (const trial of this.rows) body.append(this.row(trial));
    const end = this.offset + this.rows.length;
    document.getElementById('range').textContent = this.rows.length
      ? `${this.offset + 1}–${end} of ${this.exact ? '' : 'more than '}${this.total}` : 'no trials match';
    document.getElementById('prev').disabled = this.offset === 0;
    document.getElementById('next').disabled = end >= this.total;
  }

  row(trial, fresh) {
    const tr = el('tr', { 'data-number': trial.number, class: fresh ? 'fresh' : '' },
      el('td', { text: trial.number }),
      el('td', { class: 'text state-' + trial.state, text: trial.state.toLowerCase() }),
      el('td', { class: 'value', text: fmt(trial.value) }));
    for (const p of this.params) {
      const v = trial.params[p];
      tr.append(el('td', { class: typeof v === 'number' ? '' : 'text', text: fmt(v) }));
    }
    tr.append(el('td', { text: trial.attributes.epochs_trained ?? '-' }),
      el('td', { class: 'text', text: trial.device ?? '-' }));
    if (this.selected.has(trial.number)) tr.classList.add('selected');
    tr.onclick = () => {
      if (this.selected.has(trial.number)) this.selected.delete(trial.number);
      else this.selected.add(trial.number);
      tr.classList.toggle('selected');
      this.onSelect(trial.number, this.selected.has(trial.number));
    };
    return tr;
  }

  /** A trial pushed by the live feed: update its row, or insert it if it sorts into this page. */
  live(trial) {
    this.learn(Object.keys(trial.params));
    const at = this.rows.findIndex(r => r.number === trial.number);
    if (at >= 0) {
      if (!this.matches(trial)) { this.rows.splice(at, 1); this.total--; }
      else this.rows[at] = trial;
    } else if (this.matches(trial)) {
      this.total++;
      this.rows.push(trial);
    } else {
      return;
    }
    this.rows.sort((a, b) => this.compare(a, b));
    const full = this.offset === 0 ? this.rows.slice(0, PAGE) : this.rows;
    // On later pages only rows already shown are updated: an insert would shift the pages the user reads.
    if (this.offset === 0) this.rows = full;
    else if (at < 0) this.rows = this.rows.filter(r => r.number !== trial.number);
    this.render();
    const tr = this.table.querySelector(`tr[data-number="${trial.number}"]`);
    if (tr) tr.classList.add('fresh');
  }

  matches(trial) {
    const f = this.filter;
    if (f.states.length && !f.states.includes(trial.state)) return false;
    if (f.valueMin !== null && !(trial.value >= f.valueMin)) return false;
    if (f.valueMax !== null && !(trial.value <= f.valueMax)) return false;
    for (const [name, p] of Object.entries(f.params)) {
      const v = trial.params[name];
      if (v === undefined) return false;
      if (p.min !== null && !(v >= p.min)) return false;
      if (p.max !== null && !(v <= p.max)) return false;
      if (p.oneOf && p.oneOf.length && !p.oneOf.includes(String(v))) return false;
    }
    return true;
  }

  compare(a, b) {
    const key = t => this.sort === 'number' ? t.number : this.sort === 'value' ? t.value
      : t.params[this.sort.slice('param:'.length)];
    const x = key(a), y = key(b);
    if (x === y || (x == null && y == null)) return a.number - b.number;
    if (x == null) return 1;
    if (y == null) return -1;
    const c = x < y ? -1 : 1;
    return this.order === 'asc' ? c : -c;
  }

  /** Builds the param filter inputs once the study's param columns are known. */
  showParamFilters(columns) {
    const holder = clear(document.getElementById('param-filters'));
    for (const c of columns) {
      if (c.numeric) {
        holder.append(el('label', {}, c.name + ' ',
          el('input', { type: 'number', step: 'any', 'data-param': c.name, 'data-bound': 'min', placeholder: fmt(c.min) }),
          '–', el('input', { type: 'number', step: 'any', 'data-param': c.name, 'data-bound': 'max', placeholder: fmt(c.max) })));
      } else if (c.choices.length) {
        const select = el('select', { multiple: true, 'data-param': c.name, 'data-bound': 'in', size: 1 });
        for (const choice of c.choices) select.append(el('option', { value: choice, text: choice }));
        holder.append(el('label', {}, c.name + ' ', select));
      }
    }
  }

  readFilters() {
    const form = document.getElementById('filters');
    const number = v => (v === '' || v === null ? null : Number(v));
    this.filter.states = [...form.querySelectorAll('input[name=state]:checked')].map(i => i.value);
    this.filter.valueMin = number(form.elements.value_min.value);
    this.filter.valueMax = number(form.elements.value_max.value);
    this.filter.params = {};
    for (const input of form.querySelectorAll('[data-param]')) {
      const name = input.dataset.param;
      const f = this.filter.params[name] || { min: null, max: null, oneOf: [] };
      if (input.dataset.bound === 'in') f.oneOf = [...input.selectedOptions].map(o => o.value);
      else f[input.dataset.bound] = number(input.value);
      if (f.min !== null || f.max !== null || f.oneOf.length) this.filter.params[name] = f;
    }
  }
}
