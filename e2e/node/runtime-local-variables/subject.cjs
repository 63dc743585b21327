// An uncaught exception with localVariablesIntegration: the locals of the throwing frames are sent.
const Sentry = require('@sentry-sdk/node');

Sentry.init({ release: 'e2e@1.0.0', integrations: [Sentry.localVariablesIntegration()] });

function applyDiscount(order, code) {
  const percent = code === 'HALF' ? 50 : 0;
  const customer = { id: 'c_42', tier: 'gold', address: { city: 'Lyon' } };
  if (order.total > 100 && percent > 0) {
    throw new RangeError(`discount ${code} not allowed for ${customer.tier}`);
  }
}

function checkout(items) {
  const order = { total: items.reduce((sum, item) => sum + item.price, 0), items };
  applyDiscount(order, 'HALF');
}

// a caught exception is not paused on: the default is uncaught exceptions only
try {
  JSON.parse('{');
} catch {
  // expected
}

setTimeout(() => {
  checkout([{ sku: 'A-1', price: 80 }, { sku: 'B-2', price: 45 }]);
}, 10);
