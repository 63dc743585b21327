/* global window, document, location, requestIdleCallback, Sentry */
Sentry.init({
  dsn: new URLSearchParams(location.search).get('dsn'),
  tracesSampleRate: 1,
  integrations: [Sentry.browserTracingIntegration()],
});
performance.mark('app-start');

// A slow click handler, so that the interaction has a clear INP.
document.addEventListener('click', (event) => {
  if (event.target.id !== 'buy') return;
  const until = performance.now() + 120;
  while (performance.now() < until) {
    // busy: the next paint waits for this handler
  }
  document.getElementById('buy').textContent = 'Bought';
});

// Once loaded: a banner pushes the content down (a layout shift); when the browser has reported the
// shift, a request marks the end of the app's start-up (and keeps the page load open until then).
window.addEventListener('load', () => {
  performance.measure('boot', 'app-start');
  const banner = document.createElement('div');
  banner.className = 'banner';
  banner.textContent = 'Sale!';
  new PerformanceObserver((list, observer) => {
    observer.disconnect();
    fetch('/api/ready').then(() => (window.started = true));
  }).observe({ type: 'layout-shift' });
  setTimeout(() => document.body.prepend(banner), 50);
});

// Resolves once the browser reported the click as an interaction and an idle period has passed, so
// that web-vitals (whose observer was registered first) has taken it into account.
window.interactionRecorded = new Promise((resolve) => {
  new PerformanceObserver((list) => {
    if (list.getEntries().some((entry) => entry.name === 'click'))
      requestIdleCallback(() => resolve(true), { timeout: 2000 });
  }).observe({ type: 'event', durationThreshold: 16 });
});
