// The leaderboard: a server-side sorted, filtered, paged table. New trials pushed by the live feed are
// placed into the page shown when they belong there; nothing else is fetched again. Sort headers are buttons
// and rows are focusable (Enter or Space chooses one), so the table works from the keyboard alone.
import { api } from './api.js';
import { clear, el, fmt } from './dom.js';

const PAGE = 50;

export class Leaderboard {
  constructor(study, onSelect, onError) {
    this.study = study;
    this.onSelect = onSelect;
    this.onError = onError;
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
    this.form = document.getElementById('filters');
    document.getElementById('prev').onclick = () => this.go(Math.max(0, this.offset - PAGE));
    document.getElementById('next').onclick = () => this.go(this.offset + PAGE);
    this.form.onsubmit = event => { event.preventDefault(); this.readFilters(); this.go(0); };
    document.getElementById('clear').onclick = () => { this.form.reset(); this.readFilters(); this.go(0); };
  }

  query(offset) {
    const q = new URLSearchParams({ sort: this.sort, order: this.order, offset, limit: PAGE });
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

  /** Reads and draws the page at `offset`; a failure goes to onError and leaves the table as it was. */
  async go(offset) {
    try {
      const page = await api.trials(this.study.id, this.query(offset));
      this.offset = offset;
      this.rows = page.trials;
      this.total = page.total;
      this.exact = page.exact;
      for (const trial of this.rows) this.learn(Object.keys(trial.params));
      this.render();
      return true;
    } catch (e) {
      this.onError(e);
      return false;
    }
  }

  learn(names) {
    for (const name of names) if (!this.params.includes(name)) this.params.push(name);
    this.params.sort();
  }

  setSort(key) {
    if (this.sort === key) this.order = this.order === 'asc' ? 'desc' : 'asc';
    else { this.sort = key; this.order = key === 'value' ? (this.maximize ? 'desc' : 'asc') : 'asc'; }
    this.go(0).then(() => this.table.querySelector(`th[data-sort="${CSS.escape(key)}"] button`)?.focus());
  }

  header() {
    const cell = (label, key, text) => {
      const sorted = this.sort === key ? (this.order === 'asc' ? 'ascending' : 'descending') : null;
      return el('th', { scope: 'col', 'data-sort': key, class: text ? 'text' : '', 'aria-sort': sorted },
        el('button', { type: 'button', class: 'sort', text: label, onclick: () => this.setSort(key),
          'aria-label': `${label}: sort ${sorted === 'ascending' ? 'descending' : 'ascending'}` }));
    };
    const row = el('tr', {}, cell('#', 'number'), el('th', { scope: 'col', class: 'text', text: 'state' }),
      cell(this.study.metric, 'value'));
    for (const p of this.params) row.append(cell(p, 'param:' + p));
    row.append(el('th', { scope: 'col', text: 'epochs' }), el('th', { scope: 'col', class: 'text', text: 'device' }));
    return row;
  }

  render() {
    clear(this.table.tHead).append(this.header());
    const body = clear(this.table.tBodies[0]);
    for (const trial of this.rows) body.append(this.row(trial));
    const end = this.offset + this.rows.length;
    const filtered = this.form.querySelector(':checked') || Object.keys(this.filter.params).length
      || this.filter.valueMin !== null || this.filter.valueMax !== null;
    document.getElementById('range').textContent = this.rows.length
      ? `${this.offset + 1}–${end} of ${this.exact ? '' : 'more than '}${this.total}` : '';
    const none = document.getElementById('leaderboard-empty');
    none.hidden = this.rows.length > 0;
    none.textContent = filtered ? 'No trial matches these filters. Clear them to see every trial.'
      : 'This study has no trials yet; they appear here as soon as they start.';
    document.getElementById('prev').disabled = this.offset === 0;
    document.getElementById('next').disabled = end >= this.total;
  }

  row(trial) {
    const selected = this.selected.has(trial.number);
    const running = trial.state === 'RUNNING' && trial.latest;
    const valueText = running ? `${fmt(trial.latest.value)} (epoch ${trial.latest.step})` : fmt(trial.value);
    const tr = el('tr', { 'data-number': trial.number, class: 'pickable', tabindex: 0, 'aria-selected': String(selected) },
      el('th', { scope: 'row', text: trial.number }),
      el('td', { class: 'text state-' + trial.state, text: trial.state.toLowerCase() }),
      el('td', { class: 'value', text: valueText, title: running ? 'latest reported value, trial still running' : null }));
    for (const p of this.params) {
      const v = trial.params[p];
      tr.append(el('td', { class: typeof v === 'number' ? '' : 'text', text: v === undefined ? '–' : fmt(v),
        'aria-label': v === undefined ? 'absent' : null }));
    }
    tr.append(el('td', { text: trial.attributes.epochs_trained ?? (trial.latest ? trial.latest.step : '-') }),
      el('td', { class: 'text', text: trial.device ?? '-' }));
    const toggle = () => {
      if (this.selected.has(trial.number)) this.selected.delete(trial.number);
      else this.selected.add(trial.number);
      tr.setAttribute('aria-selected', String(this.selected.has(trial.number)));
      this.onSelect(trial.number, this.selected.has(trial.number));
    };
    tr.onclick = toggle;
    tr.onkeydown = event => {
      if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); toggle(); }
      else if (event.key === 'ArrowDown') { event.preventDefault(); tr.nextElementSibling?.focus(); }
      else if (event.key === 'ArrowUp') { event.preventDefault(); tr.previousElementSibling?.focus(); }
    };
    return tr;
  }

  /** A trial pushed by the live feed: update its row, or insert it if it sorts into this page. */
  live(trial) {
    this.learn(Object.keys(trial.params));
    const at = this.rows.findIndex(r => r.number === trial.number);
    if (at >= 0) {
      trial.latest = trial.latest || this.rows[at].latest;
      if (!this.matches(trial)) { this.rows.splice(at, 1); this.total--; } else this.rows[at] = trial;
    } else if (this.matches(trial)) {
      this.total++;
      this.rows.push(trial);
    } else {
      return;
    }
    this.rows.sort((a, b) => this.compare(a, b));
    // On later pages only rows already shown are updated: an insert would shift the pages the user reads.
    if (this.offset === 0) this.rows = this.rows.slice(0, PAGE);
    else if (at < 0) this.rows = this.rows.filter(r => r.number !== trial.number);
    this.refresh(trial.number);
  }

  /** An epoch's value pushed by the live feed: a running trial's row shows its latest epoch and value. */
  liveValue(number, step, metric, value) {
    const trial = this.rows.find(r => r.number === number);
    if (!trial || trial.state !== 'RUNNING') return;
    if (metric !== this.study.metric && trial.latest && trial.latest.metric === this.study.metric) return;
    if (trial.latest && trial.latest.step > step && trial.latest.metric === metric) return;
    trial.latest = { step, metric, value };
    this.refresh(number);
  }

  refresh(number) {
    const focused = document.activeElement?.dataset?.number;
    this.render();
    const tr = this.table.querySelector(`tr[data-number="${number}"]`);
    if (tr) tr.classList.add('fresh');
    if (focused !== undefined) this.table.querySelector(`tr[data-number="${focused}"]`)?.focus();
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

  /** Builds the param filters once the study's params are known: a range per number, tick boxes per category. */
  showParamFilters(columns) {
    const holder = clear(document.getElementById('param-filters'));
    // Open where there is room; on a phone the param filters would push the table a screen down.
    document.getElementById('param-details').open = matchMedia('(min-width: 701px)').matches;
    document.getElementById('param-details').querySelector('summary').textContent = `params (${columns.length})`;
    for (const c of columns) {
      if (c.scale !== 'categorical') {
        holder.append(el('fieldset', {}, el('legend', { text: c.name + (c.scale === 'log' ? ' (log)' : '') }),
          el('label', {}, 'from ', el('input', { type: 'number', step: 'any', 'data-param': c.name, 'data-bound': 'min',
            placeholder: fmt(c.low), 'aria-label': c.name + ' from' })),
          el('label', {}, ' to ', el('input', { type: 'number', step: 'any', 'data-param': c.name, 'data-bound': 'max',
            placeholder: fmt(c.high), 'aria-label': c.name + ' to' }))));
      } else if (c.choices.length) {
        const chips = el('div', { class: 'chips' });
        for (const choice of c.choices) {
          chips.append(el('label', {}, el('input', { type: 'checkbox', 'data-param': c.name, 'data-bound': 'in',
            value: choice }), choice));
        }
        holder.append(el('fieldset', {}, el('legend', { text: c.name }), chips));
      }
    }
  }

  /** Puts brushed ranges of the parallel coordinates into the filter form and applies them. */
  applyBrushes(brushes) {
    for (const input of this.form.querySelectorAll('[data-param]')) {
      const b = brushes.find(x => x.name === input.dataset.param);
      if (input.dataset.bound === 'in') input.checked = !!b && b.oneOf.includes(input.value);
      else input.value = b && b[input.dataset.bound] !== undefined ? Number(b[input.dataset.bound].toPrecision(6)) : '';
    }
    const value = brushes.find(b => b.value);
    this.form.elements.value_min.value = value ? Number(value.min.toPrecision(6)) : '';
    this.form.elements.value_max.value = value ? Number(value.max.toPrecision(6)) : '';
    this.readFilters();
    return this.go(0);
  }

  readFilters() {
    const number = v => (v === '' || v === null ? null : Number(v));
    this.filter.states = [...this.form.querySelectorAll('input[name=state]:checked')].map(i => i.value);
    this.filter.valueMin = number(this.form.elements.value_min.value);
    this.filter.valueMax = number(this.form.elements.value_max.value);
    this.filter.params = {};
    for (const input of this.form.querySelectorAll('[data-param]')) {
      const name = input.dataset.param;
      const f = this.filter.params[name] || { min: null, max: null, oneOf: [] };
      if (input.dataset.bound === 'in') { if (input.checked) f.oneOf.push(input.value); } else f[input.dataset.bound] = number(input.value);
      if (f.min !== null || f.max !== null || f.oneOf.length) this.filter.params[name] = f;
    }
  }
}
