/* global self, location, importScripts, Sentry */
importScripts('/bundles/bundle.min.js');
Sentry.init({ dsn: new URLSearchParams(location.search).get('dsn'), release: 'e2e@1.0.0' });

function throwInWorker() {
  throw new Error('thrown in a worker');
}
self.setTimeout(throwInWorker);
