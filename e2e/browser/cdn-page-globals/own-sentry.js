/* global window */
// The page's own `Sentry` object, defined before the bundle.
window.Sentry = { appName: 'shop', helper: () => 'mine' };
