// The JSON API, one function per endpoint. Errors carry the server's message.

async function get(path) {
  const response = await fetch(path, { credentials: 'same-origin' });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || ('HTTP ' + response.status));
  return body;
}

const study = id => '/api/studies/' + encodeURIComponent(id);

export const api = {
  studies: () => get('/api/studies'),
  study: id => get(study(id)),
  params: id => get(study(id) + '/params'),
  trials: (id, query) => get(study(id) + '/trials?' + query.toString()),
  trial: (id, number) => get(study(id) + '/trials/' + encodeURIComponent(number)),
  curves: (id, numbers) => get(study(id) + '/curves?trials=' + numbers.join(',')),
  history: id => get(study(id) + '/history'),
  sample: id => get(study(id) + '/sample'),
  importance: id => get(study(id) + '/importance'),
  events: id => new EventSource(study(id) + '/events'),
  exportUrl: (id, file) => study(id) + '/export/' + file,
};
