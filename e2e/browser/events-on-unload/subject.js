/* global window, location, Sentry */
const params = new URLSearchParams(location.search);
Sentry.init({ dsn: params.get('dsn') });

// An uncaught error, and the page leaves in the same task.
window.throwAndLeave = (message) =>
  setTimeout(() => {
    location.href = '/next.html';
    throw new Error(message);
  });

// Occupies most of the keepalive budget with one large event still in flight, so the next
// event is sent without keepalive (the browser would cancel it on unload), then throws and leaves.
window.throwAndLeaveWithoutKeepalive = (message) => {
  Sentry.captureMessage('large event holding the keepalive budget', { extra: { filler: 'x'.repeat(52_000) } });
  setTimeout(() => {
    Sentry.setExtra('context', 'y'.repeat(8_000));
    window.throwAndLeave(message);
  }, 100);
};
