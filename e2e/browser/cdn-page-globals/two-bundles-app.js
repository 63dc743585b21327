/* global window, location, Sentry */
Sentry.init({ dsn: new URLSearchParams(location.search).get('dsn'), release: 'e2e@1.0.0' });

function throwWithTwoBundles() {
  throw new Error('thrown with two CDN bundles');
}
window.throwLater = () => setTimeout(throwWithTwoBundles);
