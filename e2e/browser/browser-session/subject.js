/* global window, location, history, Sentry */
// Starts the SDK as the query string says, and offers what changes a session.
const params = new URLSearchParams(location.search);
Sentry.init({
  dsn: params.get('dsn'),
  ...(params.get('release') && { release: params.get('release') }),
  sendDefaultPii: params.has('pii'),
  integrations: params.get('lifecycle') === 'route' ? [Sentry.browserSessionIntegration({ lifecycle: 'route' })] : [],
});
if (params.get('user')) Sentry.setUser({ id: params.get('user') });

window.handledError = (message) => Sentry.captureException(new Error(message));
window.uncaughtError = (message) =>
  setTimeout(() => {
    throw new Error(message);
  });
window.navigate = (path) => history.pushState({}, '', path);
