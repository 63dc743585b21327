/* global location, Sentry */
Sentry.init({ dsn: new URLSearchParams(location.search).get('dsn'), release: 'e2e@1.0.0' });

function throwBesideUnextendableSentry() {
  throw new Error('thrown beside an unextendable Sentry');
}
setTimeout(throwBesideUnextendableSentry);
