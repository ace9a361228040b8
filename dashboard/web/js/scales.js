// Axes from the declared space: each param is drawn on the scale it was sampled on (log, linear or its
// categories in declared order), over its declared bounds, as /params gives them. Trials that lack a param
// (a conditional one) get a slot of their own, "absent", at the bottom of the axis, rather than being skipped.

export const ABSENT = '(absent)';
/** Share of the axis below the real values kept for the "absent" slot (at 0), when some trial lacks the param. */
const ABSENT_ROOM = 0.16;

/**
 * An axis for `column` over `values` (the values the trials have; undefined for a trial without the param):
 * at(v) gives a position in [0, 1], ticks() labelled positions, range(u0, u1) what a brushed stretch holds.
 */
export function axisFor(column, values) {
  const absent = values.some(v => v === undefined || v === null);
  const present = values.filter(v => v !== undefined && v !== null);
  const base = absent ? ABSENT_ROOM : 0;
  if (column.scale === 'categorical') return categorical(column, present, absent);
  const log = column.scale === 'log' && (column.low ?? Math.min(...present)) > 0;
  const f = log ? Math.log10 : x => x;
  let lo = column.low ?? (present.length ? Math.min(...present) : 0);
  let hi = column.high ?? (present.length ? Math.max(...present) : 1);
  if (lo === hi) { lo = log ? lo / 2 : lo - 0.5; hi = log ? hi * 2 : hi + 0.5; }
  const flo = f(lo), fhi = f(hi);
  const unit = v => base + (1 - base) * (f(v) - flo) / (fhi - flo);
  const inverse = u => { const x = flo + ((u - base) / (1 - base)) * (fhi - flo); return log ? 10 ** x : x; };
  return {
    name: column.name, kind: log ? 'log' : 'linear', absent, integer: column.kind === 'int', lo, hi,
    at: v => (v === undefined || v === null ? (absent ? 0 : null) : Math.min(1, Math.max(base, unit(v)))),
    ticks: () => {
      const ticks = (log ? logTicks(lo, hi) : niceTicks(lo, hi)).map(v => ({ u: unit(v), label: short(v) }));
      if (absent) ticks.push({ u: 0, label: ABSENT });
      return ticks;
    },
    range: (u0, u1) => ({ min: u0 <= base ? lo : inverse(u0), max: inverse(u1), absent: absent && u0 <= base }),
  };
}

function categorical(column, present, absent) {
  const seen = [...new Set(present.map(String))].sort();
  const choices = column.choices && column.choices.length ? column.choices.slice() : seen;
  for (const v of seen) if (!choices.includes(v)) choices.push(v);
  const slots = absent ? [ABSENT, ...choices] : choices;
  const at = label => (slots.length < 2 ? 0.5 : slots.indexOf(label) / (slots.length - 1));
  return {
    name: column.name, kind: 'categorical', absent, choices,
    at: v => at(v === undefined || v === null ? ABSENT : String(v)),
    ticks: () => slots.map(label => ({ u: at(label), label })),
    range: (u0, u1) => {
      const inside = slots.filter(s => at(s) >= u0 && at(s) <= u1);
      return { oneOf: inside.filter(s => s !== ABSENT), absent: inside.includes(ABSENT) };
    },
  };
}

/** An axis for the objective value itself: linear over the values seen. */
export function valueAxis(name, values) {
  return axisFor({ name, scale: 'linear', low: null, high: null }, values.filter(v => v !== null));
}

export function niceTicks(lo, hi, count = 5) {
  const span = hi - lo;
  if (!(span > 0)) return [lo];
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map(m => m * power).find(s => s >= raw);
  const ticks = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

function logTicks(lo, hi) {
  const ticks = [];
  for (let e = Math.ceil(Math.log10(lo) - 1e-9); 10 ** e <= hi * (1 + 1e-9); e++) ticks.push(10 ** e);
  if (ticks.length >= 3) return ticks;
  // Less than about two decades: 1-2-5 steps so the axis still has a few labels.
  const more = [];
  for (let e = Math.floor(Math.log10(lo)); 10 ** e <= hi; e++) {
    for (const m of [1, 2, 5]) { const v = m * 10 ** e; if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) more.push(v); }
  }
  return more.length ? more : [lo, hi];
}

export function short(v) {
  if (typeof v !== 'number') return String(v);
  if (v === 0) return '0';
  const abs = Math.abs(v);
  if (abs >= 1e4 || abs < 1e-3) return v.toExponential(0).replace('e+', 'e');
  return String(Number(v.toPrecision(3)));
}

/** A colour for a value in [0, 1], dark blue (0) to yellow (1); readable on white at both ends of the legend. */
export function ramp(t) {
  const stops = [[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]];
  const x = Math.min(1, Math.max(0, t)) * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(x));
  const f = x - i;
  const c = stops[i].map((a, k) => Math.round(a + (stops[i + 1][k] - a) * f));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}

export const RAMP_CSS = 'linear-gradient(to right, ' + [0, 0.25, 0.5, 0.75, 1].map(ramp).join(', ') + ')';
