/* global window, location, Sentry, SentryCdn */
const dsn = new URLSearchParams(location.search).get('dsn');
window.pageErrors = [];
window.addEventListener('error', (event) => window.pageErrors.push(String(event.message)));

// Both copies are initialised, as when a widget ships its own SDK: neither may break the page.
window.runTwoCopies = async () => {
  const results = {};
  try {
    SentryCdn.init({ dsn, release: 'two-copies@1.0.0' });
    Sentry.init({ dsn, release: 'two-copies@1.0.0' });
    results.cdnId = SentryCdn.captureException(new Error('captured by the CDN copy'));
    results.npmId = Sentry.captureException(new Error('captured by the npm copy'));
    SentryCdn.setTag('copy', 'cdn');
    Sentry.addBreadcrumb({ message: 'from the npm copy' });
    results.flushedCdn = await SentryCdn.flush(5000);
    results.flushedNpm = await Sentry.flush(5000);
  } catch (error) {
    results.thrown = String(error);
  }
  return results;
};
