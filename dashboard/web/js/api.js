// The JSON API, one function per endpoint. Errors carry the server's message; a server that does not answer
// at all is reported as such (fetch itself fails), so the page can say so instead of silently doing nothing.

export class ServerGone extends Error {}

async function call(path, init = {}) {
  let response;
  try {
    response = await fetch(path, { credentials: 'same-origin', ...init });
  } catch (e) {
    throw new ServerGone('the dashboard server does not answer (stopped, or the network is down)');
  }
  let body;
  try {
    body = await response.json();
  } catch (e) {
    throw new Error('HTTP ' + response.status + ' with an answer that is not JSON');
  }
  if (!response.ok) {
    const error = new Error(body.error || ('HTTP ' + response.status));
    error.status = response.status;
    throw error;
  }
  return body;
}

const study = id => '/api/studies/' + encodeURIComponent(id);
const put = (path, markdown) => call(path, { method: 'PUT', headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ markdown }) });

export const api = {
  studies: () => call('/api/studies'),
  study: id => call(study(id)),
  params: id => call(study(id) + '/params'),
  trials: (id, query) => call(study(id) + '/trials?' + query.toString()),
  trial: (id, number) => call(study(id) + '/trials/' + encodeURIComponent(number)),
  curves: (id, numbers) => call(study(id) + '/curves?trials=' + numbers.join(',')),
  history: id => call(study(id) + '/history'),
  sample: id => call(study(id) + '/sample'),
  importance: id => call(study(id) + '/importance'),
  timeline: id => call(study(id) + '/timeline'),
  intermediate: id => call(study(id) + '/intermediate'),
  noteStudy: (id, markdown) => put(study(id) + '/notes', markdown),
  noteTrial: (id, number, markdown) => put(study(id) + '/trials/' + encodeURIComponent(number) + '/notes', markdown),
  events: id => new EventSource(study(id) + '/events'),
  exportUrl: (id, file) => study(id) + '/export/' + file,
  fileUrl: (id, number, file) => study(id) + '/trials/' + encodeURIComponent(number) + '/files/' + file,
};
