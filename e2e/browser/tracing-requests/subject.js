/* global window, location, XMLHttpRequest, Sentry */
const params = new URLSearchParams(location.search);
const targets = params.get('targets');
Sentry.init({
  dsn: params.get('dsn'),
  tracesSampleRate: 1,
  ...(targets && { tracePropagationTargets: JSON.parse(targets) }),
  integrations: [
    Sentry.browserTracingIntegration({ instrumentPageLoad: false, instrumentNavigation: false }),
  ],
});

function xhr(url) {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('GET', url);
    request.onloadend = () => resolve(request.status);
    request.send();
  });
}

// One transaction whose requests all start while it is active: same origin (fetch with the app's own
// header, XHR, a failing one) and another local origin.
window.checkout = (otherOrigin) =>
  Sentry.startSpan({ name: 'checkout', op: 'function' }, () =>
    Promise.all([
      fetch('/api/echo/fetch?step=1', { headers: { 'X-Tenant': 'acme', baggage: 'vendor=acme' } }),
      xhr('/api/echo/xhr'),
      fetch('/api/status/503'),
      fetch(`${otherOrigin}/api/echo/other`),
    ]),
  ).then(() => Sentry.captureMessage('checkout done'));
