/* global window, document, location, XMLHttpRequest, Sentry */
const params = new URLSearchParams(location.search);
Sentry.init({
  dsn: params.get('dsn'),
  sendDefaultPii: params.has('pii'),
  integrations: [Sentry.httpClientIntegration({ failedRequestStatusCodes: [[500, 599], 429], failedRequestTargets: ['/api/'] })],
});
document.cookie = 'theme=dark';
document.cookie = 'session_id=s3cr3t';

function xhr(url) {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('PUT', url);
    request.setRequestHeader('X-Tenant', 'acme');
    request.onloadend = () => resolve(request.status);
    request.send('{}');
  });
}

// Each request, and whether the integration should report it.
window.requests = async () => {
  await fetch('/api/status/500?page=2', { headers: { 'X-Tenant': 'acme', Authorization: 'Bearer k' } });
  await xhr('/api/status/503');
  await fetch('/api/status/429');
  await fetch('/api/status/404');
  await fetch('/api/status/200');
  await fetch('/other/status/500');
  return 3;
};
