/* global location, Sentry */
Sentry.init({
  dsn: new URLSearchParams(location.search).get('dsn'),
  tracesSampleRate: 1,
  integrations: [Sentry.browserTracingIntegration()],
});
