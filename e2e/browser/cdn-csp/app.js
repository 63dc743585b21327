/* global location, Sentry */
const dsn = new URLSearchParams(location.search).get('dsn');
Sentry.init({
  dsn,
  release: 'e2e@1.0.0',
  integrations: [Sentry.browserTracingIntegration()],
  tracesSampleRate: 1,
  enableLogs: true,
});
Sentry.logger.info('log under a strict CSP');

function throwUnderCsp() {
  throw new Error('thrown under a strict CSP');
}
setTimeout(throwUnderCsp);
