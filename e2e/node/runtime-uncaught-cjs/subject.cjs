// Throws from a timer with no handler of its own: the SDK reports the crash, then Node's exit code 1.
const Sentry = require('@sentry-sdk/node');

Sentry.init({ release: 'e2e@1.0.0' });
Sentry.setTag('case', 'uncaught-cjs');

function chargeCard(amount) {
  if (amount > 100) {
    throw new RangeError(`amount ${amount} over the limit`);
  }
}

setTimeout(() => {
  chargeCard(250);
}, 10);
