/* global document, location, Sentry */
// Profiles the page load: init with tracing and profiling, then CPU-bound work during the load.
const params = new URLSearchParams(location.search);
Sentry.init({
  dsn: params.get('dsn'),
  debug: true,
  release: 'shop@5.0.0',
  tracesSampleRate: 1,
  profilesSampleRate: 1,
  integrations: [
    Sentry.browserTracingIntegration({ idleTimeout: 300 }),
    Sentry.browserProfilingIntegration(),
  ],
});

// The known hot function: CPU-bound, named so that nothing else on the page shares its name.
function layoutProductGridHotLoop(ms) {
  const until = performance.now() + ms;
  let width = 0;
  for (let i = 1; performance.now() < until; i++) width += Math.sqrt(i) * Math.cos(i);
  return width;
}

// a span of the page load: the idle page-load transaction ends with its last child
const width = Sentry.startSpan({ name: 'lay out product grid', op: 'ui.render' }, () =>
  layoutProductGridHotLoop(Number(params.get('work') ?? 600)),
);
const grid = document.getElementById('grid');
if (grid) grid.textContent = `laid out (${Number.isFinite(width)})`;
