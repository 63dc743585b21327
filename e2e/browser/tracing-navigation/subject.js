/* global window, document, location, history, Sentry */
const params = new URLSearchParams(location.search);
Sentry.init({
  dsn: params.get('dsn'),
  tracesSampleRate: 1,
  integrations: [
    Sentry.browserTracingIntegration({ idleTimeout: 500, enableInteractions: params.has('interactions') }),
  ],
});

// The app's router: a route change renders the view, which loads its data.
window.navigate = (path, api) => {
  history.pushState({}, '', path);
  document.getElementById('view').textContent = path;
  return fetch(api).then((response) => response.text());
};

document.addEventListener('click', (event) => {
  if (event.target.id === 'add') fetch('/api/cart');
});
