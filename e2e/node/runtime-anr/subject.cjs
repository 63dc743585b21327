// Blocks the event loop for ~1.5 s; the ANR watchdog (threshold 300 ms) reports it with the stack.
const Sentry = require('@sentry-sdk/node');

const captureStackTrace = process.env.CAPTURE_STACK === '1';
Sentry.init({
  release: 'e2e@1.0.0',
  integrations: [Sentry.anrIntegration({ anrThreshold: 300, pollInterval: 20, captureStackTrace })],
});
Sentry.setTag('case', 'anr');

function hashPasswords(ms) {
  const end = Date.now() + ms;
  let rounds = 0;
  while (Date.now() < end) rounds += 1;
  return rounds;
}

// give the watchdog time to start (and to enable the inspector), then block
setTimeout(() => {
  hashPasswords(1500);
  console.log('unblocked');
  // the watchdog's request was sent while blocked; leave it time to be answered, then end by itself
  setTimeout(() => undefined, 300);
}, 800);
