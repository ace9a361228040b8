// A note on a study or a trial: its Markdown shown as the HTML the server rendered (raw HTML escaped there),
// and, when the dashboard was started with --allow-notes, an editor that saves it.
import { clear, el, when } from './dom.js';

export function showNote(node, note, writable, save) {
  clear(node);
  const body = el('div', { class: 'note-body' });
  const render = n => {
    clear(body);
    if (n && n.markdown.trim()) {
      body.innerHTML = n.html; // rendered by the server from Markdown with raw HTML escaped
      if (n.updatedAt) body.append(el('p', { class: 'muted', text: 'updated ' + when(n.updatedAt) }));
    } else {
      body.append(el('p', { class: 'empty', text: writable ? 'No note yet.'
        : 'No note yet. Notes are written with `tune4j note`, or here when the dashboard runs with --allow-notes.' }));
    }
  };
  render(note);
  node.append(body);
  if (!writable) return;
  const id = 'note-' + Math.random().toString(36).slice(2);
  const text = el('textarea', { id, text: note ? note.markdown : '' });
  const status = el('span', { class: 'muted', role: 'status' });
  const button = el('button', { type: 'button', text: 'Save note', onclick: async () => {
    status.textContent = 'saving…';
    try {
      render(await save(text.value));
      status.textContent = 'saved';
    } catch (e) {
      status.textContent = 'not saved: ' + e.message;
    }
  } });
  node.append(el('details', {}, el('summary', { text: 'Edit the note (Markdown)' }),
    el('label', { for: id, class: 'visually-hidden', text: 'Note in Markdown' }), text, button, ' ', status));
}
