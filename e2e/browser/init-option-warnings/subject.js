/* global window, location, Sentry */
// The first init of the page, with a common mistake: the integration's factory, not called.
window.initWithUncalledFactory = () =>
  Sentry.init({
    dsn: new URLSearchParams(location.search).get('dsn'),
    debug: true,
    integrations: [Sentry.browserTracingIntegration, null],
  });
