/* global window, location, Sentry */
const params = new URLSearchParams(location.search);
const manualFlush = params.get('flush') === 'manual';
Sentry.init({
  dsn: params.get('dsn'),
  release: 'shop@4.0.0',
  enableLogs: true,
  integrations: [Sentry.consoleLoggingIntegration({ levels: ['warn', 'error'] })],
  // without client reports the client has no page-hide flush of its own: the app sends the logs
  ...(manualFlush && { sendClientReports: false }),
});
if (manualFlush) window.addEventListener('pagehide', () => Sentry.flushLogs(Sentry.getClient()));

window.logSome = () => {
  const items = 3;
  Sentry.logger.info(Sentry.logger.fmt`Cart has ${items} items`, { page: 'cart', total: 42.5 });
  console.warn('low stock for %s', 'socks');
  console.log('not a chosen level');
  return Sentry.flush(5000);
};

window.logAndLeave = (message) => {
  Sentry.logger.warn(message, { step: 'checkout' });
  location.href = '/next.html';
};

window.logAndStay = (message) => {
  Sentry.logger.error(message);
};
