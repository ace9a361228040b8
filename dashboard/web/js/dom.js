// Small DOM helpers. Data from the database only ever reaches the page through textContent or attribute
// values, never innerHTML: a study or param named "<script>" shows as text. The one exception is a note's
// HTML, which the server renders from Markdown with raw HTML escaped (see notes/Markdown.java).

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'text') node.textContent = value;
    else if (key === 'class') node.className = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

/** Replaces a chart's content with a sentence saying why there is nothing to draw. */
export function empty(node, sentence) {
  clear(node).append(el('p', { class: 'empty', text: sentence }));
  node.dataset.drawn = 'empty';
}

/** Shows a problem at the top of the page (role=alert, so screen readers announce it); null hides it. */
export function banner(message) {
  const node = document.getElementById('banner');
  if (!node) return;
  node.textContent = message || '';
  node.hidden = !message;
}

export function fmt(value) {
  if (value === null || value === undefined) return '-';
  if (typeof value === 'number') {
    if (Number.isInteger(value)) return String(value);
    const abs = Math.abs(value);
    return abs !== 0 && (abs < 1e-3 || abs >= 1e5) ? value.toExponential(3) : value.toFixed(4);
  }
  return String(value);
}

export function when(iso) {
  return iso ? new Date(iso).toLocaleString() : '-';
}

export function seconds(start, end) {
  if (!start || !end) return '-';
  return ((new Date(end) - new Date(start)) / 1000).toFixed(1) + ' s';
}
