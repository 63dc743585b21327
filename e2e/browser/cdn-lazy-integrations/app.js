/* global window, location, history, Sentry */
Sentry.init({
  dsn: new URLSearchParams(location.search).get('dsn'),
  release: 'e2e@1.0.0',
  tracesSampleRate: 1,
});

// Each returns what the page saw, for the test to check.
window.steps = {
  async httpClient() {
    const httpClient = await Sentry.lazyLoadIntegration('httpClientIntegration');
    Sentry.addIntegration(httpClient());
    const response = await fetch('/fails-with-500');
    return {
      status: response.status,
      again: (await Sentry.lazyLoadIntegration('httpClientIntegration')) === httpClient,
    };
  },
  async tracing() {
    const browserTracing = await Sentry.lazyLoadIntegration('browserTracingIntegration');
    Sentry.addIntegration(browserTracing({ instrumentPageLoad: false }));
    history.pushState({}, '', '/lazy-route');
    return typeof Sentry.browserTracingIntegration;
  },
  async unknown() {
    return Sentry.lazyLoadIntegration('noSuchIntegration').then(
      () => 'resolved',
      (error) => error.message,
    );
  },
};
