/* global window, location, Sentry, SentryNpm */
const options = { dsn: new URLSearchParams(location.search).get('dsn'), release: 'e2e@1.0.0', debug: true };
Sentry.init(options);
SentryNpm.init(options);

function throwWithTwoCopies() {
  throw new Error('thrown with two SDK copies');
}
window.throwLater = () => setTimeout(throwWithTwoCopies);
