/* global location, Sentry */
Sentry.init({ dsn: new URLSearchParams(location.search).get('dsn'), release: 'e2e@1.0.0' });

function throwBesideOwnSentry() {
  throw new Error('thrown beside the page own Sentry');
}
setTimeout(throwBesideOwnSentry);
